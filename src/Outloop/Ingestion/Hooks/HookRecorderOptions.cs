namespace Outloop.Ingestion.Hooks;

/// <summary>Where a hook writes: the store, and Outloop's home (logs, spool); how long it waits for a locked store.</summary>
internal sealed record HookRecorderOptions(string DbPath, string OutloopHome, TimeSpan BusyTimeout)
{
    /// <summary>Short enough that a locked store is spooled well inside the hook's timeout in settings.json.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(2);
}
