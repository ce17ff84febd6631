using System.CommandLine;
using System.Text.Json;
using Outloop.Ingestion;
using Outloop.Ingestion.Claude;
using Outloop.Ingestion.Hooks;
using Spectre.Console;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop import claude [PATH...]</c>, <c>outloop import &lt;format&gt; PATH...</c> (one subcommand per registered
/// <see cref="SourceAdapters"/> entry) and <c>outloop import auto PATH...</c>: imports agent logs into the store.
/// </summary>
internal static class ImportCommand
{
    private const int ShownProblems = 20;

    public static Command Create(CliConsole console)
    {
        var command = new Command("import", "Import agent logs into the store (streaming, incremental, idempotent)");
        command.Subcommands.Add(Claude(console));
        foreach (var adapter in SourceAdapters.All)
        {
            command.Subcommands.Add(Source(console, adapter.Format, $"Import {adapter.Format} logs (files, or folders searched recursively)"));
        }

        command.Subcommands.Add(Source(
            console,
            SourceImporter.Auto,
            "Import files of any known format, detected per file (Claude transcripts included); says which format it chose"));
        return command;
    }

    private static Command Claude(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Config folders (holding projects/), projects folders, project folders or .jsonl files; default: $CLAUDE_CONFIG_DIR or ~/.claude and ~/.config/claude",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var strict = new Option<bool>("--strict") { Description = "Stop at the first bad line instead of skipping it" };
        var command = new Command("claude", "Import Claude Code transcripts, subagent runs included") { paths, strict, ConfigCommand.Project, GlobalOptions.Json };
        command.SetAction(parse =>
        {
            using var store = StoreFactory.Open(parse);
            var importer = new ClaudeImporter(store);
            var files = parse.GetValue(paths) ?? [];
            var mark = NotifyCommand.TaskMark(store);
            var summary = WithProgress(console, progress => importer.Import(files, new ImportOptions(parse.GetValue(strict), progress)));
            HookSpool.DrainDefault(store); // hook events spooled while the store was locked or unwritable
            Render(console, summary, parse.GetValue(GlobalOptions.Json));
            NotifyCommand.AfterImport(console, store, parse, mark, parse.GetValue(GlobalOptions.Json));
            return 0;
        });
        return command;
    }

    private static Command Source(CliConsole console, string format, string description)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files, or folders searched recursively",
            Arity = ArgumentArity.OneOrMore,
        };
        var strict = new Option<bool>("--strict") { Description = "Stop at the first bad line or unrecognised file instead of skipping it" };
        var command = new Command(format, description) { paths, strict, ConfigCommand.Project, GlobalOptions.Json };
        command.SetAction(parse =>
        {
            using var store = StoreFactory.Open(parse);
            var importer = new SourceImporter(store, SourceAdapters.All);
            var files = parse.GetValue(paths) ?? [];
            var mark = NotifyCommand.TaskMark(store);
            var summary = WithProgress(console, progress => importer.Import(format, files, new ImportOptions(parse.GetValue(strict), progress)));
            var json = parse.GetValue(GlobalOptions.Json);
            if (!json && format == SourceImporter.Auto)
            {
                foreach (var file in summary.PerFile)
                {
                    console.Out.WriteLine($"{file.Path}: {file.Format}");
                }
            }

            Render(console, summary, json);
            NotifyCommand.AfterImport(console, store, parse, mark, json);
            return 0;
        });
        return command;
    }

    internal static ImportSummary WithProgress(CliConsole console, Func<IProgress<ImportProgress>?, ImportSummary> import)
    {
        if (!console.IsTerminal)
        {
            return import(null);
        }

        ImportSummary? summary = null;
        console.Ansi().Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("importing");
            var progress = new Progress<ImportProgress>(p =>
            {
                task.MaxValue = Math.Max(1, p.TotalBytes);
                task.Value = p.Bytes;
            });
            summary = import(progress);
        });
        return summary!;
    }

    internal static void Render(CliConsole console, ImportSummary summary, bool json)
    {
        if (json)
        {
            var files = summary.PerFile.Select(f => new { path = f.Path, format = f.Format, lines = f.Lines, imported = f.Imported, skipped = f.Skipped });
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                files,
                summary = new
                {
                    files = summary.Files,
                    unchangedFiles = summary.UnchangedFiles,
                    lines = summary.Lines,
                    sessions = summary.Sessions,
                    requests = summary.Requests,
                    toolCalls = summary.ToolCalls,
                    skippedLines = summary.SkippedLines,
                },
                problems = summary.Problems.Select(p => new { path = p.Path, line = p.Line, reason = p.Reason }),
            }));
        }
        else
        {
            console.Out.WriteLine($"Imported {summary}.");
        }

        foreach (var problem in summary.Problems.Take(ShownProblems))
        {
            console.Error.WriteLine($"skipped {problem}");
        }

        if (summary.Problems.Count > ShownProblems)
        {
            console.Error.WriteLine($"... and {summary.Problems.Count - ShownProblems} more problems (use --json to see all kept).");
        }
    }
}
