using System.Globalization;
using Microsoft.Data.Sqlite;
using Outloop.Ingestion;
using Outloop.Reporting;

namespace Outloop.Storage;

/// <summary>The embedded store: one SQLite file in WAL mode, safe for many concurrent writer processes.</summary>
internal sealed class SqliteStore : IStore
{
    private readonly SqliteConnection _connection;

    private SqliteStore(string path, SqliteConnection connection)
    {
        Location = path;
        _connection = connection;
    }

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

    public IStoreWriter BeginWrite() => new SqliteStoreWriter(_connection);

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

    public IEnumerable<UsageEntry> Usage(UsageFilter filter)
    {
        using var command = _connection.CreateCommand();
        var where = new List<string> { "model <> '<synthetic>'" };
        AddTimeBounds(command, where, "ts", filter);
        if (filter.Project is { } project)
        {
            where.Add("(project = $project OR session_id IN (SELECT id FROM sessions WHERE project = $project OR cwd = $project))");
            command.Parameters.AddWithValue("$project", project);
        }

        if (filter.Agent is { } agent)
        {
            where.Add("agent = $agent");
            command.Parameters.AddWithValue("$agent", agent);
        }

        if (filter.SessionId is { } session)
        {
            where.Add("session_id = $session");
            command.Parameters.AddWithValue("$session", session);
        }

        command.CommandText = $"""
            SELECT ts, session_id, project, agent, model, input_tokens, output_tokens, cache_write_5m_tokens,
                   cache_write_1h_tokens, cache_read_tokens, speed, source_cost_usd
            FROM model_requests WHERE {string.Join(" AND ", where)} ORDER BY ts, id
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new UsageEntry(
                StoreTime.Parse(reader.GetString(0)),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                new TokenCounts(reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9)),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : (decimal)reader.GetDouble(11));
        }
    }

    public IReadOnlyList<SessionSummary> Sessions(UsageFilter filter)
    {
        using var command = _connection.CreateCommand();
        var where = new List<string> { "1 = 1" };
        AddTimeBounds(command, where, "s.started_at", filter);
        if (filter.Project is { } project)
        {
            where.Add("(s.project = $project OR s.cwd = $project)");
            command.Parameters.AddWithValue("$project", project);
        }

        if (filter.Agent is { } agent)
        {
            where.Add("s.agent = $agent");
            command.Parameters.AddWithValue("$agent", agent);
        }

        if (filter.SessionId is { } session)
        {
            where.Add("s.id = $session");
            command.Parameters.AddWithValue("$session", session);
        }

        command.CommandText = $"""
            SELECT s.id, s.agent, s.project, s.started_at, s.ended_at,
                   (SELECT count(*) FROM tasks t WHERE t.session_id = s.id),
                   (SELECT count(*) FROM tool_calls c WHERE c.session_id = s.id),
                   (SELECT count(*) FROM tool_calls c WHERE c.session_id = s.id AND c.success = 0)
            FROM sessions s WHERE {string.Join(" AND ", where)}
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

    public IReadOnlyDictionary<string, long> Counts()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in new[] { "sessions", "tasks", "model_requests", "tool_calls", "file_accesses", "prompts", "hook_events", "file_states" })
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {table}";
            counts[table] = (long)command.ExecuteScalar()!;
        }

        return counts;
    }

    public void Dispose() => _connection.Dispose();

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
