using Outloop.Storage;

namespace Outloop.Ingestion;

/// <summary>The ordered, stateful half of an <see cref="ILineAdapter"/>: one per file being imported.</summary>
internal interface ILineApplier
{
    /// <summary>Applies one parsed line; returns the reason to report when the line is skipped.</summary>
    string? Apply(object parsed, long lineNumber, IStoreWriter writer);

    /// <summary>Writes what is pending (session end times...) and returns the parser state to save with the offset.</summary>
    string? Flush(IStoreWriter writer);
}
