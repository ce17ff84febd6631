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
        var receivedAt = DateTimeOffset.UtcNow;
        try
        {
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
                records = HookEventMapper.Map(payload, id, receivedAt);
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

                DrainSpool(store);
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

    private static string Preview(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");
}
