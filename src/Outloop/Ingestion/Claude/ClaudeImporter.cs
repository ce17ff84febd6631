using System.Collections.Concurrent;
using Outloop.Storage;

namespace Outloop.Ingestion.Claude;

/// <summary>
/// Imports Claude Code transcripts into the store: streaming, incremental (per-file byte offsets), idempotent
/// (natural keys and merging upserts), and tolerant (a bad line is skipped and reported with file and line).
/// Lines are parsed in parallel batches across files; one thread applies them in file order and writes.
/// </summary>
internal sealed class ClaudeImporter(IStore store)
{
    public const string Format = "claude";

    /// <summary>A transaction is committed after this many bytes (a long file in slices of it) so a killed import keeps its progress.</summary>
    private const long CommitEveryBytes = 64L << 20;

    /// <summary>
    /// ... or after this many files. Files share a transaction (each inside a savepoint): a commit per file rewrote
    /// the index pages every file touches, several times the store's size of log writes.
    /// </summary>
    private const int CommitEveryFiles = 1000;

    private const int MaxKeptProblems = 1000;

    public ImportSummary Import(IReadOnlyList<string> paths, ImportOptions options)
    {
        var given = paths.Count > 0;
        var files = ClaudeFileDiscovery.Find(given ? paths : ClaudeFileDiscovery.DefaultRoots(), given);
        var states = store.FileStates();
        var plan = new List<PlannedFile>();
        var unchanged = 0;
        foreach (var file in files)
        {
            var info = new FileInfo(file.Path);
            states.TryGetValue(file.Path, out var state);
            if (state is not null && state.Describes(info))
            {
                unchanged++;
                continue;
            }

            // A file that shrank was replaced or rewritten: read it again from the start (upserts make that safe).
            if (state is not null && info.Length < state.Offset)
            {
                state = null;
            }

            plan.Add(new PlannedFile(file, info.Length, new DateTimeOffset(info.LastWriteTimeUtc), state));
        }

        var before = store.Counts();
        var run = new Run(store, options, plan.Sum(p => p.Size - (p.State?.Offset ?? 0)));
        using var cancel = new CancellationTokenSource();
        using var queue = new BlockingCollection<Item>(boundedCapacity: 4);
        var producer = Task.Factory.StartNew(() => Produce(plan, queue, cancel.Token), cancel.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var item in queue.GetConsumingEnumerable())
            {
                run.Consume(item);
            }

            run.Finish();
        }
        catch
        {
            run.KeepWholeFiles();
            cancel.Cancel();
            DrainQuietly(queue);
            throw;
        }
        finally
        {
            run.Dispose();
        }

        producer.GetAwaiter().GetResult();
        using (var writer = store.BeginWrite())
        {
            writer.AssignOrphansToTasks();
            writer.Commit();
        }

