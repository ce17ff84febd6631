namespace Outloop.Ingestion;

/// <summary>
/// A line format (JSONL) whose lines <see cref="SourceImporter"/> parses in parallel and applies in file order on
/// one thread, like the Claude import. <see cref="ISourceAdapter.Import"/> still imports one file on its own (see
/// <see cref="LineImport.Sequential"/>); whole-document formats implement <see cref="ISourceAdapter"/> only.
/// </summary>
internal interface ILineAdapter : ISourceAdapter
{
    /// <summary>
    /// Parses one non-blank line without touching any state (it runs on the thread pool, many lines at once). The
    /// bytes stay valid until the result has been applied, so the result may point into them. Throws
    /// <see cref="System.Text.Json.JsonException"/> or <see cref="FormatException"/> for a line to skip and report;
    /// returns null for a line that holds nothing to apply. A result that is <see cref="IDisposable"/> is disposed
    /// after it is applied.
    /// </summary>
    object? Parse(ReadOnlyMemory<byte> line);

    /// <summary>Starts applying the lines of <paramref name="file"/> from the parser state its last import left.</summary>
    ILineApplier Open(SourceFile file);
}
