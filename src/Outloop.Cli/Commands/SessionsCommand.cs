using System.CommandLine;
using Outloop.Reporting;
using Outloop.Reporting.Pricing;
using Outloop.Reporting.Usage;

namespace Outloop.Cli.Commands;

/// <summary><c>outloop sessions</c>: every session with its tasks, tool calls, tokens and cost.</summary>
internal static class SessionsCommand
{
    private static readonly Option<string?> Agent = new("--agent") { Description = "Only this agent (claude, codex, ...)" };
    private static readonly Option<string?> Project = new("--project") { Description = "Only this project (path or name as stored)" };
    private static readonly Option<string?> Prices = new("--prices") { Description = "Price file overriding built-in prices (LiteLLM format)" };

    public static Command Create(CliConsole console)
    {
        var command = new Command("sessions", "List sessions with their tasks, tool calls, tokens and cost");
        command.Options.Add(Agent);
        command.Options.Add(Project);
        command.Options.Add(Prices);
        command.Options.Add(GlobalOptions.Json);
        command.SetAction(parse =>
        {
            var filter = new UsageFilter(Project: parse.GetValue(Project), Agent: parse.GetValue(Agent));
            var prices = PriceTable.Load(parse.GetValue(Prices));
            SessionsReport report;
            using (var store = StoreFactory.Open(parse))
            {
                report = SessionsReport.Build(store.Sessions(filter), store.UsageRollup(filter), prices);
            }

            UsageCommand.Renderer(parse, console).Render(report);
            return 0;
        });
        return command;
    }
}
