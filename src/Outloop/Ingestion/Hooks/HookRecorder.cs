using System.Text.Json;
using Outloop.Ingestion.Redaction;
using Outloop.Storage;

namespace Outloop.Ingestion.Hooks;

/// <summary>
/// Records one hook event: redacts it, stores the raw event and what it says about sessions, tool calls and prompts
/// in one transaction, and drains events spooled earlier. Never throws and never writes to the agent: a malformed
/// event is logged; an event the store cannot take is spooled and logged.
/// </summary>
internal sealed class HookRecorder(HookRecorderOptions options)
{
    /// <summary>A write-ahead log at least this long is checkpointed and emptied by the hook that finds it (256 pages).</summary>
    internal const long WalResetBytes = 1024 * 1024;

    /// <summary>How long a whole event (<see cref="FullEventPath"/>) is kept; pruned when the log is emptied, so rarely.</summary>
    internal static readonly TimeSpan KeepFullEventsFor = TimeSpan.FromDays(30);

    private readonly HookErrorLog _log = new(Path.Combine(options.OutloopHome, "logs", "hook-errors.log"));
    private readonly HookSpool _spool = new(Path.Combine(options.OutloopHome, "spool"));

    public HookErrorLog Log => _log;

    public HookSpool Spool => _spool;

    /// <summary>
    /// Records <paramref name="rawEvent"/> (the hook's stdin) and, in the same transaction, what the hook's answer
    /// saved; returns what happened, for tests. A saving is not spooled: it is lost with a locked store.
    /// </summary>
    public HookOutcome Record(string rawEvent, TokenSavingRecord? saving = null)
    {
        using var hookEvent = new HookEventText(rawEvent);
        return Record(hookEvent, saving);
    }

