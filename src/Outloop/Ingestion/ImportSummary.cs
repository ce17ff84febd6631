namespace Outloop.Ingestion;

/// <summary>What one import read and stored.</summary>
public sealed record ImportSummary(
    int Files,
    int UnchangedFiles,
    long Lines,
    long Bytes,
    int Sessions,
    long Requests,
    long ToolCalls,
    long SkippedLines,
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<ImportedFile> PerFile)
{
    /// <summary>The one-line summary every import prints.</summary>
    public override string ToString() =>
        $"{Files} files ({UnchangedFiles} unchanged), {Lines} lines, {Sessions} sessions, {Requests} requests, " +
        $"{ToolCalls} tool calls, {SkippedLines} skipped lines";
}

/// <summary>One file of an import: its detected format and line counts.</summary>
public sealed record ImportedFile(string Path, string Format, long Lines, long Imported, long Skipped);
