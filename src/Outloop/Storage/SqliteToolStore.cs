using System.Text.Json;
using Microsoft.Data.Sqlite;
using Outloop.Automation.Tools;

namespace Outloop.Storage;

/// <summary>
/// The tool registry in the store (<c>tools</c>) and the run counts behind <see cref="IToolStatsSink"/>, so that
/// <c>outloop route</c> keeps them across runs. A tool whose counts fall under <see cref="ToolHealthOptions"/>'s
/// threshold is stored as disabled. Names without a registered tool (patterns) get a row with an empty command.
/// </summary>
internal sealed class SqliteToolStore(SqliteStore store, ToolHealthOptions? health = null) : IToolStatsSink
{
    private readonly SqliteConnection _connection = store.Connection;
    private readonly ToolHealthOptions _health = health ?? new ToolHealthOptions();

    public ToolUsage Get(string name) => Find(name) is { } t ? new ToolUsage(t.Runs, t.Successes) : ToolUsage.None;

    public ToolUsage Record(string name, bool succeeded)
    {
        Execute("""
            INSERT INTO tools (name, command, runs, successes, updated_at) VALUES ($name, '[]', 1, $ok, $at)
            ON CONFLICT (name) DO UPDATE SET runs = runs + 1, successes = successes + $ok, updated_at = $at
            """, ("$name", name), ("$ok", succeeded ? 1 : 0), ("$at", Now()));
        var tool = Find(name)!;
        var usage = new ToolUsage(tool.Runs, tool.Successes);
        if (tool.Status == ToolStatus.Active && ToolHealth.Evaluate(ToolStatus.Active, usage, isPattern: false, _health) == ToolStatus.Disabled
            && tool.Command.Count > 0)
        {
            SetStatus(name, ToolStatus.Disabled, resetCounts: false);
        }

        return usage;
    }

    /// <summary>Adds a run's duration and the tokens it saved (runs and successes are counted by <see cref="Record"/>).</summary>
    public void AddRunFigures(string name, TimeSpan duration, long tokensSaved) =>
        Execute("UPDATE tools SET total_duration_ms = total_duration_ms + $ms, tokens_saved = tokens_saved + $tokens WHERE name = $name",
            ("$name", name), ("$ms", (long)duration.TotalMilliseconds), ("$tokens", tokensSaved));

    /// <summary>Adds or updates a tool's definition, keeping its counts.</summary>
    public void Upsert(ToolDefinition tool, string? patternId = null) =>
        Execute("""
            INSERT INTO tools (name, command, input_patterns, status, pattern_id, updated_at) VALUES ($name, $command, $patterns, $status, $pattern, $at)
            ON CONFLICT (name) DO UPDATE SET command = excluded.command, input_patterns = excluded.input_patterns, status = excluded.status,
                pattern_id = coalesce(excluded.pattern_id, tools.pattern_id), updated_at = excluded.updated_at
            """,
            ("$name", tool.Name), ("$command", JsonSerializer.Serialize(tool.Command)), ("$patterns", JsonSerializer.Serialize(tool.InputPatterns)),
            ("$status", StatusText(tool.Status)), ("$pattern", patternId), ("$at", Now()));

    public bool Remove(string name) => Execute("DELETE FROM tools WHERE name = $name", ("$name", name)) > 0;

    /// <summary>Sets a tool's status; enabling with <paramref name="resetCounts"/> gives it a fresh start.</summary>
    public bool SetStatus(string name, ToolStatus status, bool resetCounts) =>
        Execute(resetCounts
            ? "UPDATE tools SET status = $status, runs = 0, successes = 0, updated_at = $at WHERE name = $name"
            : "UPDATE tools SET status = $status, updated_at = $at WHERE name = $name",
            ("$name", name), ("$status", StatusText(status)), ("$at", Now())) > 0;

    public StoredTool? Find(string name) => Query("WHERE name = $name", ("$name", name)).FirstOrDefault();

    /// <summary>The registered tool generated for (or linked to) a pattern, or null.</summary>
    public StoredTool? FindByPattern(string patternId) =>
        Query("WHERE pattern_id = $pattern AND command <> '[]' ORDER BY name", ("$pattern", patternId)).FirstOrDefault();

    /// <summary>Registered tools (rows with a command), by name.</summary>
    public List<StoredTool> List() => Query("WHERE command <> '[]' ORDER BY name");

    public static string StatusText(ToolStatus status) => status.ToString().ToLowerInvariant();

    private List<StoredTool> Query(string where, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT name, command, input_patterns, status, runs, successes, total_duration_ms, tokens_saved, pattern_id FROM tools {where}";
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var result = new List<StoredTool>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new StoredTool(
                reader.GetString(0), JsonSerializer.Deserialize<string[]>(reader.GetString(1)) ?? [], JsonSerializer.Deserialize<string[]>(reader.GetString(2)) ?? [],
                Enum.TryParse<ToolStatus>(reader.GetString(3), ignoreCase: true, out var s) ? s : ToolStatus.Active,
                reader.GetInt32(4), reader.GetInt32(5), reader.GetInt64(6), reader.GetInt64(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return result;
    }

    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteNonQuery();
    }

    private static string Now() => StoreTime.Format(DateTimeOffset.UtcNow);
}
