using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Outloop.Storage;

namespace Outloop.Ingestion.OpenHands;

/// <summary>
/// Reads OpenHands runs in the three shapes they are kept in: per-event files (<c>&lt;sid&gt;/events/&lt;id&gt;.json</c>,
/// the session folder is the session), evaluation/resolver <c>output.jsonl</c> files (one run per line, read
/// incrementally), and trajectory arrays (one JSON array of events). One session and one task per run.
/// </summary>
internal sealed class OpenHandsAdapter : ISourceAdapter
{
    public const string Agent = OpenHandsRun.Agent;

    private readonly ConcurrentDictionary<string, (DateTime Written, long MaxId)> _folders = new(StringComparer.Ordinal);

    public string Format => Agent;

    public bool CanRead(string path, ReadOnlySpan<byte> head)
    {
        var body = head.TrimStart(" \t\r\n"u8);
        var evented = body.IndexOf("\"action\""u8) >= 0 || body.IndexOf("\"observation\""u8) >= 0;
        if (IsEventFile(path) || IsEventCachePage(path))
        {
            return evented || body.StartsWith("[]"u8);
        }

        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return body.StartsWith("{"u8)
                   && (body.IndexOf("\"history\""u8) >= 0
                       || (body.IndexOf("\"instruction\""u8) >= 0 && (body.IndexOf("\"instance_id\""u8) >= 0 || body.IndexOf("\"issue\""u8) >= 0)));
        }

