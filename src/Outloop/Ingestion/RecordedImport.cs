namespace Outloop.Ingestion;

/// <summary>
/// One whole-file adapter's import of one file, running on the thread pool into a <see cref="RecordingWriter"/>: the
/// store's thread takes its chunks of rows in order (<see cref="Chunks"/>), then its result. A few files run ahead
/// of the store this way while it writes the current one. The hand-over blocks with <see cref="Monitor"/> rather
/// than a spinning collection: on two busy cores, spinning waits cost a third more CPU per file (measured).
/// </summary>
internal sealed class RecordedImport
{
    /// <summary>Chunks parsed ahead of the store, per file (each at most about 2 MB of text).</summary>
    private const int ChunksAhead = 2;

    private readonly Queue<List<RecordingWriter.Row>> _chunks = new();
    private readonly object _gate = new();
    private readonly CancellationToken _cancel;
    private readonly Task<FileState> _task;
    private bool _completed;

    private RecordedImport(ISourceAdapter adapter, SourceFile file, bool strict, CancellationToken cancel)
    {
        Log = new ImportLog(file.Path, strict);
        _cancel = cancel;
        _task = Task.Run(() =>
        {
            try
            {
                var writer = new RecordingWriter(Hand);
                var state = adapter.Import(file, writer, Log);
                writer.Flush();
                return state;
            }
            finally
            {
                lock (_gate)
                {
                    _completed = true;
                    Monitor.PulseAll(_gate);
                }
            }
        }, CancellationToken.None); // the body always runs, so the chunks always complete; it stops at the token in Hand
    }

    /// <summary>The file's lines and problems; read it once <see cref="Result"/> returned or threw.</summary>
    public ImportLog Log { get; }

    public static RecordedImport Start(ISourceAdapter adapter, SourceFile file, bool strict, CancellationToken cancel) =>
        new(adapter, file, strict, cancel);

    /// <summary>The chunks of rows in file order, as they are parsed; ends when the adapter is done (or failed).</summary>
    public IEnumerable<List<RecordingWriter.Row>> Chunks()
    {
        while (true)
        {
            List<RecordingWriter.Row> chunk;
            lock (_gate)
            {
                while (_chunks.Count == 0 && !_completed)
                {
                    Monitor.Wait(_gate);
                }

                if (_chunks.Count == 0)
                {
                    yield break;
                }

                chunk = _chunks.Dequeue();
                Monitor.PulseAll(_gate);
            }

            yield return chunk;
        }
    }

    /// <summary>The adapter's file state, or its exception (a strict-mode problem, an unreadable file...).</summary>
    public FileState Result() => _task.GetAwaiter().GetResult();

    /// <summary>Drops what is left of the file and waits for its thread (after a failure, so nothing keeps running).</summary>
    public void Abandon()
    {
        foreach (var _ in Chunks())
        {
        }

        try
        {
            _task.Wait();
        }
        catch (AggregateException)
        {
            // The file is already reported as failed (or the import stops); its own error adds nothing.
        }
    }

    /// <summary>Called on the file's thread with each full chunk: waits while the store is <see cref="ChunksAhead"/> behind.</summary>
    private void Hand(List<RecordingWriter.Row> chunk)
    {
        lock (_gate)
        {
            while (_chunks.Count >= ChunksAhead)
            {
                _cancel.ThrowIfCancellationRequested();
                Monitor.Wait(_gate, 100);
            }

            _chunks.Enqueue(chunk);
            Monitor.PulseAll(_gate);
        }
    }
}
