using Outloop.Ingestion;
using Outloop.Reporting;

namespace Outloop.Storage;

/// <summary>
/// The store behind every stage: SQLite by default, PostgreSQL for teams. Writes go through one
/// <see cref="IStoreWriter"/> per transaction; reads stream rows.
/// </summary>
internal interface IStore : IDisposable
{
    /// <summary>Where the store lives (a file path or a connection description without secrets).</summary>
    string Location { get; }

    /// <summary>Starts a transaction; nothing is visible to readers until <see cref="IStoreWriter.Commit"/>.</summary>
    IStoreWriter BeginWrite();

    /// <summary>Every source file's import state, keyed by path.</summary>
    IReadOnlyDictionary<string, FileState> FileStates();

    /// <summary>De-duplicated model requests matching the filter, oldest first.</summary>
    IEnumerable<UsageEntry> Usage(UsageFilter filter);

    /// <summary>
    /// The same usage as <see cref="Usage"/>, pre-summed in the store per quarter hour, session, model and speed where
    /// summing cannot change a cost (no counter above the 200k-token price tier, no source-reported cost); other
    /// requests come one by one. Each row's time is the latest of its group. For reports that group by day, month
    /// or session; blocks need every request's time and use <see cref="Usage"/>.
    /// </summary>
    IEnumerable<UsageEntry> UsageRollup(UsageFilter filter);

    /// <summary>Sessions with their task and tool-call counts.</summary>
    IReadOnlyList<SessionSummary> Sessions(UsageFilter filter);

    /// <summary>Tasks matching the filter (agent, session, project, start day), oldest first, with their tool-call counts.</summary>
    IReadOnlyList<TaskSummary> Tasks(UsageFilter filter);

    /// <summary>The recorded attempts of one task, by number.</summary>
    IReadOnlyList<IterationRecord> Iterations(string taskId);

    /// <summary>The learnings recorded for one task, or for every task when <paramref name="taskId"/> is null.</summary>
    IReadOnlyList<LearningRecord> Learnings(string? taskId);

    /// <summary>Number of rows per table, for summaries and tests.</summary>
    IReadOnlyDictionary<string, long> Counts();
}
