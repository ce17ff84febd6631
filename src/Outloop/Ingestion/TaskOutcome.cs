namespace Outloop.Ingestion;

/// <summary>How a task ended.</summary>
public enum TaskOutcome
{
    /// <summary>Nothing says how it ended.</summary>
    Unknown = 0,

    /// <summary>The work was done (submitted and verified, resolved, tests passed).</summary>
    Converged = 1,

    /// <summary>The work was not done.</summary>
    Failed = 2,

    /// <summary>Handed to a person or stopped at a limit.</summary>
    Escalated = 3,
}
