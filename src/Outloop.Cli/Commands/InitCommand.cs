using System.CommandLine;
using Outloop.Ingestion.Hooks;
using Outloop.Review;
using Outloop.Storage;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop init claude [--user | --project DIR] [--compact [output|rewrite|all]] [--remove]</c>: installs or removes
/// Outloop's Claude Code hooks, with output compaction on the PostToolUse and/or PreToolUse handler, and makes the
/// project's CLAUDE.md import its guidelines; <c>outloop init agents [--project DIR]</c>: AGENTS.md's managed section.
/// </summary>
internal static class InitCommand
{
    private const string CompactOutput = "output";
    private const string CompactRewrite = "rewrite";
    private const string CompactAll = "all";

    public static Command Create(CliConsole console)
    {
        var command = new Command("init", "Connect Outloop to an agent");
        command.Subcommands.Add(Claude(console));
        command.Subcommands.Add(Agents(console));
        return command;
    }

    private static Command Claude(CliConsole console)
    {
        var user = new Option<bool>("--user") { Description = "Install in your user settings ($CLAUDE_CONFIG_DIR or ~/.claude/settings.json), for every project" };
        var project = new Option<string?>("--project") { Description = "Install in DIR/.claude/settings.json (default: the current folder)", HelpName = "DIR" };
        var remove = new Option<bool>("--remove") { Description = "Take Outloop's hooks out again, leaving every other hook as it is" };
        var compact = new Option<string?>("--compact")
        {
            Description = "Also compact Bash test/build/lint output for the agent: 'output' (default) replaces a recognised output after "
                + "the run (PostToolUse), 'rewrite' runs a plain test/build/lint command through 'outloop compact' (PreToolUse), "
                + "'all' does both. Run init again without --compact to turn it off",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "output|rewrite|all",
        };
        compact.AcceptOnlyFromAmong(CompactOutput, CompactRewrite, CompactAll);
        var command = new Command("claude", "Record every Claude Code session through hooks (tool calls, failures, prompts, sessions)")
        {
            user, project, remove, compact,
        };
        command.SetAction(parse =>
        {
            var projectDirectory = parse.GetValue(project);
            if (parse.GetValue(user) && projectDirectory is not null)
            {
                throw new OutloopException("Choose one of --user and --project.");
            }

            var settings = parse.GetValue(user)
                ? ClaudeSettingsInstaller.UserSettingsPath(
                    Environment.GetEnvironmentVariable("CLAUDE_CONFIG_DIR"),
                    Environment.GetFolderPath(Environment.SpecialFolder.UserProfile))
                : ClaudeSettingsInstaller.ProjectSettingsPath(projectDirectory ?? Environment.CurrentDirectory);
            if (parse.GetValue(remove))
            {
                var removed = ClaudeSettingsInstaller.Remove(settings, DateTimeOffset.UtcNow);
                console.Out.WriteLine(removed.Changed
                    ? $"Removed {removed.HandlersRemoved} Outloop hook handler(s) from {settings}."
                    : $"No Outloop hooks in {settings}; nothing changed.");
                WriteBackup(console, removed);
                return 0;
            }

            // A store chosen with --db or OUTLOOP_DB is written into the command: Claude Code may run hooks without that variable.
            var db = parse.GetValue(GlobalOptions.Db) ?? Environment.GetEnvironmentVariable("OUTLOOP_DB");
            var mode = parse.GetResult(compact) is null ? null : parse.GetValue(compact) ?? CompactOutput;
            var (fast, hookCommand) = ChooseHookCommand(string.IsNullOrWhiteSpace(db) ? null : db);
            var change = ClaudeSettingsInstaller.Install(settings, eventName => hookCommand(Flags(eventName, mode)), DateTimeOffset.UtcNow);
            console.Out.WriteLine(change.Changed
                ? $"Outloop's hook is installed in {settings}: {change.EventsAdded.Count} event(s) added, {change.EventsUpdated.Count} updated."
                : $"Outloop's hook was already installed in {settings}; nothing changed.");
            WriteBackup(console, change);
            console.Out.WriteLine($"Hook command: {hookCommand([])}");
            console.Out.WriteLine(mode switch
            {
                CompactOutput => "Output compaction: on (PostToolUse replaces a recognised Bash test/build/lint output by its compact form; full outputs in .outloop/outputs).",
                CompactRewrite => "Output compaction: on (PreToolUse runs plain test/build/lint commands through 'compact'; you confirm the rewritten command unless permissions are bypassed).",
                CompactAll => "Output compaction: on (PreToolUse rewrites plain test/build/lint commands; PostToolUse compacts the other recognised outputs).",
                _ => "Output compaction: off (turn it on with --compact).",
            });
            if (!parse.GetValue(user))
            {
                // The guidelines earlier reviews wrote reach Claude through CLAUDE.md imports.
                var published = new ProjectFiles(projectDirectory ?? Environment.CurrentDirectory).PublishGuidelines(createAgentsMd: false);
                foreach (var file in published)
                {
                    console.Out.WriteLine($"Updated {file}: it now includes Outloop's guidelines (.outloop/guidelines/*.md).");
                }
            }

            if (!fast)
            {
                console.Out.WriteLine(
                    $"For a hook that starts about 10x faster, publish the native binary (scripts/publish-hook.sh puts it in {Path.Combine(StoreLocation.OutloopHome(), "bin")}) and run this again.");
            }

            return 0;
        });
        return command;
    }

