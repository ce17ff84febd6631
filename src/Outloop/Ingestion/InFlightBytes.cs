namespace Outloop.Ingestion;

/// <summary>
/// Bounds the bytes of the files whose import runs ahead of the store: a file starts when the files in flight hold
/// less than the budget (so one file of any size always starts), and its bytes are released once it is written.
/// Whole documents are parsed in memory, so this is what keeps several big ones from being held at once.
/// </summary>
internal sealed class InFlightBytes(long budget)
{
    // An object, not a Lock: the producer waits on it with Monitor.Wait.
    private readonly object _lock = new();
    private long _held;

    public void Acquire(long bytes, CancellationToken cancel)
    {
        lock (_lock)
        {
            while (_held > 0 && _held + bytes > budget)
            {
                cancel.ThrowIfCancellationRequested();
                Monitor.Wait(_lock, 50);
            }

            _held += bytes;
        }
    }

    public void Release(long bytes)
    {
        lock (_lock)
        {
            _held -= bytes;
            Monitor.PulseAll(_lock);
        }
    }
}
