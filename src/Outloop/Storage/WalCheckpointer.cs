using Microsoft.Data.Sqlite;

namespace Outloop.Storage;

/// <summary>
/// Copies the write-ahead log into the database file on a thread of its own, through a connection of its own, so a
/// bulk import goes on writing while the pages of its previous commit are checkpointed and synced. Small commits
/// (a hook event) keep SQLite's own checkpoint on commit and never start the thread.
/// </summary>
internal sealed class WalCheckpointer(string path) : IDisposable
{
    // An object, not a Lock: the thread waits on it with Monitor.Wait.
    private readonly object _gate = new();
    private Thread? _thread;
    private bool _requested;
    private bool _stopping;

    /// <summary>Asks for a checkpoint soon (requests made while one runs are merged into the next).</summary>
    public void Request()
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            _requested = true;
            if (_thread is null)
            {
                _thread = new Thread(Loop) { IsBackground = true, Name = "Outloop WAL checkpoint" };
                _thread.Start();
            }
            else
            {
                Monitor.Pulse(_gate);
            }
        }
    }

    /// <summary>Waits for a running checkpoint and stops; the store's last connection checkpoints what is left when it closes.</summary>
    public void Dispose()
    {
        Thread? thread;
        lock (_gate)
        {
            _stopping = true;
            thread = _thread;
            Monitor.Pulse(_gate);
        }

        thread?.Join();
    }

    private void Loop()
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            while (true)
            {
                lock (_gate)
                {
                    while (!_requested && !_stopping)
                    {
                        Monitor.Wait(_gate);
                    }

                    if (_stopping)
                    {
                        return;
                    }

                    _requested = false;
                }

                // PASSIVE never waits for the writer; what it cannot copy now, the next request copies.
                checkpoint.ExecuteNonQuery();
            }
        }
        catch (SqliteException)
        {
            // A checkpoint that fails loses nothing: the frames stay in the log, and closing the store checkpoints them.
        }
    }
}
