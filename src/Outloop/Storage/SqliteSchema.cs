namespace Outloop.Storage;

/// <summary>
/// Versioned migrations of the SQLite store. A migration is never edited once released: add a new one.
/// Times are stored as ISO-8601 UTC text with milliseconds, which sorts and works with SQLite's date functions.
/// </summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            agent TEXT NOT NULL,
            project TEXT,
            cwd TEXT,
            started_at TEXT,
            ended_at TEXT,
            title TEXT,
            version TEXT,
            git_branch TEXT
        );
        CREATE TABLE tasks (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL,
            agent TEXT NOT NULL,
            description TEXT,
            started_at TEXT NOT NULL,
            interrupted INTEGER NOT NULL DEFAULT 0,
            outcome TEXT NOT NULL DEFAULT 'unknown',
            outcome_evidence TEXT,
            workflow_type TEXT,
            score INTEGER,
            iterations INTEGER
        );
        CREATE INDEX tasks_by_session ON tasks (session_id, started_at);
        CREATE TABLE model_requests (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL,
            task_id TEXT,
            agent TEXT NOT NULL,
            model TEXT NOT NULL,
            ts TEXT NOT NULL,
            input_tokens INTEGER NOT NULL,
            output_tokens INTEGER NOT NULL,
            cache_write_5m_tokens INTEGER NOT NULL,
            cache_write_1h_tokens INTEGER NOT NULL,
            cache_read_tokens INTEGER NOT NULL,
            is_sidechain INTEGER NOT NULL,
            request_id TEXT,
            speed TEXT,
            source_cost_usd REAL,
            project TEXT
        );
        CREATE INDEX model_requests_by_time ON model_requests (ts);
        CREATE INDEX model_requests_by_session ON model_requests (session_id);
        CREATE INDEX model_requests_by_task ON model_requests (task_id);
        CREATE TABLE tool_calls (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL,
            task_id TEXT,
            agent TEXT NOT NULL,
            name TEXT,
            started_at TEXT,
            ended_at TEXT,
            input_json TEXT,
            result_text TEXT,
            error_text TEXT,
            success INTEGER,
            duration_ms INTEGER,
            result_bytes INTEGER,
            request_id TEXT,
            is_sidechain INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX tool_calls_by_session ON tool_calls (session_id);
        CREATE INDEX tool_calls_by_task ON tool_calls (task_id);
        CREATE TABLE file_accesses (
            tool_call_id TEXT NOT NULL,
            path TEXT NOT NULL,
            kind TEXT NOT NULL,
            session_id TEXT NOT NULL,
            task_id TEXT,
            ts TEXT,
            PRIMARY KEY (tool_call_id, path, kind)
        ) WITHOUT ROWID;
        CREATE INDEX file_accesses_by_task ON file_accesses (task_id);
        CREATE TABLE prompts (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL,
            task_id TEXT,
            text TEXT NOT NULL,
            ts TEXT NOT NULL
        );
        CREATE TABLE hook_events (
            id TEXT PRIMARY KEY,
            session_id TEXT,
            event_name TEXT NOT NULL,
            tool_use_id TEXT,
            received_at TEXT NOT NULL,
            payload TEXT NOT NULL
        );
        CREATE INDEX hook_events_by_session ON hook_events (session_id, received_at);
        CREATE TABLE file_states (
            path TEXT PRIMARY KEY,
            format TEXT NOT NULL,
            offset INTEGER NOT NULL,
            size INTEGER NOT NULL,
            last_write TEXT NOT NULL,
            lines INTEGER NOT NULL,
            parser_state TEXT
        );
        """,
        """
        CREATE TABLE task_iterations (
            task_id TEXT NOT NULL,
            n INTEGER NOT NULL,
            session_id TEXT NOT NULL,
            passed INTEGER,
            ts TEXT,
            PRIMARY KEY (task_id, n)
        ) WITHOUT ROWID;
        CREATE TABLE task_learnings (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL,
            task_id TEXT,
            agent TEXT NOT NULL,
            text TEXT NOT NULL,
            ts TEXT
        );
        CREATE INDEX task_learnings_by_task ON task_learnings (task_id);
        """,
        """
        -- Pattern engine (src/Outloop/Patterns): every table below except pattern_status_history is recomputed by
        -- PatternEngine.Backfill; a pattern's id is a hash of its kind and key, so its status survives a recompute.
        ALTER TABLE tool_calls ADD COLUMN signature TEXT;
        CREATE INDEX tool_calls_by_signature ON tool_calls (signature);
        CREATE TABLE patterns (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            signature TEXT NOT NULL,
            title TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'detected',
            occurrences INTEGER NOT NULL,
            tasks INTEGER NOT NULL,
            sessions INTEGER NOT NULL,
            calls INTEGER NOT NULL,
            llm_tokens INTEGER NOT NULL DEFAULT 0,
            tool_tokens INTEGER NOT NULL DEFAULT 0,
            llm_cost_usd REAL NOT NULL DEFAULT 0,
            script_cost_usd REAL NOT NULL DEFAULT 0,
            monthly_savings_usd REAL NOT NULL DEFAULT 0,
            confidence INTEGER NOT NULL,
            confidence_parts TEXT,
            success_rate REAL,
            first_seen TEXT,
            last_seen TEXT,
            agents TEXT,
            details TEXT
        );
        CREATE INDEX patterns_by_kind ON patterns (kind);
        CREATE TABLE pattern_occurrences (
            pattern_id TEXT NOT NULL,
            task_id TEXT NOT NULL,
            session_id TEXT NOT NULL,
            agent TEXT NOT NULL,
            tool_call_id TEXT,
            ts TEXT,
            calls INTEGER NOT NULL DEFAULT 1,
            llm_tokens INTEGER NOT NULL DEFAULT 0,
            tool_tokens INTEGER NOT NULL DEFAULT 0,
            llm_cost_usd REAL NOT NULL DEFAULT 0,
            script_cost_usd REAL NOT NULL DEFAULT 0,
            detail TEXT,
            UNIQUE (pattern_id, task_id)
        );
        CREATE INDEX pattern_occurrences_by_task ON pattern_occurrences (task_id);
        CREATE TABLE failures (
            tool_call_id TEXT PRIMARY KEY,
            template_id TEXT NOT NULL,
            task_id TEXT NOT NULL,
            session_id TEXT NOT NULL,
            ts TEXT,
            signature TEXT NOT NULL,
            tool_name TEXT,
            source TEXT NOT NULL,
            line TEXT NOT NULL
        );
        CREATE INDEX failures_by_template ON failures (template_id, ts);
        CREATE TABLE pattern_status_history (
            pattern_id TEXT NOT NULL,
            status TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            note TEXT
        );
        CREATE INDEX pattern_status_history_by_pattern ON pattern_status_history (pattern_id, changed_at);
        """,
        """
        -- Automation (src/Outloop/Automation): issues filed for candidates, and the tool registry with its run counts.
        CREATE TABLE pattern_issues (
            pattern_id TEXT NOT NULL,
            repo TEXT NOT NULL,
            number INTEGER NOT NULL,
            url TEXT,
            filed_at TEXT NOT NULL,
            PRIMARY KEY (pattern_id, repo)
        ) WITHOUT ROWID;
        CREATE TABLE tools (
            name TEXT PRIMARY KEY,
            command TEXT NOT NULL,
            input_patterns TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'active',
            runs INTEGER NOT NULL DEFAULT 0,
            successes INTEGER NOT NULL DEFAULT 0,
            total_duration_ms INTEGER NOT NULL DEFAULT 0,
            tokens_saved INTEGER NOT NULL DEFAULT 0,
            pattern_id TEXT,
            updated_at TEXT
        );
        """,
        """
        -- Outer-loop review (src/Outloop/Review): learnings and proposals per project folder, and the review trigger state.
        CREATE TABLE learnings (
            project TEXT NOT NULL,
            id TEXT NOT NULL,
            text TEXT NOT NULL,
            source TEXT NOT NULL,
            task_ids TEXT NOT NULL,
            pattern_ids TEXT NOT NULL,
            created_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL,
            promoted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (project, id)
        ) WITHOUT ROWID;
        CREATE TABLE proposals (
            id TEXT PRIMARY KEY,
            project TEXT NOT NULL,
            type TEXT NOT NULL,
            source TEXT NOT NULL,
            target_file TEXT NOT NULL,
            change TEXT NOT NULL,
            reason TEXT NOT NULL,
            confidence REAL NOT NULL,
            evidence TEXT NOT NULL,
            evidence_tasks INTEGER NOT NULL,
            status TEXT NOT NULL,
            feedback TEXT,
            created_at TEXT NOT NULL,
            reviewed_at TEXT
        );
        CREATE INDEX proposals_by_project ON proposals (project, status);
        CREATE TABLE review_state (
            project TEXT PRIMARY KEY,
            last_review_at TEXT,
            tasks_at_last_review INTEGER NOT NULL
        );
        """,
        """
        -- Tokens Outloop saved an agent, one row per act (src/Outloop/Automation/Compaction: a Bash output compacted by
        -- the PostToolUse hook, or by `outloop compact` after a PreToolUse rewrite). Reports sum tokens_saved.
        CREATE TABLE token_savings (
            id TEXT PRIMARY KEY,
            ts TEXT NOT NULL,
            session_id TEXT,
            tool_use_id TEXT,
            kind TEXT NOT NULL,
            runner TEXT,
            command TEXT,
            original_tokens INTEGER NOT NULL,
            final_tokens INTEGER NOT NULL,
            tokens_saved INTEGER NOT NULL,
            full_output_path TEXT
        );
        CREATE INDEX token_savings_by_ts ON token_savings (ts);
        """,
    ];
}
