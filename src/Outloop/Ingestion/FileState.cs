namespace Outloop.Ingestion;

/// <summary>
/// How far a source file has been imported: the byte offset after the last complete line, the size and write
/// time seen then (an unchanged file is skipped without reading), and the parser's carried-over state.
/// </summary>
public sealed record FileState(
    string Path,
    string Format,
    long Offset,
    long Size,
    DateTimeOffset LastWrite,
    long Lines,
    string? ParserState = null)
{
    /// <summary>Whether the file still has the size and write time seen by this import (times are stored to the millisecond).</summary>
    public bool Describes(FileInfo file) =>
        Size == file.Length && Math.Abs((LastWrite.UtcDateTime - file.LastWriteTimeUtc).TotalMilliseconds) < 1;
}
