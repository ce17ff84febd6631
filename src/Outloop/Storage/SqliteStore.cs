using System.Globalization;
using Microsoft.Data.Sqlite;
using Outloop.Ingestion;
using Outloop.Reporting;

namespace Outloop.Storage;

/// <summary>The embedded store: one SQLite file in WAL mode, safe for many concurrent writer processes.</summary>
internal sealed class SqliteStore : IStore
{
    private readonly SqliteConnection _connection;
    private readonly WalCheckpointer _checkpointer;

    private SqliteStore(string path, SqliteConnection connection)
    {
        Location = path;
        _connection = connection;
        _checkpointer = new WalCheckpointer(path);
    }

    /// <summary>Price tiers start above this many tokens of one kind in one request; below it cost is linear.</summary>
    private const int Linear = 200_000;

    public string Location { get; }

    internal SqliteConnection Connection => _connection;

    /// <summary>
    /// Opens (creating if needed) the store at <paramref name="path"/> and brings its schema up to date. A write waits
    /// up to <paramref name="busyTimeout"/> (default 30 s) for another process's transaction; the hook waits less.
    /// </summary>
    public static SqliteStore Open(string path, TimeSpan? busyTimeout = null)
    {
        var timeout = busyTimeout ?? TimeSpan.FromSeconds(30);
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                DefaultTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
            }.ToString());
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16384;");
            Migrate(connection);
            return new SqliteStore(path, connection);
        }
        catch (SqliteException e)
        {
            throw new OutloopException(
                $"Cannot open the Outloop store at {path}: {e.Message}. Check the path (--db or OUTLOOP_DB) and its permissions.", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new OutloopException($"Cannot create the Outloop store at {path}: {e.Message}. Choose another path with --db.", e);
        }
    }

    public IStoreWriter BeginWrite() => new SqliteStoreWriter(_connection, _checkpointer);

    public IReadOnlyDictionary<string, FileState> FileStates()
    {
        var states = new Dictionary<string, FileState>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT path, format, offset, size, last_write, lines, parser_state FROM file_states";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var state = new FileState(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetInt64(3),
                StoreTime.Parse(reader.GetString(4)),
                reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetString(6));
            states[state.Path] = state;
        }

        return states;
    }

    public IEnumerable<UsageEntry> Usage(UsageFilter filter) => ReadUsage(filter, rollup: false);

    public IEnumerable<UsageEntry> UsageRollup(UsageFilter filter) => ReadUsage(filter, rollup: true);

    private IEnumerable<UsageEntry> ReadUsage(UsageFilter filter, bool rollup)
    {
        using var command = _connection.CreateCommand();
        var conditions = Where(
            command,
            filter,
            time: "ts",
            project: "(project = $project OR session_id IN (SELECT id FROM sessions WHERE project = $project OR cwd = $project))",
            agent: "agent",
            session: "session_id",
            "model <> '<synthetic>'");
        const string Columns = "session_id, project, agent, model, task_id";
        const string Tokens = "input_tokens, output_tokens, cache_write_5m_tokens, cache_write_1h_tokens, cache_read_tokens";
        command.CommandText = rollup
            ? $"""
              SELECT max(ts) AS t, {Columns}, sum(input_tokens), sum(output_tokens), sum(cache_write_5m_tokens),
                     sum(cache_write_1h_tokens), sum(cache_read_tokens), speed, NULL, count(*)
              FROM model_requests
              WHERE {conditions} AND source_cost_usd IS NULL AND max({Tokens}) <= {Linear}
              GROUP BY substr(ts, 1, 13), CAST(substr(ts, 15, 2) AS INTEGER) / 15, {Columns}, speed
              UNION ALL
              SELECT ts, {Columns}, {Tokens}, speed, source_cost_usd, 1
              FROM model_requests
              WHERE {conditions} AND (source_cost_usd IS NOT NULL OR max({Tokens}) > {Linear})
              ORDER BY t
              """
            : $"""
              SELECT ts, {Columns}, {Tokens}, speed, source_cost_usd, 1
              FROM model_requests WHERE {conditions} ORDER BY ts, id
              """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // Columns: ts, session, project, agent, model, task, five token counts, speed, source cost, requests.
            yield return new UsageEntry(
                StoreTime.Parse(reader.GetString(0)),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                new TokenCounts(reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10)),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : (decimal)reader.GetDouble(12),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt32(13));
        }
    }

    public IReadOnlyList<SessionSummary> Sessions(UsageFilter filter)
    {
        using var command = _connection.CreateCommand();
        var conditions = Where(command, filter, "s.started_at", "(s.project = $project OR s.cwd = $project)", "s.agent", "s.id");
        command.CommandText = $"""
            SELECT s.id, s.agent, s.project, s.started_at, s.ended_at,
                   (SELECT count(*) FROM tasks t WHERE t.session_id = s.id),
                   (SELECT count(*) FROM tool_calls c WHERE c.session_id = s.id),
                   (SELECT count(*) FROM tool_calls c WHERE c.session_id = s.id AND c.success = 0)
            FROM sessions s WHERE {conditions}
            ORDER BY s.started_at, s.id
            """;
        var sessions = new List<SessionSummary>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            sessions.Add(new SessionSummary(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                StoreTime.ParseOrNull(reader.GetValue(3)),
                StoreTime.ParseOrNull(reader.GetValue(4)),
                reader.GetInt32(5),
                reader.GetInt32(6),
                reader.GetInt32(7)));
        }

        return sessions;
    }

    public IReadOnlyList<TaskSummary> Tasks(UsageFilter filter)
    {
        using var command = _connection.CreateCommand();
        var conditions = Where(
            command, filter, "t.started_at", "t.session_id IN (SELECT id FROM sessions WHERE project = $project OR cwd = $project)", "t.agent", "t.session_id");
        command.CommandText = $"""
            SELECT t.id, t.session_id, t.agent, t.description, t.started_at, t.outcome, t.iterations, t.score,
                   (SELECT count(*) FROM tool_calls c WHERE c.task_id = t.id),
                   (SELECT count(*) FROM tool_calls c WHERE c.task_id = t.id AND c.success = 0),
                   t.outcome_evidence, t.workflow_type
            FROM tasks t WHERE {conditions}
            ORDER BY t.started_at, t.id
            """;
        var tasks = new List<TaskSummary>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            tasks.Add(new TaskSummary(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                StoreTime.Parse(reader.GetString(4)),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.GetInt32(8),
                reader.GetInt32(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return tasks;
    }

    public IReadOnlyList<IterationRecord> Iterations(string taskId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT task_id, session_id, n, passed, ts FROM task_iterations WHERE task_id = $task ORDER BY n";
        command.Parameters.AddWithValue("$task", taskId);
        var iterations = new List<IterationRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            iterations.Add(new IterationRecord(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3) == 1, StoreTime.ParseOrNull(reader.GetValue(4))));
        }

        return iterations;
    }

    public IReadOnlyList<LearningRecord> Learnings(string? taskId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, session_id, task_id, agent, text, ts FROM task_learnings WHERE $task IS NULL OR task_id = $task ORDER BY ts, id";
        command.Parameters.AddWithValue("$task", (object?)taskId ?? DBNull.Value);
        var learnings = new List<LearningRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            learnings.Add(new LearningRecord(
                reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.GetString(4), StoreTime.ParseOrNull(reader.GetValue(5))));
        }

        return learnings;
    }

    public IReadOnlyDictionary<string, long> Counts()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in new[] { "sessions", "tasks", "model_requests", "tool_calls", "file_accesses", "prompts", "hook_events", "file_states", "task_iterations", "task_learnings" })
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {table}";
            counts[table] = (long)command.ExecuteScalar()!;
        }

        return counts;
    }

    public void Dispose()
    {
        _checkpointer.Dispose();
        _connection.Dispose();
    }

    /// <summary>
    /// The WHERE conditions of a filter over one query's own columns (each given as SQL naming <c>$project</c>,
    /// <c>$agent</c> or <c>$session</c>), with the values bound as parameters; <paramref name="always"/> are added as is.
    /// </summary>
    private static string Where(
        SqliteCommand command, UsageFilter filter, string time, string project, string agent, string session, params string[] always)
    {
        var where = new List<string>(always);
        AddTimeBounds(command, where, time, filter);
        if (filter.Project is { } projectValue)
        {
            where.Add(project);
            command.Parameters.AddWithValue("$project", projectValue);
        }

        if (filter.Agent is { } agentValue)
        {
            where.Add($"{agent} = $agent");
            command.Parameters.AddWithValue("$agent", agentValue);
        }

        if (filter.SessionId is { } sessionValue)
        {
            where.Add($"{session} = $session");
            command.Parameters.AddWithValue("$session", sessionValue);
        }

        return where.Count == 0 ? "1 = 1" : string.Join(" AND ", where);
    }

    private static void AddTimeBounds(SqliteCommand command, List<string> where, string column, UsageFilter filter)
    {
        if (filter.Since is { } since)
        {
            where.Add($"{column} >= $since");
            command.Parameters.AddWithValue("$since", StoreTime.Format(LocalMidnight(since)));
        }

        if (filter.Until is { } until)
        {
            where.Add($"{column} < $until");
            command.Parameters.AddWithValue("$until", StoreTime.Format(LocalMidnight(until.AddDays(1))));
        }
    }

    private static DateTimeOffset LocalMidnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local));
    }

    private static void Migrate(SqliteConnection connection)
    {
        if (UserVersion(connection) >= SqliteSchema.Migrations.Count)
        {
            return;
        }

        // BEGIN IMMEDIATE takes the write lock first, so concurrent processes opening a new store migrate it once.
        Execute(connection, "BEGIN IMMEDIATE");
        try
        {
            var version = UserVersion(connection);
            for (var i = (int)version; i < SqliteSchema.Migrations.Count; i++)
            {
                Execute(connection, SqliteSchema.Migrations[i]);
            }

            Execute(connection, $"PRAGMA user_version = {SqliteSchema.Migrations.Count.ToString(CultureInfo.InvariantCulture)}");
            Execute(connection, "COMMIT");
        }
        catch
        {
            Execute(connection, "ROLLBACK");
            throw;
        }
    }

    private static long UserVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return (long)command.ExecuteScalar()!;
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
