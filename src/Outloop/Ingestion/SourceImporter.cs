using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Outloop.Ingestion.Claude;
using Outloop.Storage;

namespace Outloop.Ingestion;

/// <summary>
/// Imports files of every non-Claude format (and, in <c>auto</c> mode, Claude transcripts too, through
/// <see cref="ClaudeImporter"/>). Walks the given files and folders, picks an adapter per file, skips files whose
/// size and write time are unchanged since their last import, and writes each file together with its new
/// <see cref="FileState"/> in the same transaction, so a killed import leaves whole files and resumes where it stopped.
/// Many small files share one transaction (committed every <see cref="CommitEveryBytes"/> or
/// <see cref="CommitEveryFiles"/>), each inside a savepoint so a file that fails is undone alone. Lines of an
/// <see cref="ILineAdapter"/> are parsed in parallel batches and applied in file order on one thread; a whole-file
/// adapter imports each file on a thread of its own into a <see cref="RecordingWriter"/> (a few files ahead, within
/// <see cref="BytesAhead"/>), and its rows are written in file order on the same one thread.
/// </summary>
internal sealed class SourceImporter(IStore store, IReadOnlyList<ISourceAdapter> adapters, int commitEveryFiles = SourceImporter.CommitEveryFiles)
{
    /// <summary>Detects the format of every file.</summary>
    public const string Auto = "auto";

    /// <summary>The format name of files no adapter reads.</summary>
    public const string Unrecognised = "unrecognised";

    /// <summary>The format name of licence and read-me files met while walking a folder: listed, not imported.</summary>
    public const string Ignored = "ignored";

    private const int HeadBytes = 64 * 1024;
    private const int MaxKeptProblems = 1000;

    /// <summary>A transaction is committed after this many bytes (a long file in slices of it) so a killed import keeps its progress.</summary>
    private const long CommitEveryBytes = 64L << 20;

    /// <summary>... or after this many files, whichever comes first (tests lower it).</summary>
    public const int CommitEveryFiles = 1000;

    /// <summary>Queued items (file starts, ends and 1 MB batches being parsed): bounds the memory of the pipeline.</summary>
    private const int QueueItems = 4;

