using Microsoft.Data.Sqlite;
using Outloop.Ingestion;

namespace Outloop.Storage;

/// <summary>One SQLite write transaction with its statements prepared once.</summary>
internal sealed class SqliteStoreWriter : IStoreWriter
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    // Keyed by reference: the SQL texts are literals (interned), so a lookup never hashes a kilobyte of SQL per row.
    private readonly Dictionary<string, RawStatement> _statements = new(ReferenceEqualityComparer.Instance);
    private readonly WalCheckpointer? _checkpointer;
    private const string SavepointName = "source_file";

    /// <summary>A transaction of at least this many rows is a bulk write: its pages are checkpointed in the background.</summary>
    private const int BulkRows = 1000;

    private bool _committed;
    private int _rows;

    public SqliteStoreWriter(SqliteConnection connection, WalCheckpointer? checkpointer = null)
    {
        _connection = connection;
        _checkpointer = checkpointer;

        // Every upsert inside the transaction (and every file's savepoint) copies the pages it changes to a statement
        // journal first; in a temporary file that was a pwrite per page, several times the store's size per import.
        Pragma("PRAGMA temp_store = MEMORY", null);
        _transaction = connection.BeginTransaction(deferred: false);
    }

    public void UpsertSession(SessionRecord s) => Statement(
        """
        INSERT INTO sessions (id, agent, project, cwd, started_at, ended_at, title, version, git_branch)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)
        ON CONFLICT (id) DO UPDATE SET
            project = coalesce(sessions.project, excluded.project),
            cwd = coalesce(sessions.cwd, excluded.cwd),
            started_at = CASE WHEN sessions.started_at IS NULL OR excluded.started_at < sessions.started_at
                              THEN excluded.started_at ELSE sessions.started_at END,
            ended_at = CASE WHEN sessions.ended_at IS NULL OR excluded.ended_at > sessions.ended_at
                            THEN excluded.ended_at ELSE sessions.ended_at END,
            title = coalesce(excluded.title, sessions.title),
            version = coalesce(excluded.version, sessions.version),
            git_branch = coalesce(sessions.git_branch, excluded.git_branch)
        """,
        9).Run(s.Id, s.Agent, s.Project, s.Cwd, StoreTime.Format(s.StartedAt), StoreTime.Format(s.EndedAt), s.Title, s.Version, s.GitBranch);

    public void UpsertTask(TaskRecord t) => Statement(
        """
        INSERT INTO tasks (id, session_id, agent, description, started_at, interrupted, outcome, outcome_evidence,
                           workflow_type, score, iterations)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10)
        ON CONFLICT (id) DO UPDATE SET
            description = coalesce(excluded.description, tasks.description),
            interrupted = max(tasks.interrupted, excluded.interrupted),
            outcome = CASE WHEN excluded.outcome <> 'unknown' THEN excluded.outcome ELSE tasks.outcome END,
            outcome_evidence = coalesce(excluded.outcome_evidence, tasks.outcome_evidence),
            workflow_type = coalesce(excluded.workflow_type, tasks.workflow_type),
            score = coalesce(excluded.score, tasks.score),
            iterations = coalesce(excluded.iterations, tasks.iterations)
        """,
        11).Run(
            t.Id, t.SessionId, t.Agent, t.Description, StoreTime.Format(t.StartedAt), t.Interrupted ? 1 : 0,
            OutcomeText(t.Outcome), t.OutcomeEvidence, t.WorkflowType, t.Score, t.Iterations);

    public void MarkTaskInterrupted(string taskId) =>
        Statement("UPDATE tasks SET interrupted = 1 WHERE id = $p0", 1).Run(taskId);

    public void UpsertModelRequest(ModelRequestRecord r) => Statement(
        """
        INSERT INTO model_requests (id, session_id, task_id, agent, model, ts, input_tokens, output_tokens,
            cache_write_5m_tokens, cache_write_1h_tokens, cache_read_tokens, is_sidechain, request_id, speed,
            source_cost_usd, project)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15)
        ON CONFLICT (id) DO UPDATE SET
            ts = CASE WHEN excluded.input_tokens + excluded.output_tokens + excluded.cache_write_5m_tokens
                           + excluded.cache_write_1h_tokens + excluded.cache_read_tokens
                         > model_requests.input_tokens + model_requests.output_tokens + model_requests.cache_write_5m_tokens
                           + model_requests.cache_write_1h_tokens + model_requests.cache_read_tokens
                      THEN excluded.ts ELSE model_requests.ts END,
            input_tokens = max(model_requests.input_tokens, excluded.input_tokens),
            output_tokens = max(model_requests.output_tokens, excluded.output_tokens),
            cache_write_5m_tokens = max(model_requests.cache_write_5m_tokens, excluded.cache_write_5m_tokens),
            cache_write_1h_tokens = max(model_requests.cache_write_1h_tokens, excluded.cache_write_1h_tokens),
            cache_read_tokens = max(model_requests.cache_read_tokens, excluded.cache_read_tokens),
            task_id = CASE WHEN excluded.is_sidechain = 0 THEN coalesce(excluded.task_id, model_requests.task_id)
                           ELSE coalesce(model_requests.task_id, excluded.task_id) END,
            request_id = CASE WHEN excluded.is_sidechain = 0 THEN excluded.request_id ELSE model_requests.request_id END,
            is_sidechain = min(model_requests.is_sidechain, excluded.is_sidechain),
            speed = coalesce(excluded.speed, model_requests.speed),
            source_cost_usd = coalesce(excluded.source_cost_usd, model_requests.source_cost_usd)
        WHERE NOT (excluded.is_sidechain = 1 AND model_requests.is_sidechain = 0
                   AND excluded.request_id IS NOT model_requests.request_id)
        """,
        16).Run(
            r.Id, r.SessionId, r.TaskId, r.Agent, r.Model, StoreTime.Format(r.Timestamp), r.Tokens.Input, r.Tokens.Output,
            r.Tokens.CacheWrite5m, r.Tokens.CacheWrite1h, r.Tokens.CacheRead, r.IsSidechain ? 1 : 0, r.RequestId, r.Speed,
            r.SourceCostUsd is { } cost ? (double)cost : null, r.Project);

    public void UpsertToolCall(ToolCallRecord c) => Statement(
        """
        INSERT INTO tool_calls (id, session_id, task_id, agent, name, started_at, ended_at, input_json, result_text,
            error_text, success, duration_ms, result_bytes, request_id, is_sidechain)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14)
        ON CONFLICT (id) DO UPDATE SET
            task_id = coalesce(tool_calls.task_id, excluded.task_id),
            name = coalesce(excluded.name, tool_calls.name),
            started_at = coalesce(tool_calls.started_at, excluded.started_at),
            ended_at = coalesce(excluded.ended_at, tool_calls.ended_at),
            input_json = coalesce(excluded.input_json, tool_calls.input_json),
            result_text = coalesce(excluded.result_text, tool_calls.result_text),
            error_text = coalesce(excluded.error_text, tool_calls.error_text),
            success = coalesce(excluded.success, tool_calls.success),
            duration_ms = coalesce(excluded.duration_ms, tool_calls.duration_ms),
            result_bytes = coalesce(excluded.result_bytes, tool_calls.result_bytes),
            request_id = coalesce(tool_calls.request_id, excluded.request_id)
        """,
        15).Run(
            c.Id, c.SessionId, c.TaskId, c.Agent, c.Name, StoreTime.Format(c.StartedAt), StoreTime.Format(c.EndedAt),
            c.InputJson, c.ResultText, c.ErrorText, c.Success is { } ok ? (ok ? 1 : 0) : null, c.DurationMs,
            c.ResultBytes, c.RequestId, c.IsSidechain ? 1 : 0);

    public void AddFileAccess(FileAccessRecord a) => Statement(
        """
        INSERT INTO file_accesses (tool_call_id, path, kind, session_id, task_id, ts)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5)
        ON CONFLICT DO UPDATE SET task_id = coalesce(file_accesses.task_id, excluded.task_id)
        """,
        6).Run(a.ToolCallId, a.Path, KindText(a.Kind), a.SessionId, a.TaskId, StoreTime.Format(a.Timestamp));

    public void UpsertPrompt(PromptRecord p) => Statement(
        """
        INSERT INTO prompts (id, session_id, task_id, text, ts) VALUES ($p0, $p1, $p2, $p3, $p4)
        ON CONFLICT (id) DO UPDATE SET task_id = coalesce(prompts.task_id, excluded.task_id)
        """,
        5).Run(p.Id, p.SessionId, p.TaskId, p.Text, StoreTime.Format(p.Timestamp));

    public void UpsertIteration(IterationRecord i) => Statement(
        """
        INSERT INTO task_iterations (task_id, n, session_id, passed, ts) VALUES ($p0, $p1, $p2, $p3, $p4)
        ON CONFLICT (task_id, n) DO UPDATE SET passed = coalesce(excluded.passed, task_iterations.passed),
            ts = coalesce(task_iterations.ts, excluded.ts)
        """,
        5).Run(i.TaskId, i.Number, i.SessionId, i.Passed is { } passed ? (passed ? 1 : 0) : null, StoreTime.Format(i.Timestamp));

    public void UpsertLearning(LearningRecord l) => Statement(
        """
        INSERT INTO task_learnings (id, session_id, task_id, agent, text, ts) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)
        ON CONFLICT (id) DO UPDATE SET text = excluded.text, task_id = coalesce(task_learnings.task_id, excluded.task_id)
        """,
        6).Run(l.Id, l.SessionId, l.TaskId, l.Agent, l.Text, StoreTime.Format(l.Timestamp));

    public void AddHookEvent(HookEventRecord e) => Statement(
        """
        INSERT INTO hook_events (id, session_id, event_name, tool_use_id, received_at, payload)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5) ON CONFLICT (id) DO NOTHING
        """,
        6).Run(e.Id, e.SessionId, e.EventName, e.ToolUseId, StoreTime.Format(e.ReceivedAt), e.PayloadJson);

    public void AddTokenSaving(TokenSavingRecord t) => Statement(
        """
        INSERT INTO token_savings (id, ts, session_id, tool_use_id, kind, runner, command, original_tokens, final_tokens,
                                   tokens_saved, full_output_path)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10) ON CONFLICT (id) DO NOTHING
        """,
        11).Run(t.Id, StoreTime.Format(t.At), t.SessionId, t.ToolUseId, t.Kind, t.Runner, t.Command, t.OriginalTokens, t.FinalTokens,
            t.TokensSaved, t.FullOutputPath);

    public void SaveFileState(FileState s) => Statement(
        """
        INSERT INTO file_states (path, format, offset, size, last_write, lines, parser_state)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6)
        ON CONFLICT (path) DO UPDATE SET format = excluded.format, offset = excluded.offset, size = excluded.size,
            last_write = excluded.last_write, lines = excluded.lines, parser_state = excluded.parser_state
        """,
        7).Run(s.Path, s.Format, s.Offset, s.Size, StoreTime.Format(s.LastWrite), s.Lines, s.ParserState);

    public void AssignOrphansToTasks()
    {
        foreach (var (table, time) in new[] { ("model_requests", "ts"), ("tool_calls", "started_at"), ("file_accesses", "ts") })
        {
            Statement(
                $"""
                UPDATE {table} SET task_id = (
                    SELECT t.id FROM tasks t
                    WHERE t.session_id = {table}.session_id AND t.started_at <= {table}.{time}
                    ORDER BY t.started_at DESC LIMIT 1)
                WHERE task_id IS NULL AND {time} IS NOT NULL
                """,
                0).Run();
        }
    }

    public void Commit()
    {
        if (_checkpointer is null || _rows < BulkRows)
        {
            _transaction.Commit();
            _committed = true;
            return;
        }

        // The commit itself would copy the log into the database and sync it on this thread (the import's only
        // writer); the checkpointer does that on its own thread while the next transaction is written.
        Pragma("PRAGMA wal_autocheckpoint = 0", _transaction);
        try
        {
            _transaction.Commit();
            _committed = true;
        }
        finally
        {
            Pragma("PRAGMA wal_autocheckpoint = 1000", null);
        }

        _checkpointer.Request();
    }

    public void BeginSavepoint() => _transaction.Save(SavepointName);

    public void RollbackSavepoint()
    {
        _transaction.Rollback(SavepointName);
        _transaction.Release(SavepointName);
    }

    public void ReleaseSavepoint() => _transaction.Release(SavepointName);

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        if (!_committed)
        {
            _transaction.Rollback();
        }

        _transaction.Dispose();
        Pragma("PRAGMA temp_store = DEFAULT", null);
    }

    internal static string OutcomeText(TaskOutcome outcome) => outcome switch
    {
        TaskOutcome.Unknown => "unknown",
        TaskOutcome.Converged => "converged",
        TaskOutcome.Failed => "failed",
        TaskOutcome.Escalated => "escalated",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    // The import writes a file access per line of some formats: a switch spares an enum-to-string and a lower-casing each.
    private static string KindText(FileAccessKind kind) => kind switch
    {
        FileAccessKind.Read => "read",
        FileAccessKind.Write => "write",
        FileAccessKind.Search => "search",
        FileAccessKind.Provided => "provided",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private void Pragma(string sql, SqliteTransaction? transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private RawStatement Statement(string sql, int parameters)
    {
        _rows++;
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new RawStatement(_connection, sql, parameters);
            _statements[sql] = statement;
        }

        return statement;
    }
}
