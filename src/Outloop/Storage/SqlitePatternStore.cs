using Microsoft.Data.Sqlite;
using Outloop.Patterns;

namespace Outloop.Storage;

/// <summary>
/// The pattern engine's SQL: reads calls, requests and tasks for a backfill, replaces the computed pattern tables in
/// one transaction (keeping each pattern's status), and answers the <c>outloop patterns</c> listings.
/// </summary>
internal sealed class SqlitePatternStore(SqliteStore store)
{
    private readonly SqliteConnection _connection = store.Connection;

    /// <summary>Every tool call with its session's folder, by session then time.</summary>
    public IEnumerable<StoredCall> Calls()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT c.id, c.session_id, coalesce(c.task_id, c.session_id), c.agent, c.name, c.started_at, c.ended_at,
                   c.input_json, c.result_text, c.error_text, c.success, c.result_bytes, c.request_id, c.is_sidechain, s.cwd
            FROM tool_calls c LEFT JOIN sessions s ON s.id = c.session_id
            ORDER BY c.session_id, coalesce(c.started_at, c.ended_at), c.id
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new StoredCall(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(reader, 4), Text(reader, 5),
                Text(reader, 6), Text(reader, 7), Text(reader, 8), Text(reader, 9), reader.IsDBNull(10) ? null : reader.GetInt64(10) != 0,
                reader.IsDBNull(11) ? null : reader.GetInt64(11), Text(reader, 12), reader.GetInt64(13) != 0, Text(reader, 14));
        }
    }

    /// <summary>Every model request (without synthetic ones), grouped by session.</summary>
    public Dictionary<string, List<StoredRequest>> RequestsBySession()
    {
        var result = new Dictionary<string, List<StoredRequest>>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT id, session_id, coalesce(task_id, session_id), model, ts, output_tokens, is_sidechain, speed
            FROM model_requests WHERE model <> '<synthetic>'
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var request = new StoredRequest(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt64(5), reader.GetInt64(6) != 0, Text(reader, 7));
            if (!result.TryGetValue(request.SessionId, out var list))
            {
                result[request.SessionId] = list = [];
            }

            list.Add(request);
        }

        return result;
    }

    public List<StoredTask> Tasks()
    {
        var tasks = new List<StoredTask>();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, session_id, agent, description, started_at, outcome, interrupted FROM tasks ORDER BY started_at, id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            tasks.Add(new StoredTask(reader.GetString(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), reader.GetString(4),
                reader.GetString(5), reader.GetInt64(6) != 0));
        }

        return tasks;
    }

    /// <summary>
    /// Replaces signatures, patterns, occurrences, failures and task scores with <paramref name="analysis"/> in one
    /// transaction. A pattern found again keeps its status; the status history is never touched.
    /// </summary>
    public void Replace(PatternAnalysis analysis)
    {
        using var transaction = _connection.BeginTransaction();
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var read = _connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT id, status FROM patterns";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                statuses[reader.GetString(0)] = reader.GetString(1);
            }
        }

        using (var delete = _connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM pattern_occurrences; DELETE FROM failures; DELETE FROM patterns;";
            delete.ExecuteNonQuery();
        }

        using (var signature = new PreparedStatement(_connection, transaction, "UPDATE tool_calls SET signature = $p1 WHERE id = $p0 AND signature IS NOT $p1", 2))
        {
            foreach (var (id, value) in analysis.Signatures)
            {
                signature.Run(id, value);
            }
        }

        using (var pattern = new PreparedStatement(_connection, transaction, """
            INSERT INTO patterns (id, kind, signature, title, status, occurrences, tasks, sessions, calls, llm_tokens, tool_tokens,
                llm_cost_usd, script_cost_usd, monthly_savings_usd, confidence, confidence_parts, success_rate, first_seen, last_seen, agents, details)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17, $p18, $p19, $p20)
            """, 21))
        {
            foreach (var p in analysis.Patterns)
            {
                pattern.Run(p.Id, p.Kind, p.Signature, p.Title, statuses.GetValueOrDefault(p.Id, PatternStatus.Detected), p.Occurrences, p.Tasks,
                    p.Sessions, p.Calls, p.LlmTokens, p.ToolTokens, p.LlmCostUsd, p.ScriptCostUsd, p.MonthlySavingsUsd, p.Confidence,
                    p.ConfidenceParts, p.SuccessRate, p.FirstSeen, p.LastSeen, p.Agents, p.Details);
            }
        }

        using (var occurrence = OccurrenceInsert(transaction))
        {
            foreach (var o in analysis.Occurrences)
            {
                InsertOccurrence(occurrence, o);
            }
        }

        using (var failure = new PreparedStatement(_connection, transaction, """
            INSERT INTO failures (tool_call_id, template_id, task_id, session_id, ts, signature, tool_name, source, line)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)
            """, 9))
        {
            foreach (var f in analysis.Failures)
            {
                failure.Run(f.ToolCallId, f.TemplateId, f.TaskId, f.SessionId, f.Ts, f.Signature, f.ToolName, f.Source, f.Line);
            }
        }

        using (var score = new PreparedStatement(_connection, transaction,
            "UPDATE tasks SET iterations = $p1, score = $p2 WHERE id = $p0 AND (iterations IS NOT $p1 OR score IS NOT $p2)", 3))
        {
            foreach (var s in analysis.TaskScores)
            {
                score.Run(s.TaskId, s.Iterations, s.Score);
            }
        }

        transaction.Commit();
    }

    /// <summary>
    /// Adds one occurrence. The UNIQUE (pattern_id, task_id) rule makes a second occurrence of a pattern in the same
    /// task fail, so no pattern is ever counted twice for one task.
    /// </summary>
    public void AddOccurrence(PatternOccurrence occurrence)
    {
        using var transaction = _connection.BeginTransaction();
        using (var insert = OccurrenceInsert(transaction))
        {
            InsertOccurrence(insert, occurrence);
        }

        transaction.Commit();
    }

    /// <summary>Patterns of one kind, their figures recounted from the occurrences the filter keeps.</summary>
    public List<PatternListing> List(PatternFilter filter)
    {
        using var command = _connection.CreateCommand();
        var where = new List<string> { "p.kind = $kind" };
        command.Parameters.AddWithValue("$kind", filter.Kind);
        if (filter.Since is { } since)
        {
            where.Add("o.ts >= $since");
            command.Parameters.AddWithValue("$since", StoreTime.Format(since));
        }

        if (filter.Agent is { } agent)
        {
            where.Add("o.agent = $agent");
            command.Parameters.AddWithValue("$agent", agent);
        }

        command.CommandText = $"""
            SELECT {PatternColumns}, count(*), count(DISTINCT o.session_id), sum(o.llm_tokens), sum(o.tool_tokens)
            FROM patterns p JOIN pattern_occurrences o ON o.pattern_id = p.id
            WHERE {string.Join(" AND ", where)}
            GROUP BY p.id
            ORDER BY p.monthly_savings_usd DESC, count(*) DESC, p.calls DESC, p.id
            """;
        var result = new List<PatternListing>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var (pattern, status) = ReadPattern(reader);
            result.Add(new PatternListing(pattern, status, reader.GetInt32(21), reader.GetInt32(22), reader.GetInt64(23), reader.GetInt64(24)));
        }

        return result;
    }

    /// <summary>One pattern and its status, or null.</summary>
    public (PatternRecord Pattern, string Status)? Find(string id)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {PatternColumns} FROM patterns p WHERE p.id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadPattern(reader) : null;
    }

    /// <summary>The pattern's occurrences, oldest first, with each first call's command and the task's description.</summary>
    public List<PatternEvidence> Evidence(string id)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT o.pattern_id, o.task_id, o.session_id, o.agent, o.tool_call_id, o.ts, o.calls, o.llm_tokens, o.tool_tokens,
                   o.llm_cost_usd, o.script_cost_usd, o.detail,
                   coalesce(json_extract(c.input_json, '$.command'), json_extract(c.input_json, '$.cmd'), json_extract(c.input_json, '$.file_path'),
                            json_extract(c.input_json, '$.path'), substr(c.input_json, 1, 200)),
                   t.description, c.success
            FROM pattern_occurrences o
            LEFT JOIN tool_calls c ON c.id = o.tool_call_id
            LEFT JOIN tasks t ON t.id = o.task_id
            WHERE o.pattern_id = $id
            ORDER BY o.ts, o.task_id
            """;
        command.Parameters.AddWithValue("$id", id);
        var result = new List<PatternEvidence>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var occurrence = new PatternOccurrence(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(reader, 4),
                Text(reader, 5), reader.GetInt32(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetDouble(9), reader.GetDouble(10), Text(reader, 11));
            result.Add(new PatternEvidence(occurrence, Text(reader, 12), Text(reader, 13), reader.IsDBNull(14) ? null : reader.GetInt64(14) != 0));
        }

        return result;
    }

    /// <summary>The failures behind a failure template, oldest first.</summary>
    public List<FailureRecord> Failures(string templateId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT tool_call_id, template_id, task_id, session_id, ts, signature, tool_name, source, line
            FROM failures WHERE template_id = $id ORDER BY ts, tool_call_id
            """;
        command.Parameters.AddWithValue("$id", templateId);
        var result = new List<FailureRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new FailureRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(reader, 4),
                reader.GetString(5), Text(reader, 6), reader.GetString(7), reader.GetString(8)));
        }

        return result;
    }

    /// <summary>Moves a pattern along its lifecycle and records who did it and when.</summary>
    public void SetStatus(StatusChange change)
    {
        using var transaction = _connection.BeginTransaction();
        using (var update = new PreparedStatement(_connection, transaction, "UPDATE patterns SET status = $p1 WHERE id = $p0", 2))
        {
            if (update.Run(change.PatternId, change.Status) == 0)
            {
                throw new OutloopException($"No pattern {change.PatternId}: list them with `outloop patterns`.");
            }
        }

        using (var history = new PreparedStatement(_connection, transaction,
            "INSERT INTO pattern_status_history (pattern_id, status, changed_by, changed_at, note) VALUES ($p0, $p1, $p2, $p3, $p4)", 5))
        {
            history.Run(change.PatternId, change.Status, change.ChangedBy, StoreTime.Format(change.ChangedAt), change.Note);
        }

        transaction.Commit();
    }

    public List<StatusChange> History(string id)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT pattern_id, status, changed_by, changed_at, note FROM pattern_status_history WHERE pattern_id = $id ORDER BY changed_at, rowid";
        command.Parameters.AddWithValue("$id", id);
        var result = new List<StatusChange>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new StatusChange(reader.GetString(0), reader.GetString(1), reader.GetString(2), StoreTime.Parse(reader.GetString(3)), Text(reader, 4)));
        }

        return result;
    }

    private const string PatternColumns = """
        p.id, p.kind, p.signature, p.title, p.status, p.occurrences, p.tasks, p.sessions, p.calls, p.llm_tokens, p.tool_tokens,
        p.llm_cost_usd, p.script_cost_usd, p.monthly_savings_usd, p.confidence, p.confidence_parts, p.success_rate, p.first_seen,
        p.last_seen, p.agents, p.details
        """;

    private static (PatternRecord, string) ReadPattern(SqliteDataReader r) => (new PatternRecord(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8),
        r.GetInt64(9), r.GetInt64(10), r.GetDouble(11), r.GetDouble(12), r.GetDouble(13), r.GetInt32(14), Text(r, 15),
        r.IsDBNull(16) ? null : r.GetDouble(16), Text(r, 17), Text(r, 18), Text(r, 19) ?? string.Empty, Text(r, 20)), r.GetString(4));

    private PreparedStatement OccurrenceInsert(SqliteTransaction transaction) => new(_connection, transaction, """
        INSERT INTO pattern_occurrences (pattern_id, task_id, session_id, agent, tool_call_id, ts, calls, llm_tokens, tool_tokens,
            llm_cost_usd, script_cost_usd, detail)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11)
        """, 12);

    private static void InsertOccurrence(PreparedStatement insert, PatternOccurrence o) =>
        insert.Run(o.PatternId, o.TaskId, o.SessionId, o.Agent, o.ToolCallId, o.Ts, o.Calls, o.LlmTokens, o.ToolTokens, o.LlmCostUsd, o.ScriptCostUsd, o.Detail);

    private static string? Text(SqliteDataReader reader, int index) => reader.IsDBNull(index) ? null : reader.GetString(index);
}
