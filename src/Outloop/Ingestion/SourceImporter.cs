using Outloop.Ingestion.Claude;
using Outloop.Storage;

namespace Outloop.Ingestion;

/// <summary>
/// Imports files of every non-Claude format (and, in <c>auto</c> mode, Claude transcripts too, through
/// <see cref="ClaudeImporter"/>). Walks the given files and folders, picks an adapter per file, skips files whose
/// size and write time are unchanged since their last import, and writes each file in one transaction together
/// with its new <see cref="FileState"/>, so a killed import leaves whole files and resumes where it stopped.
/// </summary>
internal sealed class SourceImporter(IStore store, IReadOnlyList<ISourceAdapter> adapters)
{
    /// <summary>Detects the format of every file.</summary>
    public const string Auto = "auto";

    /// <summary>The format name of files no adapter reads.</summary>
    public const string Unrecognised = "unrecognised";

    /// <summary>The format name of licence and read-me files met while walking a folder: listed, not imported.</summary>
    public const string Ignored = "ignored";

    private const int HeadBytes = 64 * 1024;
    private const int MaxKeptProblems = 1000;

    /// <summary>
    /// Imports <paramref name="paths"/> (files, or folders searched recursively) as <paramref name="format"/>
    /// (an adapter's <see cref="ISourceAdapter.Format"/>, or <see cref="Auto"/>).
    /// </summary>
    public ImportSummary Import(string format, IReadOnlyList<string> paths, ImportOptions options)
    {
        var named = string.Equals(format, Auto, StringComparison.OrdinalIgnoreCase)
            ? null
            : adapters.FirstOrDefault(a => string.Equals(a.Format, format, StringComparison.OrdinalIgnoreCase))
              ?? throw new OutloopException(
                  $"Unknown import format {format}. Use one of: {string.Join(", ", adapters.Select(a => a.Format))}, {ClaudeImporter.Format} or {Auto}.");

        var problems = new List<ImportProblem>();
        var perFile = new List<ImportedFile>();
        var claudeFiles = new List<string>();
        var planned = new List<(string Path, ISourceAdapter Adapter)>();
        foreach (var (path, explicitFile) in Walk(paths))
        {
            var adapter = Choose(path, named, explicitFile, out var isClaude);
            if (isClaude)
            {
                claudeFiles.Add(path);
            }
            else if (adapter is not null)
            {
                planned.Add((path, adapter));
            }
            else if (named is null && (IsDocumentation(path) || TrajectoryCompanions.Reason(path) is not null))
            {
                perFile.Add(new ImportedFile(path, Ignored, 0, 0, 0));
            }
            else
            {
                perFile.Add(new ImportedFile(path, Unrecognised, 0, 0, 0));
                var reason = named is null
                    ? $"no adapter recognises this file (known formats: {string.Join(", ", adapters.Select(a => a.Format))}, {ClaudeImporter.Format}); import it with a named format if you know it"
                    : $"not a {named.Format} file; import it with another format or with {Auto}";
                Keep(problems, new ImportLog(path, options.Strict), reason);
            }
        }

        var before = store.Counts();
        var states = store.FileStates();
        var work = new List<SourceFile>();
        var adapterOf = new Dictionary<string, ISourceAdapter>(StringComparer.Ordinal);
        var unchanged = 0;
        foreach (var (path, adapter) in planned)
        {
            var info = new FileInfo(path);
            states.TryGetValue(path, out var state);
            if (state is not null && state.Size == info.Length && SameTime(state.LastWrite, info.LastWriteTimeUtc))
            {
                unchanged++;
                perFile.Add(new ImportedFile(path, adapter.Format, 0, 0, 0));
                continue;
            }

            // A file that shrank (or was imported as another format) was replaced: read it again from the start.
            if (state is not null && (info.Length < state.Offset || !string.Equals(state.Format, adapter.Format, StringComparison.Ordinal)))
            {
                state = null;
            }

            work.Add(new SourceFile(path, info.Length, new DateTimeOffset(info.LastWriteTimeUtc), state));
            adapterOf[path] = adapter;
        }

        var totalBytes = work.Sum(f => f.Size - (f.State?.Offset ?? 0));
        long bytes = 0;
        long lines = 0;
        long skipped = 0;
        foreach (var file in work)
        {
            var adapter = adapterOf[file.Path];
            var log = new ImportLog(file.Path, options.Strict);
            try
            {
                using var writer = store.BeginWrite();
                var state = adapter.Import(file, writer, log);
                writer.SaveFileState(state with { Path = file.Path, Format = adapter.Format, Size = file.Size, LastWrite = file.LastWrite });
                writer.Commit();
                bytes += Math.Max(0, state.Offset - (file.State?.Offset ?? 0));
            }
            catch (OutloopException)
            {
                throw;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException or InvalidOperationException)
            {
                // The transaction was rolled back: the file is imported again next time.
                log.Problem(0, $"cannot import the file ({e.Message}); nothing of it was stored");
            }

            lines += log.Lines;
            skipped += log.Skipped;
            perFile.Add(new ImportedFile(file.Path, adapter.Format, log.Lines, log.Lines - log.Skipped, log.Skipped));
            foreach (var problem in log.Problems)
            {
                if (problems.Count < MaxKeptProblems)
                {
                    problems.Add(problem);
                }
            }

            options.Progress?.Report(new ImportProgress(bytes, totalBytes));
        }

        using (var writer = store.BeginWrite())
        {
            writer.AssignOrphansToTasks();
            writer.Commit();
        }

        var after = store.Counts();
        var summary = new ImportSummary(
            planned.Count + perFile.Count(f => f.Format is Unrecognised or Ignored),
            unchanged,
            lines,
            bytes,
            (int)(after["sessions"] - before["sessions"]),
            after["model_requests"] - before["model_requests"],
            after["tool_calls"] - before["tool_calls"],
            skipped,
            problems,
            perFile);
        if (claudeFiles.Count == 0)
        {
            return summary;
        }

        var claude = new ClaudeImporter(store).Import(claudeFiles, options with { Progress = null });
        var listed = claude.PerFile.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var unchangedClaude = claudeFiles.Where(f => !listed.Contains(f)).Select(f => new ImportedFile(f, ClaudeImporter.Format, 0, 0, 0));
        return Merge(claude with { PerFile = [.. claude.PerFile, .. unchangedClaude] }, summary);
    }