    /// <summary>
    /// Records an event the hook has read (and may have parsed to answer it): when redaction changes nothing, its
    /// parsed document is reused.
    /// </summary>
    public HookOutcome Record(HookEventText hookEvent, TokenSavingRecord? saving = null)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        try
        {
            var rawEvent = hookEvent.Raw;
            if (string.IsNullOrWhiteSpace(rawEvent))
            {
                _log.Append(receivedAt, "empty hook event on stdin; nothing recorded");
                return HookOutcome.Rejected;
            }

            var id = Guid.CreateVersion7(receivedAt).ToString();
            var payload = SecretRedactor.Redact(rawEvent);
            HookRecords records;
            try
            {
                if (ReferenceEquals(payload, rawEvent))
                {
                    records = HookEventMapper.Map(hookEvent, id, receivedAt);
                }
                else
                {
                    using var redacted = new HookEventText(payload);
                    records = HookEventMapper.Map(redacted, id, receivedAt);
                }
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                _log.Append(receivedAt, $"malformed hook event ({e.Message}); nothing recorded. Start: {Preview(payload)}");
                return HookOutcome.Rejected;
            }

            try
            {
                using var store = SqliteStore.Open(options.DbPath, options.BusyTimeout);

                // Every hook process is the last connection to close, and closing checkpoints the WAL into the database
                // with four fsyncs (measured: about 20 of a 30 ms hook). SQLite's automatic checkpoint (every 1,000
                // pages) and the other commands, which close normally, keep the WAL short instead.
                SQLitePCL.raw.sqlite3_db_config(store.Connection.Handle, SQLitePCL.raw.SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, out _);
                using (var writer = store.BeginWrite())
                {
                    Write(writer, records);
                    if (saving is not null)
                    {
                        writer.AddTokenSaving(saving);
                    }

                    writer.Commit();
                }

                KeepFullEvent(records, payload);
                DrainSpool(store);
                ResetLongWal(store);
                Signal(records, payload);
                return HookOutcome.Stored;
            }
            catch (Exception e)
            {
                var spooled = _spool.Save(id, payload, receivedAt);
                _log.Append(receivedAt, $"cannot write the store {options.DbPath} ({e.GetType().Name}: {e.Message}); event {id} spooled to {spooled}");
                Signal(records, payload);
                return HookOutcome.Spooled;
            }
        }
        catch (Exception e)
        {
            _log.Append(receivedAt, $"hook failed ({e.GetType().Name}: {e.Message}); event lost");
            return HookOutcome.Lost;
        }
    }

    /// <summary>Writes one event's records; the caller commits.</summary>
    internal static void Write(IStoreWriter writer, HookRecords records)
    {
        writer.AddHookEvent(records.Event);
        if (records.Session is { } session)
        {
            writer.UpsertSession(session);
        }

        if (records.ToolCall is { } call)
        {
            writer.UpsertToolCall(call);
        }

        if (records.Prompt is { } prompt)
        {
            writer.UpsertPrompt(prompt);
        }
    }

    /// <summary>A Stop leaves its marker for notifications and the review trigger (<see cref="HookStopSignal"/>); a failure is only logged.</summary>
    private void Signal(HookRecords records, string payload)
    {
        try
        {
            HookStopSignal.Handle(records, payload, options.DbPath);
        }
        catch (Exception e)
        {
            _log.Append(DateTimeOffset.UtcNow, $"cannot leave the Stop marker of event {records.Event.Id} ({e.GetType().Name}: {e.Message}); its task notification is lost");
        }
    }

    private void DrainSpool(IStore store)
    {
        try
        {
            if (_spool.HasPending())
            {
                _spool.Drain(store, HookSpool.HookDrainLimit, _log);
            }
        }
        catch (Exception e)
        {
            _log.Append(DateTimeOffset.UtcNow, $"cannot drain the hook spool {_spool.Folder} ({e.GetType().Name}: {e.Message}); will retry on the next hook");
        }
    }

    /// <summary>
    /// Where the whole (redacted) event is kept when the store holds it cut (<see cref="HookEventMapper.MaxPayloadChars"/>):
    /// <c>~/.outloop/events/&lt;event id&gt;.json</c>, the id of its <c>hook_events</c> row.
    /// </summary>
    public static string FullEventPath(string outloopHome, string id) => Path.Combine(outloopHome, "events", id + ".json");

    /// <summary>A file write is a fraction of the cost of the same bytes in the store (log, checkpoint, log index).</summary>
    private void KeepFullEvent(HookRecords records, string payload)
    {
        if (ReferenceEquals(records.Event.PayloadJson, payload))
        {
            return;
        }

        var path = FullEventPath(options.OutloopHome, records.Event.Id);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, payload);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.Append(DateTimeOffset.UtcNow, $"cannot keep the whole event {records.Event.Id} in {path} ({e.GetType().Name}: {e.Message}); the store has it cut");
        }
    }

    /// <summary>
    /// Copies a write-ahead log longer than <see cref="WalResetBytes"/> into the database and empties it, without
    /// waiting for anyone. A hook process is usually the store's only connection, so it opens by reading every frame of
    /// the log to rebuild the log's index, and SQLite's own checkpoint (passive, at 1,000 pages) never restarts the log
    /// from a fresh index: left alone, the log grew by every event and each later hook read and copied all of it again.
    /// </summary>
    private void ResetLongWal(SqliteStore store)
    {
        try
        {
            var wal = new FileInfo(options.DbPath + "-wal");
            if (!wal.Exists || wal.Length < WalResetBytes)
            {
                return;
            }

            // busy_timeout 0: with another process reading or writing, the checkpoint gives up at once (a later hook
            // retries) instead of holding up the agent.
            using var command = store.Connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 0; PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
            PruneFullEvents(Path.Combine(options.OutloopHome, "events"), DateTime.UtcNow - KeepFullEventsFor);
        }
        catch (Exception e)
        {
            _log.Append(DateTimeOffset.UtcNow, $"cannot checkpoint the store's write-ahead log {options.DbPath}-wal ({e.GetType().Name}: {e.Message}); a later hook retries");
        }
    }

    /// <summary>Deletes the whole events written before <paramref name="before"/>; one that cannot be deleted now is left for the next time.</summary>
    internal static int PruneFullEvents(string folder, DateTime before)
    {
        var deleted = 0;
        if (!Directory.Exists(folder))
        {
            return deleted;
        }

        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*.json"))
        {
            try
            {
                if (file.LastWriteTimeUtc < before)
                {
                    file.Delete();
                    deleted++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next prune.
            }
        }

        return deleted;
    }

    private static string Preview(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");
}