        return body.StartsWith("["u8) && evented && (body.IndexOf("\"source\""u8) >= 0 || body.IndexOf("\"timestamp\""u8) >= 0);
    }

    public FileState Import(SourceFile file, IStoreWriter writer, ImportLog log)
    {
        if (IsEventCachePage(file.Path))
        {
            // Pages of 25 events that repeat events/*.json: reading both would count every event twice.
            return StoredText.WholeFileState(file, Format, 0);
        }

        if (IsEventFile(file.Path))
        {
            return ImportEvent(file, writer, log);
        }

        return file.Path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            ? ImportRuns(file, writer, log)
            : ImportArray(file, writer, log);
    }

    internal static bool IsEventFile(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        && Path.GetFileName(Path.GetDirectoryName(path)) == "events"
        && long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static bool IsEventCachePage(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && Path.GetFileName(Path.GetDirectoryName(path)) == "event_cache";

    private FileState ImportEvent(SourceFile file, IStoreWriter writer, ImportLog log)
    {
        var sessionFolder = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(file.Path)))!;
        var sid = Path.GetFileName(sessionFolder);
        var sessionId = $"{Agent}:{sid}:{StoredText.PathKey(sessionFolder)}";
        using var doc = StoredText.ParseDocument(file, log, "OpenHands JSON");
        if (doc is null)
        {
            return StoredText.WholeFileState(file, Format, 0);
        }

        var run = new OpenHandsRun(sessionId, writer, file.LastWrite);
        var id = long.Parse(Path.GetFileNameWithoutExtension(file.Path), CultureInfo.InvariantCulture);
        run.Apply(doc.RootElement, id);
        log.Lines = 1;

        // The task row is keyed by the session, so every event file writes the same row; each adds what it knows.
        var outcome = run.ErrorState ? TaskOutcome.Failed : run.Finished ? TaskOutcome.Converged : TaskOutcome.Unknown;
        var evidence = run.ErrorState ? $"agent state 'error' (event {id})" : run.Finished ? $"finish action (event {id})" : null;
        writer.UpsertTask(new TaskRecord(run.TaskId, sessionId, Agent, run.Description, run.Start, Outcome: outcome, OutcomeEvidence: evidence, WorkflowType: Agent));

        // Only the newest event file writes the run's totals, from the newest snapshot, so re-imports and new events
        // keep the latest value instead of whichever file happened to be read last.
        var metrics = IsNewestEvent(Path.GetDirectoryName(Path.GetFullPath(file.Path))!, id) ? NewestMetrics(Path.GetDirectoryName(file.Path)!, id) : null;
        if (metrics is not null)
        {
            run.Flush(sid, null, metrics);
        }
        else
        {
            writer.UpsertSession(new SessionRecord(sessionId, Agent, null, null, run.Start, run.End, sid));
        }

        return StoredText.WholeFileState(file, Format, 1);
    }

    private bool IsNewestEvent(string eventsFolder, long id)
    {
        var written = Directory.GetLastWriteTimeUtc(eventsFolder);
        var entry = _folders.AddOrUpdate(
            eventsFolder,
            _ => (written, MaxEventId(eventsFolder)),
            (_, old) => old.Written == written ? old : (written, MaxEventId(eventsFolder)));
        return id >= entry.MaxId;
    }

    private static long MaxEventId(string eventsFolder)
    {
        long max = -1;
        foreach (var path in Directory.EnumerateFiles(eventsFolder, "*.json"))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > max)
            {
                max = n;
            }
        }

        return max;
    }

    /// <summary>The <c>llm_metrics</c> of the newest event at or before <paramref name="id"/> that has one.</summary>
    private static JsonElement? NewestMetrics(string eventsFolder, long id)
    {
        for (var n = id; n >= 0; n--)
        {
            var path = Path.Combine(eventsFolder, n.ToString(CultureInfo.InvariantCulture) + ".json");
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(StoredText.ReadAll(path));
                if (doc.RootElement.Get("llm_metrics") is { ValueKind: JsonValueKind.Object } metrics)
                {
                    return metrics.Clone();
                }
            }
            catch (JsonException)
            {
                // A bad neighbour is reported when it is imported itself.
            }
        }

        return null;
    }

    private static FileState ImportArray(SourceFile file, IStoreWriter writer, ImportLog log)
    {
        using var doc = StoredText.ParseDocument(file, log, "OpenHands JSON");
        if (doc is null)
        {
            return StoredText.WholeFileState(file, Agent, 0);
        }

        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            log.Problem(0, "not an OpenHands trajectory (expected a JSON array of events)");
            return StoredText.WholeFileState(file, Agent, 0);
        }

        var name = Path.GetFileNameWithoutExtension(file.Path);
        var run = new OpenHandsRun($"{Agent}:{name}:{StoredText.PathKey(file.Path)}", writer, file.LastWrite);
        long index = 0;
        foreach (var ev in doc.RootElement.EnumerateArray())
        {
            run.Apply(ev, index++);
        }

        var (outcome, evidence) = run.ErrorState ? (TaskOutcome.Failed, "agent state 'error'")
            : run.Finished ? (TaskOutcome.Converged, "finish action (not evaluated)")
            : (TaskOutcome.Unknown, (string?)null);
        writer.UpsertTask(new TaskRecord(run.TaskId, run.SessionId, Agent, run.Description, run.Start, Outcome: outcome, OutcomeEvidence: evidence, WorkflowType: Agent));
        run.Flush(name, null, null);
        log.Lines = run.Events;
        return StoredText.WholeFileState(file, Agent, run.Events);
    }

    private static FileState ImportRuns(SourceFile file, IStoreWriter writer, ImportLog log)
    {
        var offset = file.State?.Offset ?? 0;
        var lines = file.State?.Lines ?? 0;
        foreach (var batch in JsonlReader.ReadBatches(file.Path, offset, lines + 1))
        {
            using (batch)
            {
                foreach (var line in batch.Lines)
                {
                    lines = line.Number;
                    log.Lines++;
                    if (line.TooLong)
                    {
                        log.Problem(line.Number, $"line longer than {JsonlReader.MaxLineBytes} bytes");
                        continue;
                    }

                    if (batch.Line(line).Trim(" \t"u8).IsEmpty)
                    {
                        continue;
                    }

                    try
                    {
                        using var doc = JsonDocument.Parse(batch.LineMemory(line));
                        OpenHandsOutput.Write(file, doc.RootElement, line.Number, writer);
                    }
                    catch (JsonException e)
                    {
                        log.Problem(line.Number, $"invalid JSON: {e.Message}");
                    }
                    catch (FormatException e)
                    {
                        log.Problem(line.Number, e.Message);
                    }
                }

                offset = batch.EndOffset;
            }
        }

        return new FileState(file.Path, Agent, offset, file.Size, file.LastWrite, lines);
    }
}