    private static Command Agents(CliConsole console)
    {
        var project = new Option<string?>("--project") { Description = "The project folder (default: the current folder)", HelpName = "DIR" };
        var command = new Command("agents", "Give AGENTS.md (read by Codex and other agents) a section with Outloop's guidelines, kept up to date by every review") { project };
        command.SetAction(parse =>
        {
            var files = new ProjectFiles(parse.GetValue(project) ?? Environment.CurrentDirectory);
            var changed = files.PublishGuidelines(createAgentsMd: true);
            var agents = Path.Combine(files.Root, "AGENTS.md");
            console.Out.WriteLine(changed.Contains("AGENTS.md")
                ? $"{agents} has Outloop's managed section (between {ProjectFiles.ManagedBegin} and {ProjectFiles.ManagedEnd}); reviews rewrite it, the rest of the file is yours."
                : $"{agents} already has Outloop's managed section, up to date; nothing changed.");
            return 0;
        });
        return command;
    }

    private static void WriteBackup(CliConsole console, ClaudeSettingsChange change)
    {
        if (change.BackupPath is not null)
        {
            console.Out.WriteLine($"Backup of the previous file: {change.BackupPath}");
        }
    }

    /// <summary>
    /// The hook options of one event's handler. Output compaction is the default of --compact: the agent's command runs
    /// exactly as written (its shell, its cwd change, its pipes), so it cannot break anything; but Claude Code sends a
    /// failed Bash call (non-zero exit) to PostToolUseFailure, which cannot replace output, so only 'rewrite' compacts
    /// failing runs, at the price of running the command under 'compact' and bash -c.
    /// </summary>
    private static string[] Flags(string eventName, string? mode) => (eventName, mode) switch
    {
        ("PostToolUse", CompactOutput or CompactAll) => [HookInvocation.CompactFlag],
        ("PreToolUse", CompactRewrite or CompactAll) => [HookInvocation.RewriteFlag],
        _ => [],
    };

    private static (bool Fast, Func<string[], string> Command) ChooseHookCommand(string? db)
    {
        var fast = HookCommandLine.FastBinaryCandidates(
                Environment.GetEnvironmentVariable("OUTLOOP_HOOK_BIN"), AppContext.BaseDirectory, StoreLocation.OutloopHome())
            .FirstOrDefault(File.Exists);
        var processPath = Environment.ProcessPath ?? "dotnet";
        var cliAssembly = Path.Combine(AppContext.BaseDirectory, "Outloop.Cli.dll");
        return (fast is not null, flags => HookCommandLine.Build(fast, processPath, cliAssembly, db, flags));
    }
}