    /// <summary>Whether a file looks like a Claude Code transcript (auto mode hands those to <see cref="ClaudeImporter"/>).</summary>
    internal static bool IsClaudeTranscript(string path, ReadOnlySpan<byte> head)
    {
        if (!path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return head.IndexOf("\"parentUuid\""u8) >= 0
            || head.StartsWith("{\"type\":\"file-history-snapshot\""u8)
            || (head.StartsWith("{\"type\":\"summary\""u8) && head.IndexOf("\"leafUuid\""u8) >= 0);
    }

    /// <summary>Licence and read-me files that ship beside logs (never a log themselves).</summary>
    internal static bool IsDocumentation(string path)
    {
        var name = Path.GetFileName(path).ToUpperInvariant();
        return name.StartsWith("LICENSE", StringComparison.Ordinal) || name.StartsWith("LICENCE", StringComparison.Ordinal)
            || name.StartsWith("COPYING", StringComparison.Ordinal) || name.StartsWith("NOTICE", StringComparison.Ordinal)
            || name.StartsWith("README", StringComparison.Ordinal);
    }

    private ISourceAdapter? Choose(string path, ISourceAdapter? named, bool explicitFile, out bool isClaude)
    {
        isClaude = false;
        byte[] head;
        try
        {
            head = ReadHead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return named; // the adapter reports the read error for this file
        }

        if (named is not null)
        {
            // A file named on the command line is read as the format the user chose.
            return explicitFile || named.CanRead(path, head) ? named : null;
        }

        if (IsClaudeTranscript(path, head))
        {
            isClaude = true;
            return null;
        }

        return adapters.FirstOrDefault(a => a.CanRead(path, head));
    }

    private static byte[] ReadHead(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
        var buffer = new byte[(int)Math.Min(HeadBytes, stream.Length)];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled == buffer.Length ? buffer : buffer[..filled];
    }

    private static IEnumerable<(string Path, bool Explicit)> Walk(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            throw new OutloopException("Give at least one file or folder to import.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in paths)
        {
            var path = Path.GetFullPath(raw);
            if (File.Exists(path))
            {
                if (seen.Add(path))
                {
                    yield return (path, true);
                }
            }
            else if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", new EnumerationOptions
                {
                    RecurseSubdirectories = true,
                    IgnoreInaccessible = true,
                    AttributesToSkip = FileAttributes.None,
                }).Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    if (seen.Add(file))
                    {
                        yield return (file, false);
                    }
                }
            }
            else
            {
                throw new OutloopException($"No such file or folder: {raw}. Give the files or folders holding the agent logs.");
            }
        }
    }

    private static void Keep(List<ImportProblem> problems, ImportLog log, string reason)
    {
        log.Problem(0, reason);
        if (problems.Count < MaxKeptProblems)
        {
            problems.AddRange(log.Problems);
        }
    }

    /// <summary>Write times are stored to the millisecond.</summary>
    private static bool SameTime(DateTimeOffset stored, DateTime actual) =>
        Math.Abs((stored.UtcDateTime - actual).TotalMilliseconds) < 1;

    private static ImportSummary Merge(ImportSummary a, ImportSummary b) => new(
        a.Files + b.Files,
        a.UnchangedFiles + b.UnchangedFiles,
        a.Lines + b.Lines,
        a.Bytes + b.Bytes,
        a.Sessions + b.Sessions,
        a.Requests + b.Requests,
        a.ToolCalls + b.ToolCalls,
        a.SkippedLines + b.SkippedLines,
        [.. a.Problems, .. b.Problems],
        [.. a.PerFile, .. b.PerFile]);
}
