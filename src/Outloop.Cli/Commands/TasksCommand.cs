using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Outloop.Reporting;
using Outloop.Reporting.Pricing;
using Spectre.Console;

namespace Outloop.Cli.Commands;

/// <summary><c>outloop tasks [--agent A] [--session ID] [--json]</c>: every task with its outcome, tool calls and cost.</summary>
internal static class TasksCommand
{
    private const int DescriptionChars = 60;

    private static readonly Option<string?> Agent = new("--agent") { Description = "Only this agent (claude, codex, swe-agent, tasklog, ...)" };
    private static readonly Option<string?> Session = new("--session") { Description = "Only this session id" };
    private static readonly Option<string?> Project = new("--project") { Description = "Only this project (path or name as stored)" };
    private static readonly Option<string?> Prices = new("--prices") { Description = "Price file overriding built-in prices (LiteLLM format)" };

    public static Command Create(CliConsole console)
    {
        var command = new Command("tasks", "List tasks with their outcome, iterations, score, tool calls and cost");
        foreach (var option in new Option[] { Agent, Session, Project, Prices, GlobalOptions.Json })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var filter = new UsageFilter(Project: parse.GetValue(Project), Agent: parse.GetValue(Agent), SessionId: parse.GetValue(Session));
            var prices = PriceTable.Load(parse.GetValue(Prices));
            TasksReport report;
            using (var store = StoreFactory.Open(parse))
            {
                report = TasksReport.Build(store.Tasks(filter), store.Usage(filter), prices);
            }

            if (parse.GetValue(GlobalOptions.Json))
            {
                console.Out.WriteLine(Json(report));
            }
            else
            {
                Table(console, report);
            }

            return 0;
        });
        return command;
    }

    internal static string Json(TasksReport report) => JsonSerializer.Serialize(new
    {
        tasks = report.Tasks.Select(r => new
        {
            id = r.Task.Id,
            sessionId = r.Task.SessionId,
            agent = r.Task.Agent,
            description = r.Task.Description,
            startedAt = r.Task.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            outcome = r.Task.Outcome,
            iterations = r.Task.Iterations,
            score = r.Task.Score,
            toolCalls = r.Task.ToolCalls,
            failedToolCalls = r.Task.FailedToolCalls,
            costUsd = Math.Round(r.CostUsd, 6),
            workflow = r.Task.WorkflowType,
            outcomeEvidence = r.Task.OutcomeEvidence,
        }),
        unpricedModels = report.UnpricedModels.Select(m => m.Model),
    });

    private static void Table(CliConsole console, TasksReport report)
    {
        var ansi = console.Ansi();
        if (!console.IsTerminal)
        {
            ansi.Profile.Width = 200;
        }

        var table = new Table().AddColumns("Started", "Agent", "Task", "Outcome", "Iter.", "Score", "Tools", "Failed", "Cost (USD)");
        foreach (var row in report.Tasks)
        {
            var t = row.Task;
            var description = (t.Description ?? string.Empty).ReplaceLineEndings(" ");
            table.AddRow(
                Markup.Escape(t.StartedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                Markup.Escape(t.Agent),
                Markup.Escape(description.Length > DescriptionChars ? description[..DescriptionChars] + "..." : description),
                Markup.Escape(t.Outcome),
                t.Iterations?.ToString(CultureInfo.InvariantCulture) ?? "-",
                t.Score?.ToString(CultureInfo.InvariantCulture) ?? "-",
                t.ToolCalls.ToString(CultureInfo.InvariantCulture),
                t.FailedToolCalls.ToString(CultureInfo.InvariantCulture),
                row.CostUsd.ToString("0.0000", CultureInfo.InvariantCulture));
        }

        ansi.Write(table);
        console.Out.WriteLine($"{report.Tasks.Count} tasks, {report.Tasks.Sum(r => r.CostUsd).ToString("0.00", CultureInfo.InvariantCulture)} USD");
    }
}
