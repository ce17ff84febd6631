namespace Outloop.Storage;

/// <summary>
/// What notifications read from the store: a mark of the newest task row, the tasks added after it, a session's
/// working folder and its last prompt.
/// </summary>
internal sealed class SqliteTaskFeed(SqliteStore store)
{
    /// <summary>The newest task row now (0 for an empty store).</summary>
    public long Mark()
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(rowid), 0) FROM tasks";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The tasks stored after <paramref name="mark"/>.</summary>
    public List<(string Id, string Session, DateTimeOffset Started)> TasksAfter(long mark)
    {
        var added = new List<(string Id, string Session, DateTimeOffset Started)>();
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT id, session_id, started_at FROM tasks WHERE rowid > $mark";
        command.Parameters.AddWithValue("$mark", mark);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            added.Add((reader.GetString(0), reader.GetString(1), StoreTime.Parse(reader.GetString(2))));
        }

        return added;
    }

    /// <summary>The session's working folder, or an empty string when it has none.</summary>
    public string SessionFolder(string sessionId)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT coalesce(cwd, '') FROM sessions WHERE id = $id";
        command.Parameters.AddWithValue("$id", sessionId);
        return command.ExecuteScalar() as string ?? string.Empty;
    }

    /// <summary>The session's most recent prompt, or null.</summary>
    public string? LastPrompt(string sessionId)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT text FROM prompts WHERE session_id = $id ORDER BY ts DESC LIMIT 1";
        command.Parameters.AddWithValue("$id", sessionId);
        return command.ExecuteScalar() as string;
    }
}