    /// <summary>Whole files read ahead of the store hold at most about this many bytes (one bigger file still starts).</summary>
    private const long BytesAhead = 32L << 20;

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
            if (state is not null && state.Describes(info))
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
        var ahead = new InFlightBytes(BytesAhead);
        var run = new Run(store, options, totalBytes, commitEveryFiles, problems, perFile, ahead);
        using (var cancel = new CancellationTokenSource())
        using (var queue = new BlockingCollection<Item>(boundedCapacity: QueueItems))
        {
            var producer = Task.Factory.StartNew(() => Produce(work, adapterOf, queue, ahead, options.Strict, cancel.Token), cancel.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            try
            {
                foreach (var item in queue.GetConsumingEnumerable())
                {
                    run.Consume(item, adapterOf[item.File.Path]);
                }

                run.Finish();
            }
            catch
            {
                cancel.Cancel();
                DrainQuietly(queue);
                throw;
            }
            finally
            {
                run.Dispose();
            }

            producer.GetAwaiter().GetResult();
        }

        var (lines, bytes, skipped) = (run.Lines, run.Bytes, run.Skipped);
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


    private static void Produce(
        List<SourceFile> work, Dictionary<string, ISourceAdapter> adapterOf, BlockingCollection<Item> queue, InFlightBytes ahead, bool strict, CancellationToken cancel)
    {
        try
        {
            foreach (var file in work)
            {
                if (adapterOf[file.Path] is not ILineAdapter lines)
                {
                    ahead.Acquire(AheadBytes(file), cancel);
                    var recorded = RecordedImport.Start(adapterOf[file.Path], file, strict, cancel);
                    try
                    {
                        queue.Add(new Item(file, Recorded: recorded), cancel);
                    }
                    catch (OperationCanceledException)
                    {
                        recorded.Abandon();
                        throw;
                    }

                    continue;
                }

                queue.Add(new Item(file, Start: true), cancel);
                try
                {
                    foreach (var batch in JsonlReader.ReadBatches(file.Path, file.State?.Offset ?? 0, (file.State?.Lines ?? 0) + 1))
                    {
                        queue.Add(new Item(file, Parsed: Task.Run(() => Parse(lines, batch), cancel)), cancel);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    queue.Add(new Item(file, Error: e.Message), cancel);
                }

                queue.Add(new Item(file, End: true), cancel);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    private static long AheadBytes(SourceFile file) => Math.Max(0, file.Size - (file.State?.Offset ?? 0));

    /// <summary>Parses a batch; the batch stays rented until its lines are applied (parsed lines may point into it).</summary>
    private static ParsedBatch Parse(ILineAdapter adapter, LineBatch batch)
    {
        var lines = new ParsedLine[batch.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = LineImport.Parse(adapter, batch, batch.Lines[i]);
        }

        return new ParsedBatch(batch, lines);
    }

    private static void DrainQuietly(BlockingCollection<Item> queue)
    {
        try
        {
            while (queue.TryTake(out var item, TimeSpan.FromSeconds(5)))
            {
                if (item.Parsed is { } parsed)
                {
                    parsed.GetAwaiter().GetResult().Dispose();
                }

                item.Recorded?.Abandon();
            }
        }
        catch (Exception)
        {
            // The import already failed; leftovers are only drained so their buffers return to the pool.
        }
    }

    private sealed record Item(SourceFile File, bool Start = false, bool End = false, RecordedImport? Recorded = null, Task<ParsedBatch>? Parsed = null, string? Error = null);

    private sealed record ParsedBatch(LineBatch Batch, ParsedLine[] Lines) : IDisposable
    {
        public void Dispose()
        {
            foreach (var line in Lines)
            {
                (line.Value as IDisposable)?.Dispose();
            }

            Batch.Dispose();
        }
    }

    /// <summary>The consuming side: the shared transaction, the current file's applier and log, the counters.</summary>
    private sealed class Run(
        IStore store, ImportOptions options, long totalBytes, int commitEveryFiles, List<ImportProblem> problems, List<ImportedFile> perFile, InFlightBytes ahead) : IDisposable
    {
        private IStoreWriter? _writer;
        private ILineApplier? _applier;
        private ImportLog? _log;
        private string? _format;
        private bool _failed;
        private long _offset;
        private long _uncommittedBytes;
        private int _uncommittedFiles;

        public long Lines { get; private set; }

        public long Bytes { get; private set; }

        public long Skipped { get; private set; }

        public void Consume(Item item, ISourceAdapter adapter)
        {
            var file = item.File;
            if (item.Recorded is { } recorded)
            {
                try
                {
                    Whole(file, adapter, recorded);
                }
                finally
                {
                    ahead.Release(AheadBytes(file));
                }

                return;
            }

            if (item.Start)
            {
                _log = new ImportLog(file.Path, options.Strict);
                _failed = false;
                _format = adapter.Format;
                _offset = file.State?.Offset ?? 0;
                Writer().BeginSavepoint();
                _applier = Guard(() => ((ILineAdapter)adapter).Open(file));
                return;
            }

            if (item.Parsed is { } task)
            {
                using var parsed = task.GetAwaiter().GetResult();
                if (!_failed)
                {
                    Guard(() => ApplyBatch(file, parsed));
                }

                return;
            }

            if (item.Error is { } error)
            {
                Fail($"cannot read the file ({error}); nothing of it was stored");
                return;
            }

            if (item.End)
            {
                if (!_failed)
                {
                    Guard(() => Save(file, final: true));
                }

                EndFile(file, adapter);
            }
        }

        public void Finish()
        {
            if (_writer is not null)
            {
                _writer.Commit();
                _writer.Dispose();
                _writer = null;
            }
        }

        public void Dispose() => _writer?.Dispose();

        // Per line or per row: optimised at its first call (see CodexRollout.Apply).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool ApplyBatch(SourceFile file, ParsedBatch parsed)
        {
            foreach (var line in parsed.Lines)
            {
                LineImport.Apply(_applier!, line, _writer!, _log!);
            }

            var read = parsed.Batch.EndOffset - _offset;
            _offset = parsed.Batch.EndOffset;
            Bytes += read;
            _uncommittedBytes += read;
            options.Progress?.Report(new ImportProgress(Bytes, totalBytes));
            if (_uncommittedBytes >= CommitEveryBytes)
            {
                // A long file is committed in slices: the state saved with each slice resumes after it.
                Save(file, final: false);
            }

            return true;
        }

        private bool Save(SourceFile file, bool final)
        {
            var writer = _writer!;
            var state = _applier!.Flush(writer);
            writer.SaveFileState(new FileState(file.Path, _format!, _offset, final ? file.Size : -1, file.LastWrite, (file.State?.Lines ?? 0) + _log!.Lines, state));
            if (!final)
            {
                writer.ReleaseSavepoint();
                Commit();
                Writer().BeginSavepoint();
            }

            return true;
        }

        private void Whole(SourceFile file, ISourceAdapter adapter, RecordedImport recorded)
        {
            _log = recorded.Log;
            _failed = false;
            var writer = Writer();
            writer.BeginSavepoint();
            Guard(() =>
            {
                FileState state;
                try
                {
                    foreach (var chunk in recorded.Chunks())
                    {
                        RecordingWriter.Replay(chunk, writer);
                    }

                    state = recorded.Result();
                }
                catch
                {
                    // The file's thread must be done before its log is read or written here.
                    recorded.Abandon();
                    throw;
                }

                writer.SaveFileState(state with { Path = file.Path, Format = adapter.Format, Size = file.Size, LastWrite = file.LastWrite });
                var read = Math.Max(0, state.Offset - (file.State?.Offset ?? 0));
                Bytes += read;
                _uncommittedBytes += read;
                return true;
            });
            EndFile(file, adapter);
            options.Progress?.Report(new ImportProgress(Bytes, totalBytes));
        }

        private void EndFile(SourceFile file, ISourceAdapter adapter)
        {
            var log = _log!;
            if (!_failed)
            {
                _writer!.ReleaseSavepoint();
                _uncommittedFiles++;
            }

            Lines += log.Lines;
            Skipped += log.Skipped;
            perFile.Add(new ImportedFile(file.Path, adapter.Format, log.Lines, log.Lines - log.Skipped, log.Skipped));
            foreach (var problem in log.Problems)
            {
                if (problems.Count < MaxKeptProblems)
                {
                    problems.Add(problem);
                }
            }

            _applier = null;
            if (_uncommittedBytes >= CommitEveryBytes || _uncommittedFiles >= commitEveryFiles)
            {
                Commit();
            }
        }

        /// <summary>Runs one step of the current file; a fault of the file undoes all of it and reports it (strict errors still stop the import).</summary>
        private T? Guard<T>(Func<T> step)
        {
            try
            {
                return step();
            }
            catch (OutloopException)
            {
                throw;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException or InvalidOperationException)
            {
                Fail($"cannot import the file ({e.Message}); nothing of it was stored");
                return default;
            }
        }

        private void Fail(string reason)
        {
            if (_failed)
            {
                return;
            }

            // The rows since the file's savepoint go; a slice committed before stays, with the state that resumes after it.
            _failed = true;
            _writer!.RollbackSavepoint();
            _log!.Problem(0, reason);
        }

        private IStoreWriter Writer() => _writer ??= store.BeginWrite();

        private void Commit()
        {
            _writer!.Commit();
            _writer.Dispose();
            _writer = null;
            _uncommittedBytes = 0;
            _uncommittedFiles = 0;
        }
    }

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
