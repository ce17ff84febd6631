using System.Text.Json;
using System.Text.Json.Nodes;
using Outloop.Configuration;
using Outloop.Ingestion;
using Outloop.Ingestion.Claude;
using Outloop.Ingestion.Hooks;
using Outloop.Reporting;
using Outloop.Reporting.Pricing;
using Outloop.Review;
using Outloop.Storage;

namespace Outloop.Notify;

/// <summary>
/// Turns what happened into notifications and sends them: tasks an import added or a Stop hook finished
/// (<c>task_complete</c>, and <c>escalation</c> for failed or escalated ones), a review's digest (<c>digest</c>).
/// Also the review trigger: after an import or a Stop, the project's review runs (non-interactive) once
/// <c>outerLoop.triggers.afterTasks</c> tasks came since the last one, unless <c>outerLoop.triggers.enabled</c> is false.
/// Nothing here fails the import or review that called it: problems go to <c>logs/webhooks.log</c> beside the store.
/// </summary>
internal sealed class Notifier(SqliteStore store, NotifierOptions options)
{
    /// <summary>An import of old history must not flood the webhooks: only tasks started this recently are notified...</summary>
    public static readonly TimeSpan RecentTask = TimeSpan.FromDays(1);

    /// <summary>... and at most this many per import (the newest).</summary>
    public const int MaxTasksPerImport = 20;

    private readonly SqliteTaskFeed feed = new(store);

    // The user's price overrides are read once per notifier, not once per session.
    private readonly Lazy<PriceTable> prices = new(() => PriceTable.Load(null));

