namespace Outloop.Ingestion.Hooks;

/// <summary>What became of one hook event.</summary>
internal enum HookOutcome
{
    /// <summary>Written to the store.</summary>
    Stored,

    /// <summary>The store could not take it; kept in the spool for the next hook or import.</summary>
    Spooled,

    /// <summary>Not a hook event (empty, not JSON, no <c>hook_event_name</c>); logged.</summary>
    Rejected,

    /// <summary>Neither stored nor spooled (for example, the disk is full); logged if the log could be written.</summary>
    Lost,
}
