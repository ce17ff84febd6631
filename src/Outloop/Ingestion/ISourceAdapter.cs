using Outloop.Storage;

namespace Outloop.Ingestion;

/// <summary>
/// One agent log format that <c>outloop import</c> reads into the normalised model. An adapter is given one file at a
/// time with the state its previous import left, writes through one transaction, and returns the new state: line
/// formats resume from <see cref="FileState.Offset"/>, whole-document formats simply re-read a changed file (the
/// store's upserts keep that idempotent).
/// </summary>
internal interface ISourceAdapter
{
    /// <summary>The format name used on the command line and in summaries (<c>codex</c>, <c>swe-agent</c>, ...).</summary>
    string Format { get; }

    /// <summary>Whether this adapter reads the file, judged from its path and its first bytes (at most 64 KB).</summary>
    bool CanRead(string path, ReadOnlySpan<byte> head);

    /// <summary>Imports what is new in <paramref name="file"/>; bad lines go to <paramref name="log"/>, never stop the file.</summary>
    FileState Import(SourceFile file, IStoreWriter writer, ImportLog log);
}

/// <summary>A file to import: its size and write time now, and the state of its previous import (null: never imported).</summary>
internal sealed record SourceFile(string Path, long Size, DateTimeOffset LastWrite, FileState? State);

/// <summary>Counts lines and collects problems of one file's import; in strict mode the first problem is an error.</summary>
internal sealed class ImportLog(string path, bool strict)
{
    private readonly List<ImportProblem> _problems = [];

    public string Path { get; } = path;

    public long Lines { get; set; }

    public long Skipped { get; private set; }

    public IReadOnlyList<ImportProblem> Problems => _problems;

    /// <summary>Records a skipped line (or, at line 0, a problem of the whole file).</summary>
    public void Problem(long line, string reason)
    {
        var problem = new ImportProblem(Path, line, reason);
        if (strict)
        {
            throw new OutloopException($"{problem}. Fix or remove it, or import without --strict to skip it.", ExitCode.BadInput);
        }

        if (line > 0)
        {
            Skipped++;
        }

        _problems.Add(problem);
    }
}
