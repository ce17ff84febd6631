using System.CommandLine;
using Outloop.Cli.Commands;

namespace Outloop.Cli;

/// <summary>Builds the command tree and runs it; every command is one class in <c>Commands/</c>.</summary>
internal static class CliApp
{
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("Outloop: the outer loop for AI coding agents.");
        root.Options.Add(GlobalOptions.Db);
        foreach (var command in Commands(console))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = Build(console);
        var parse = root.Parse(args);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (OutloopException e)
        {
            await console.Error.WriteLineAsync($"outloop: {e.Message}").ConfigureAwait(false);
            return (int)e.Code;
        }
    }

    private static IEnumerable<Command> Commands(CliConsole console)
    {
        yield return DemoCommand.Create(console);
        yield return ImportCommand.Create(console);
        yield return InitCommand.Create(console);
        yield return HookCommand.Create();
        yield return VersionCommand.Create(console);
        yield return BenchCommand.Create(console);
        yield return UsageCommand.Create(console);
        yield return SessionsCommand.Create(console);
        yield return TasksCommand.Create(console);
        yield return RouteCommand.Create(console);
        yield return BackfillCommand.Create(console);
        yield return PatternsCommand.Create(console);
        yield return CandidatesCommand.Create(console);
        yield return SimulateCommand.Create(console);
        yield return IssuesCommand.Create(console);
        yield return ToolsCommand.Create(console);
        yield return TemplatesCommand.Create(console);
        yield return CompactCommand.Create(console);
        yield return ConfigCommand.Create(console);
        yield return ReviewCommand.Create(console);
        yield return ProposalsCommand.Create(console);
        yield return LearningsCommand.Create(console);
        yield return EffectivenessCommand.Create(console);
        yield return NotifyCommand.Create(console);
    }
}
