using Outloop.Storage;

namespace Outloop.Ingestion.Hooks;

/// <summary>
/// Hook events that could not be stored (store locked beyond the timeout, disk full, store broken), kept as
/// <c>~/.outloop/spool/&lt;id&gt;.json</c> (already redacted; the file time is the time received) until the next
/// successful hook or import stores them. Storing is idempotent, so two processes draining at once store each event once.
/// </summary>
internal sealed class HookSpool(string folder)
{
    /// <summary>At most this many spooled events are stored by one hook, so a long backlog does not slow one tool call.</summary>
    public const int HookDrainLimit = 200;

    public string Folder { get; } = folder;

    public static HookSpool Default() => new(Path.Combine(StoreLocation.OutloopHome(), "spool"));

    /// <summary>Stores every spooled event (used by imports); returns how many were stored. A failure is logged, not thrown.</summary>
    public static int DrainDefault(IStore store)
    {
        var log = HookErrorLog.Default();
        try
        {
            return Default().Drain(store, int.MaxValue, log);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            log.Append(DateTimeOffset.UtcNow, $"cannot drain the hook spool ({e.GetType().Name}: {e.Message}); will retry on the next hook or import");
            return 0;
        }
    }

    public string Save(string id, string payload, DateTimeOffset receivedAt)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, id + ".json");
        var temporary = Path.Combine(Folder, id + ".tmp");
        File.WriteAllText(temporary, payload);
        File.SetLastWriteTimeUtc(temporary, receivedAt.UtcDateTime);

        // Renamed only once complete, so a drain never reads half an event.
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    public bool HasPending() => Directory.Exists(Folder) && Directory.EnumerateFiles(Folder, "*.json").Any();

    /// <summary>Stores up to <paramref name="limit"/> spooled events in one transaction, then deletes their files.</summary>
    public int Drain(IStore store, int limit, HookErrorLog log)
    {
        if (!Directory.Exists(Folder))
        {
            return 0;
        }

        var files = Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal).Take(limit).ToList();
        if (files.Count == 0)
        {
            return 0;
        }

        var stored = new List<string>();
        var cut = new HashSet<string>(StringComparer.Ordinal);
        using (var writer = store.BeginWrite())
        {
            foreach (var file in files)
            {
                string payload;
                DateTimeOffset receivedAt;
                try
                {
                    payload = File.ReadAllText(file);
                    receivedAt = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
                }
                catch (FileNotFoundException)
                {
                    continue; // another process drained it first
                }

                try
                {
                    var records = HookEventMapper.Map(payload, Path.GetFileNameWithoutExtension(file), receivedAt);
                    HookRecorder.Write(writer, records);
                    stored.Add(file);
                    if (!ReferenceEquals(records.Event.PayloadJson, payload))
                    {
                        cut.Add(file);
                    }
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
                {
                    var rejected = Path.ChangeExtension(file, ".rejected");
                    File.Move(file, rejected, overwrite: true);
                    log.Append(DateTimeOffset.UtcNow, $"spooled event {file} is not a hook event ({e.Message}); moved to {rejected}");
                }
            }

            writer.Commit();
        }

        foreach (var file in stored)
        {
            if (cut.Contains(file))
            {
                // The store holds this event cut: the spooled file is its whole text (HookRecorder.FullEventPath).
                var whole = HookRecorder.FullEventPath(Path.GetDirectoryName(Folder)!, Path.GetFileNameWithoutExtension(file));
                Directory.CreateDirectory(Path.GetDirectoryName(whole)!);
                File.Move(file, whole, overwrite: true);
            }
            else
            {
                File.Delete(file);
            }
        }

        return stored.Count;
    }
}