    public HookErrorLog Log { get; } = new(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(store.Location))!, "logs", "webhooks.log"));

    public Outbox Outbox { get; } = Outbox.ForStore(store.Location);

    /// <summary>The newest task row now; <see cref="QueueTasksAfter"/> later notifies the tasks added after it.</summary>
    public long TaskMark() => feed.Mark();

    /// <summary>Queues <c>task_complete</c>/<c>escalation</c> for the recent tasks added after <paramref name="mark"/>; returns how many tasks.</summary>
    public int QueueTasksAfter(long mark)
    {
        var now = options.Clock.GetUtcNow();
        var added = feed.TasksAfter(mark);

        var recent = added.Where(t => t.Started >= now - RecentTask).OrderByDescending(t => t.Started).ToList();
        if (recent.Count > MaxTasksPerImport)
        {
            Log.Append(now, $"{recent.Count} recent tasks imported; task notifications sent for the newest {MaxTasksPerImport} only");
        }

        var queued = 0;
        foreach (var session in recent.Take(MaxTasksPerImport).GroupBy(t => t.Session, StringComparer.Ordinal))
        {
            var ids = session.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            var project = feed.SessionFolder(session.Key);
            foreach (var row in SessionTasks(session.Key).Where(r => ids.Contains(r.Task.Id)).OrderBy(r => r.Task.StartedAt))
            {
                QueueTask(project, TaskData(row.Task, row.CostUsd, evidence: null), now);
                queued++;
            }
        }

        return queued;
    }

    /// <summary>
    /// Handles the markers Stop hooks left: imports their transcripts (incremental), queues the notifications of the
    /// task each Stop finished, and returns the project folders they came from.
    /// </summary>
    public IReadOnlyList<string> ProcessStops()
    {
        var folder = HookStopSignal.StopsFolder(store.Location);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var stops = new List<(string Claimed, string EventId, string Event, string Session, string Cwd, string? Transcript)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList())
        {
            var claimed = file + "." + Environment.ProcessId + ".processing";
            try
            {
                File.Move(file, claimed);
                using var document = JsonDocument.Parse(File.ReadAllText(claimed));
                var root = document.RootElement;
                stops.Add((claimed, Path.GetFileNameWithoutExtension(file), Text(root, "hook_event_name") ?? "Stop", Text(root, "session_id") ?? string.Empty,
                    Text(root, "cwd") ?? string.Empty, Text(root, "transcript_path")));
            }
            catch (FileNotFoundException)
            {
                // another process took it
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                Log.Append(options.Clock.GetUtcNow(), $"Stop marker {file} cannot be read ({e.Message}); dropped");
                File.Delete(claimed);
            }
        }

        var transcripts = stops.Select(s => s.Transcript).OfType<string>().Where(File.Exists).Distinct(StringComparer.Ordinal).ToList();
        if (transcripts.Count > 0)
        {
            try
            {
                new ClaudeImporter(store).Import(transcripts, new ImportOptions());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or OutloopException)
            {
                Log.Append(options.Clock.GetUtcNow(), $"cannot import the transcripts of finished tasks ({e.Message}); their notifications carry what the hooks saw");
            }
        }

        var now = options.Clock.GetUtcNow();
        foreach (var stop in stops)
        {
            var latest = stop.Session.Length == 0 ? null : SessionTasks(stop.Session).MaxBy(r => r.Task.StartedAt);
            var failure = stop.Event == "StopFailure";
            var data = latest is not null
                ? TaskData(latest.Task with { Outcome = failure && latest.Task.Outcome is "unknown" ? "failed" : latest.Task.Outcome }, latest.CostUsd, failure ? "StopFailure hook" : null)
                : new JsonObject
                {
                    ["taskId"] = $"{stop.Session}:{stop.EventId}",
                    ["sessionId"] = stop.Session,
                    ["description"] = feed.LastPrompt(stop.Session),
                    ["outcome"] = failure ? "failed" : "unknown",
                    ["iterations"] = null,
                    ["costUsd"] = null,
                    ["evidence"] = failure ? "StopFailure hook" : null,
                };
            QueueTask(stop.Cwd, data, now);
            File.Delete(stop.Claimed);
        }

        return [.. stops.Select(s => s.Cwd).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The review trigger for one project: runs the non-interactive review when it is due and triggers are on, queues
    /// its digest, and remembers the project's settings for the hook. Never throws: a failure is the printed line.
    /// </summary>
    public TriggerOutcome ReviewIfDue(string project)
    {
        project = Path.GetFullPath(project);
        try
        {
            var config = options.LoadConfig(project);
            Remember(project, config);
            if (!config.Boolean(ConfigKeys.TriggersEnabled))
            {
                return new TriggerOutcome($"Review: automatic reviews are off ({ConfigKeys.TriggersEnabled} = false).", null);
            }

            var counter = HookStopSignal.CounterFile(store.Location, project);
            using var guard = TryLock(counter + ".lock");
            if (guard is null)
            {
                return new TriggerOutcome("Review: another process is reviewing this project now.", null);
            }

            // The hook's count restarts whether the review is due or not, so that the hook does not start a process on every Stop.
            File.Delete(counter);
            var result = new ReviewRunner(store, config).Run(new ReviewOptions(project, ReviewMode.NonInteractive, Force: false, LookbackDays: null, options.Clock));
            if (!result.Ran)
            {
                return new TriggerOutcome($"Review: not due ({result.SkipReason})", result);
            }

            QueueDigest(project, result);
            return new TriggerOutcome($"Review: ran for {project}: {result.NewProposals.Count} new proposal(s) pending; digest {result.DigestMarkdownPath}", result);
        }
        catch (Exception e) when (e is OutloopException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            Log.Append(options.Clock.GetUtcNow(), $"automatic review of {project} failed ({e.Message})");
            return new TriggerOutcome($"Review: not run ({e.Message})", null);
        }
    }

    /// <summary>After a review run by hand: queues its digest, restarts the hook's task count and remembers the project's settings.</summary>
    public void AfterReview(string project, OutloopConfig config, ReviewResult result)
    {
        project = Path.GetFullPath(project);
        Remember(project, config);
        if (result.Ran)
        {
            QueueDigest(project, result);
            try
            {
                File.Delete(HookStopSignal.CounterFile(store.Location, project));
            }
            catch (IOException e)
            {
                Log.Append(options.Clock.GetUtcNow(), $"cannot restart the hook's task count of {project} ({e.Message})");
            }
        }
    }

    /// <summary>Queues the <c>digest</c> notification of a review that ran (its figures come from the digest's JSON).</summary>
    public void QueueDigest(string project, ReviewResult result)
    {
        if (!result.Ran || result.DigestJsonPath is null)
        {
            return;
        }

        var summary = new JsonObject();
        try
        {
            var digest = JsonNode.Parse(File.ReadAllText(result.DigestJsonPath))!.AsObject();
            summary = digest["summary"]?.DeepClone().AsObject() ?? summary;
            summary["patternsDetected"] = digest["patterns"]?.AsArray().Count ?? 0;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            Log.Append(options.Clock.GetUtcNow(), $"digest {result.DigestJsonPath} cannot be read for its webhook ({e.Message}); the notification has no summary");
        }

        summary["learningsPromoted"] = result.Learnings?.Promoted.Count ?? 0;
        var data = new JsonObject
        {
            ["summary"] = summary,
            ["newProposals"] = result.NewProposals.Count,
            ["guidelinesUpdated"] = new JsonArray([.. result.GuidelinesUpdated.Select(g => (JsonNode?)g)]),
            ["digestPath"] = result.DigestMarkdownPath,
            ["digestJsonPath"] = result.DigestJsonPath,
        };
        Outbox.Enqueue(Notification.Create(WebhookConfig.Digest, Path.GetFullPath(project), options.Clock.GetUtcNow(), data));
    }

    /// <summary>Writes what the hook needs to know about the project (afterTasks, triggers on, task webhooks wanted).</summary>
    public void Remember(string project, OutloopConfig config)
    {
        try
        {
            var taskHooks = config.Webhooks().Any(w => w.Wants(WebhookConfig.TaskComplete) || w.Wants(WebhookConfig.Escalation));
            HookStopSignal.WriteState(store.Location, project, new ProjectTriggerState(config.Integer(ConfigKeys.AfterTasks), config.Boolean(ConfigKeys.TriggersEnabled), taskHooks));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.Append(options.Clock.GetUtcNow(), $"cannot write the hook's trigger state of {project} ({e.Message})");
        }
    }

    /// <summary>Sends every pending notification (see <see cref="NotificationDispatcher"/>).</summary>
    public Task<DispatchSummary> FlushAsync(CancellationToken cancellationToken) =>
        new NotificationDispatcher(Outbox, options.Http, Log, options.Environment, options.LoadConfig, options.Clock).FlushAsync(cancellationToken);

    private void QueueTask(string project, JsonObject data, DateTimeOffset now)
    {
        var outcome = (string?)data["outcome"];
        Outbox.Enqueue(Notification.Create(WebhookConfig.TaskComplete, project, now, data));
        if (outcome is "failed" or "escalated")
        {
            Outbox.Enqueue(Notification.Create(WebhookConfig.Escalation, project, now, (JsonObject)data.DeepClone()));
        }
    }

    private static JsonObject TaskData(TaskSummary task, decimal cost, string? evidence) => new()
    {
        ["taskId"] = task.Id,
        ["sessionId"] = task.SessionId,
        ["agent"] = task.Agent,
        ["description"] = task.Description,
        ["outcome"] = task.Outcome,
        ["iterations"] = task.Iterations,
        ["costUsd"] = cost,
        ["evidence"] = task.OutcomeEvidence ?? evidence,
        ["startedAt"] = StoreTime.Format(task.StartedAt),
    };

    private IReadOnlyList<TaskRow> SessionTasks(string sessionId)
    {
        var filter = new UsageFilter(SessionId: sessionId);
        return TasksReport.Build(store.Tasks(filter), store.Usage(filter), prices.Value).Tasks;
    }


    private static FileStream? TryLock(string path)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
