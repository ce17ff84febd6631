using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Outloop.Ingestion.Hooks;

/// <summary>
/// What a <c>Stop</c> or <c>StopFailure</c> hook event leaves for the notifications and the review trigger, within a
/// millisecond and without waiting for anything: the event itself as a marker file in <c>&lt;store&gt;.outbox/stops</c>
/// (a later <c>outloop notify</c>, import or review turns it into <c>task_complete</c>/<c>escalation</c>), and one byte
/// appended to the project's counter. Only when the project asked for task webhooks, or the counter reached
/// <c>afterTasks</c>, does it start a detached <c>outloop notify --from-hook</c>; it never sends HTTP or reviews itself.
/// The project's settings come from a small state file the CLI writes (<see cref="WriteState"/>), because the hook
/// does not read YAML.
/// </summary>
internal static class HookStopSignal
{
    /// <summary><c>outerLoop.triggers.afterTasks</c>'s default, used until the CLI has written the project's state.</summary>
    public const int DefaultAfterTasks = 10;

    /// <summary>Notifications and trigger files live beside the store: <c>~/.outloop/outloop.outbox</c> for the default store.</summary>
    public static string OutboxFolder(string dbPath)
    {
        var full = Path.GetFullPath(dbPath);
        return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + ".outbox");
    }

    public static string StopsFolder(string dbPath) => Path.Combine(OutboxFolder(dbPath), "stops");

    public static string CounterFile(string dbPath, string project) => Path.Combine(OutboxFolder(dbPath), "triggers", ProjectKey(project) + ".count");

    public static string StateFile(string dbPath, string project) => Path.Combine(OutboxFolder(dbPath), "triggers", ProjectKey(project) + ".state");

    /// <summary>
    /// A file-name-safe key of a project folder: FNV-1a (64 bits) of its full path. Not SHA-256: in the native hook the
    /// first cryptographic hash loads OpenSSL, which cost about 15 ms per Stop when measured.
    /// </summary>
    public static string ProjectKey(string project)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(Path.TrimEndingDirectorySeparator(Path.GetFullPath(project))))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>True for a folder the review may write into by itself: one that has a <c>.outloop</c> folder.</summary>
    public static bool IsReviewable(string project) => Directory.Exists(Path.Combine(project, ".outloop"));

    /// <summary>
    /// Handles one recorded event; does nothing unless it is a <c>Stop</c>/<c>StopFailure</c> with a <c>cwd</c>.
    /// <paramref name="launch"/> starts the follow-up process (null: the real detached <c>outloop notify</c>).
    /// </summary>
    public static StopSignal Handle(HookRecords records, string payload, string dbPath, Func<string, string, bool>? launch = null)
    {
        if (records.Event.EventName is not ("Stop" or "StopFailure") || records.Session?.Cwd is not { Length: > 0 } cwd)
        {
            return StopSignal.None;
        }

        var stops = StopsFolder(dbPath);
        Directory.CreateDirectory(stops);
        var marker = Path.Combine(stops, records.Event.Id + ".json");
        var temporary = marker + ".tmp";
        File.WriteAllText(temporary, payload);
        File.Move(temporary, marker, overwrite: true);

        var count = 0L;
        if (IsReviewable(cwd))
        {
            var counter = CounterFile(dbPath, cwd);
            Directory.CreateDirectory(Path.GetDirectoryName(counter)!);
            using var stream = new FileStream(counter, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            stream.WriteByte((byte)'.');
            count = stream.Length;
        }

        var state = ReadState(StateFile(dbPath, cwd));
        var due = state.TriggersEnabled && state.AfterTasks > 0 && count >= state.AfterTasks;
        var launched = (due || state.TaskWebhooks) && (launch ?? LaunchNotify)(dbPath, cwd);
        return new StopSignal(marker, count, due, launched);
    }

    /// <summary>The project's trigger settings for the hook, written by the CLI whenever it loads the project's configuration.</summary>
    public static void WriteState(string dbPath, string project, ProjectTriggerState state)
    {
        var file = StateFile(dbPath, project);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var text = string.Create(CultureInfo.InvariantCulture, $"{state.AfterTasks} {(state.TriggersEnabled ? 1 : 0)} {(state.TaskWebhooks ? 1 : 0)}\n");
        if (File.Exists(file) && File.ReadAllText(file) == text)
        {
            return;
        }

        var temporary = file + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, file, overwrite: true);
    }

    public static ProjectTriggerState ReadState(string file)
    {
        try
        {
            var parts = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 3 && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var after))
            {
                return new ProjectTriggerState(after, parts[1] == "1", parts[2] == "1");
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return ProjectTriggerState.Unknown;
    }

    /// <summary>
    /// Starts <c>outloop notify --from-hook --project DIR --db PATH</c> detached: its standard streams are pipes the
    /// hook never reads (not the agent's), so the agent does not wait for it, and the hook exits at once.
    /// </summary>
    public static bool LaunchNotify(string dbPath, string project)
    {
        var cli = CliCommand();
        if (cli.Count == 0)
        {
            return false;
        }

        var start = new ProcessStartInfo(cli[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = project,
        };
        foreach (var word in cli.Skip(1).Concat(["notify", "--from-hook", "--project", project, "--db", Path.GetFullPath(dbPath)]))
        {
            start.ArgumentList.Add(word);
        }

        using var process = Process.Start(start);
        return process is not null;
    }

    /// <summary>
    /// How to run the CLI: <c>$OUTLOOP_CLI</c> (a binary, or a <c>.dll</c> run with dotnet); this process when it is
    /// the CLI itself (<c>outloop hook</c>, also as <c>dotnet Outloop.Cli.dll hook</c>); <c>outloop</c> beside this
    /// binary; <c>outloop</c> on the PATH. Empty when none is found.
    /// </summary>
    internal static IReadOnlyList<string> CliCommand()
    {
        var configured = Environment.GetEnvironmentVariable("OUTLOOP_CLI");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ["dotnet", configured] : [configured];
        }

        var self = Environment.ProcessPath;
        var selfName = Path.GetFileNameWithoutExtension(self);
        if (self is not null && selfName == "outloop")
        {
            return [self];
        }

        if (self is not null && selfName == "dotnet" && Environment.GetCommandLineArgs() is [var entry, ..] && entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return [self, entry];
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "outloop");
        if (File.Exists(beside))
        {
            return [beside];
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "outloop");
            if (File.Exists(candidate))
            {
                return [candidate];
            }
        }

        return [];
    }
}
