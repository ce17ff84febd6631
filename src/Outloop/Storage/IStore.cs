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

    /// <summary>Sessions with their task and tool-call counts.</summary>
    IReadOnlyList<SessionSummary> Sessions(UsageFilter filter);

    /// <summary>Number of rows per table, for summaries and tests.</summary>
    IReadOnlyDictionary<string, long> Counts();
}
