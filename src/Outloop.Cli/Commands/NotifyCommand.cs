using System.CommandLine;
using System.Text.Json;
using Outloop.Configuration;
using Outloop.Ingestion.Hooks;
using Outloop.Notify;
using Outloop.Review;
using Outloop.Storage;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop notify [--project DIR] [--from-hook] [--json]</c>: handles the tasks Stop hooks finished (imports their
/// transcripts, queues <c>task_complete</c>/<c>escalation</c>), runs the review of the projects where it is due, and
/// sends every pending webhook notification. A Stop hook starts it detached; imports and reviews do the same work inline.
/// </summary>
internal static class NotifyCommand
{
    private static readonly Option<bool> FromHook = new("--from-hook") { Description = "Started by a Stop hook for --project (the event's folder)" };

    // One client for the process: webhook deliveries reuse its connections.
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public static Command Create(CliConsole console)
    {
        var command = new Command("notify", "Send pending webhook notifications, handle tasks Stop hooks finished, run reviews that are due");
        command.Options.Add(ConfigCommand.Project);
        command.Options.Add(FromHook);
        command.Options.Add(GlobalOptions.Json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var explicitProject = parse.GetValue(ConfigCommand.Project);
            using var store = StoreFactory.OpenSqlite(parse);
            var notifier = new Notifier(store, NotifierOptions.Default(Http));
            var projects = notifier.ProcessStops().ToList();
            if (explicitProject is not null)
            {
                projects.Add(Path.GetFullPath(explicitProject));
            }

            var lines = new List<string>();
            foreach (var project in projects.Distinct(StringComparer.Ordinal))
            {
                if (HookStopSignal.IsReviewable(project) || (project == explicitProject && !parse.GetValue(FromHook)))
                {
                    lines.Add(notifier.ReviewIfDue(project).Line);
                }
                else
                {
                    Remember(notifier, project);
                }
            }

            var sent = await notifier.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(GlobalOptions.Json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    reviews = lines,
                    notifications = sent.Notifications,
                    delivered = sent.Delivered,
                    failed = sent.Failed,
                    skipped = sent.Skipped,
                }));
                return 0;
            }

            foreach (var line in lines)
            {
                console.Out.WriteLine(line);
            }

            console.Out.WriteLine($"Webhooks: {sent}.");
            return 0;
        });
        return command;
    }

    /// <summary>The newest task before an import, for <see cref="AfterImport"/>.</summary>
    public static long TaskMark(IStore store) => store is SqliteStore sqlite ? new Notifier(sqlite, NotifierOptions.Default(Http)).TaskMark() : long.MaxValue;

    /// <summary>
    /// After an import: queues the notifications of the tasks it added and of finished Stops, runs the review trigger
    /// of <c>--project</c> (or of the current folder when it has a <c>.outloop</c> folder) and prints its one line, then sends.
    /// </summary>
    public static void AfterImport(CliConsole console, IStore store, ParseResult parse, long mark, bool json)
    {
        if (store is not SqliteStore sqlite || mark == long.MaxValue)
        {
            return;
        }

        var notifier = new Notifier(sqlite, NotifierOptions.Default(Http));
        notifier.QueueTasksAfter(mark);
        notifier.ProcessStops();
        var project = parse.GetValue(ConfigCommand.Project) is { } given ? Path.GetFullPath(given)
            : HookStopSignal.IsReviewable(Directory.GetCurrentDirectory()) ? Directory.GetCurrentDirectory() : null;
        if (project is not null)
        {
            var line = notifier.ReviewIfDue(project).Line;
            (json ? console.Error : console.Out).WriteLine(line);
        }

        Send(console, notifier);
    }

    /// <summary>After <c>outloop review</c>: queues the digest notification and sends what is pending.</summary>
    public static void AfterReview(CliConsole console, SqliteStore store, string project, OutloopConfig config, ReviewResult result)
    {
        var notifier = new Notifier(store, NotifierOptions.Default(Http));
        notifier.AfterReview(project, config, result);
        Send(console, notifier);
    }

    private static void Send(CliConsole console, Notifier notifier)
    {
        var sent = notifier.FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (sent.Failed + sent.Skipped > 0)
        {
            console.Error.WriteLine($"outloop: webhooks: {sent}; see {notifier.Log.Path}");
        }
    }

    private static void Remember(Notifier notifier, string project)
    {
        try
        {
            notifier.Remember(project, ConfigLoader.Load(Directory.Exists(project) ? project : null));
        }
        catch (OutloopException e)
        {
            notifier.Log.Append(DateTimeOffset.UtcNow, $"configuration of {project} cannot be read ({e.Message})");
        }
    }
}