        return run.Summary(files.Count, unchanged, before, store.Counts());
    }


    private static void Produce(List<PlannedFile> plan, BlockingCollection<Item> queue, CancellationToken cancel)
    {
        try
        {
            foreach (var file in plan)
            {
                queue.Add(new Item(file, Start: true), cancel);
                try
                {
                    foreach (var batch in JsonlReader.ReadBatches(file.File.Path, file.State?.Offset ?? 0, (file.State?.Lines ?? 0) + 1))
                    {
                        var lines = batch.Lines.Count;
                        queue.Add(new Item(file, Parsed: Task.Run(() => Parse(batch), cancel), Lines: lines), cancel);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    queue.Add(new Item(file, Error: $"cannot read the file: {e.Message}"), cancel);
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

    private static ParsedBatch Parse(LineBatch batch)
    {
        using (batch)
        {
            var lines = new ParsedLine[batch.Lines.Count];
            for (var i = 0; i < lines.Length; i++)
            {
                var span = batch.Lines[i];
                if (span.TooLong)
                {
                    lines[i] = new ParsedLine(span.Number, null, $"line longer than {JsonlReader.MaxLineBytes >> 20} MiB");
                    continue;
                }

                var bytes = batch.Line(span);
                if (bytes.Trim(" \t"u8).IsEmpty)
                {
                    lines[i] = new ParsedLine(span.Number, null, null);
                    continue;
                }

                try
                {
                    lines[i] = new ParsedLine(span.Number, ClaudeLineParser.Parse(batch.LineMemory(span)), null);
                }
                catch (Exception e)
                {
                    lines[i] = new ParsedLine(span.Number, null, e is FormatException ? e.Message : $"cannot read the line ({e.Message})");
                }
            }

            return new ParsedBatch(lines, batch.EndOffset);
        }
    }

    private static void DrainQuietly(BlockingCollection<Item> queue)
    {
        try
        {
            while (queue.TryTake(out var item, TimeSpan.FromSeconds(5)))
            {
                item.Parsed?.Wait();
            }
        }
        catch (Exception)
        {
            // The import already failed; leftovers are only drained so their buffers return to the pool.
        }
    }

    private sealed record PlannedFile(ClaudeTranscriptFile File, long Size, DateTimeOffset LastWrite, FileState? State);

    private sealed record Item(
        PlannedFile File, bool Start = false, bool End = false, Task<ParsedBatch>? Parsed = null, int Lines = 0, string? Error = null);

    private sealed record ParsedBatch(ParsedLine[] Lines, long EndOffset);

    private readonly record struct ParsedLine(long Number, ClaudeLine? Line, string? Error);

    /// <summary>The consuming side of one import: the open transaction, the current file's builder, the counters.</summary>
    private sealed class Run(IStore store, ImportOptions options, long totalBytes) : IDisposable
    {
        private readonly List<ImportProblem> _problems = [];
        private readonly List<ImportedFile> _perFile = [];
        private IStoreWriter? _writer;
        private ClaudeSessionBuilder? _builder;
        private long _offset;
        private long _fileLines;
        private long _fileSkipped;
        private long _fileStartLines;
        private long _uncommittedBytes;
        private int _uncommittedFiles;
        private long _fileUncommittedBytes;
        private bool _inFile;
        private long _lines;
        private long _bytes;
        private long _skipped;

        public void Consume(Item item)
        {
            var file = item.File;
            if (item.Start)
            {
                _writer ??= store.BeginWrite();
                _writer.BeginSavepoint();
                _inFile = true;
                _fileUncommittedBytes = 0;
                _builder = new ClaudeSessionBuilder(file.File, ClaudeParserState.FromJson(file.State?.ParserState));
                _offset = file.State?.Offset ?? 0;
                _fileStartLines = file.State?.Lines ?? 0;
                _fileLines = 0;
                _fileSkipped = 0;
                return;
            }

            if (item.Error is { } error)
            {
                Problem(new ImportProblem(file.File.Path, 0, error));
                return;
            }

            if (item.Parsed is { } parsed)
            {
                Apply(file, parsed.GetAwaiter().GetResult());
                return;
            }

            if (item.End)
            {
                Checkpoint(file, final: true);
                _perFile.Add(new ImportedFile(file.File.Path, Format, _fileLines, _fileLines - _fileSkipped, _fileSkipped));
            }
        }

        /// <summary>Sessions, requests and tool calls are what the store gained, so re-importing shows none.</summary>
        public ImportSummary Summary(int files, int unchanged, IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
            new(
                files,
                unchanged,
                _lines,
                _bytes,
                (int)(after["sessions"] - before["sessions"]),
                after["model_requests"] - before["model_requests"],
                after["tool_calls"] - before["tool_calls"],
                _skipped,
                _problems,
                _perFile);

        public void Dispose() => _writer?.Dispose();

        private void Apply(PlannedFile file, ParsedBatch batch)
        {
            foreach (var line in batch.Lines)
            {
                _fileLines++;
                if (line.Error is { } reason)
                {
                    _fileSkipped++;
                    var problem = new ImportProblem(file.File.Path, line.Number, reason);
                    if (options.Strict)
                    {
                        throw new OutloopException($"{problem}. Fix or remove the line, or import without --strict to skip it.", ExitCode.BadInput);
                    }

                    Problem(problem);
                    continue;
                }

                if (line.Line is { } parsed)
                {
                    _builder!.Apply(parsed, _writer!);
                }
            }

            var read = batch.EndOffset - _offset;
            _bytes += read;
            _uncommittedBytes += read;
            _fileUncommittedBytes += read;
            _offset = batch.EndOffset;
            options.Progress?.Report(new ImportProgress(_bytes, totalBytes));

            // Only a long file is cut mid-file (its builder flushes what it holds there); shorter files are committed
            // at their end once the transaction holds enough.
            if (_fileUncommittedBytes >= CommitEveryBytes)
            {
                _fileUncommittedBytes = 0;
                Checkpoint(file, final: false);
                _writer = store.BeginWrite();
                _writer.BeginSavepoint();
                _inFile = true;
            }
        }

        /// <summary>Commits what the last files wrote.</summary>
        public void Finish()
        {
            if (_writer is not null)
            {
                Commit();
            }
        }

        /// <summary>
        /// After a failure (a strict error, a store fault): undoes the file being imported and commits the whole files
        /// before it, as a commit per file did.
        /// </summary>
        public void KeepWholeFiles()
        {
            if (_writer is null)
            {
                return;
            }

            try
            {
                if (_inFile)
                {
                    _inFile = false;
                    _writer.RollbackSavepoint();
                }

                Commit();
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                // The store itself failed: nothing more can be kept; disposing the writer rolls back.
            }
        }

        private void Commit()
        {
            var writer = _writer!;
            _writer = null;
            _uncommittedBytes = 0;
            _uncommittedFiles = 0;
            using (writer)
            {
                writer.Commit();
            }
        }

        private void Checkpoint(PlannedFile file, bool final)
        {
            var builder = _builder!;
            var writer = _writer!;
            builder.Flush(writer);
            writer.SaveFileState(new FileState(
                file.File.Path,
                Format,
                _offset,
                final ? file.Size : -1,
                file.LastWrite,
                _fileStartLines + _fileLines,
                builder.State.ToJson()));
            writer.ReleaseSavepoint();
            _inFile = false;
            if (final)
            {
                _lines += _fileLines;
                _skipped += _fileSkipped;
                _uncommittedFiles++;
            }

            if (!final || _uncommittedBytes >= CommitEveryBytes || _uncommittedFiles >= CommitEveryFiles)
            {
                Commit();
            }
        }

        private void Problem(ImportProblem problem)
        {
            if (_problems.Count < MaxKeptProblems)
            {
                _problems.Add(problem);
            }
        }
    }
}
