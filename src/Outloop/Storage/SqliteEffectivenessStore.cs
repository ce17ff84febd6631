using Microsoft.Data.Sqlite;
using Outloop.Review;

namespace Outloop.Storage;

/// <summary>The effectiveness measure's SQL: tasks by start time, and the tasks in which given patterns occurred.</summary>
internal sealed class SqliteEffectivenessStore(SqliteStore store)
{
    private readonly SqliteConnection _connection = store.Connection;

    /// <summary>Tasks started at or after <paramref name="since"/>, oldest first.</summary>
    public List<EffectivenessTask> Tasks(DateTimeOffset since)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, agent, started_at, description, iterations FROM tasks WHERE started_at >= $since ORDER BY started_at, id";
        command.Parameters.AddWithValue("$since", StoreTime.Format(since));
        using var reader = command.ExecuteReader();
        var result = new List<EffectivenessTask>();
        while (reader.Read())
        {
            result.Add(new EffectivenessTask(reader.GetString(0), reader.GetString(1), StoreTime.Parse(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt32(4)));
        }

        return result;
    }

    /// <summary>The ids of the tasks in which at least one of the patterns occurred.</summary>
    public HashSet<string> TasksWith(IReadOnlyCollection<string> patternIds)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (patternIds.Count == 0)
        {
            return result;
        }

        using var command = _connection.CreateCommand();
        var names = patternIds.Select((id, i) => (Name: "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Id: id)).ToList();
        command.CommandText = $"SELECT DISTINCT task_id FROM pattern_occurrences WHERE pattern_id IN ({string.Join(", ", names.Select(n => n.Name))})";
        foreach (var (name, id) in names)
        {
            command.Parameters.AddWithValue(name, id);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    /// <summary>The description of the earliest task a pattern occurred in (an iteration group's first task), or null.</summary>
    public string? FirstTaskDescription(string patternId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT t.description FROM pattern_occurrences o JOIN tasks t ON t.id = o.task_id
            WHERE o.pattern_id = $id AND t.description IS NOT NULL ORDER BY t.started_at, t.id LIMIT 1
            """;
        command.Parameters.AddWithValue("$id", patternId);
        return command.ExecuteScalar() as string;
    }

    /// <summary>A task's description, or null when the task or its description is missing.</summary>
    public string? Description(string taskId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT description FROM tasks WHERE id = $id";
        command.Parameters.AddWithValue("$id", taskId);
        return command.ExecuteScalar() as string;
    }
}
