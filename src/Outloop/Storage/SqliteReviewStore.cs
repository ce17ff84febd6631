using System.Text.Json;
using Microsoft.Data.Sqlite;
using Outloop.Review;

namespace Outloop.Storage;

/// <summary>The review's SQL: learnings, proposals and trigger state of one project folder.</summary>
internal sealed class SqliteReviewStore(SqliteStore store, string project)
{
    private readonly SqliteConnection _connection = store.Connection;

    public string Project { get; } = project;

    public List<Learning> Learnings()
    {
        using var command = Command("SELECT id, text, source, task_ids, pattern_ids, created_at, last_seen_at, promoted FROM learnings WHERE project = $project ORDER BY id");
        using var reader = command.ExecuteReader();
        var result = new List<Learning>();
        while (reader.Read())
        {
            result.Add(new Learning(reader.GetString(0), reader.GetString(1), reader.GetString(2), List(reader.GetString(3)), List(reader.GetString(4)),
                StoreTime.Parse(reader.GetString(5)), StoreTime.Parse(reader.GetString(6)), reader.GetInt64(7) != 0));
        }

        return result;
    }

    /// <summary>Replaces the project's learnings with <paramref name="learnings"/>.</summary>
    public void ReplaceLearnings(IEnumerable<Learning> learnings)
    {
        using var transaction = _connection.BeginTransaction();
        using (var delete = Command("DELETE FROM learnings WHERE project = $project"))
        {
            delete.Transaction = transaction;
            delete.ExecuteNonQuery();
        }

        foreach (var l in learnings)
        {
            using var insert = Command("""
                INSERT INTO learnings (project, id, text, source, task_ids, pattern_ids, created_at, last_seen_at, promoted)
                VALUES ($project, $id, $text, $source, $tasks, $patterns, $created, $seen, $promoted)
                """);
            insert.Transaction = transaction;
            insert.Parameters.AddWithValue("$id", l.Id);
            insert.Parameters.AddWithValue("$text", l.Text);
            insert.Parameters.AddWithValue("$source", l.Source);
            insert.Parameters.AddWithValue("$tasks", JsonSerializer.Serialize(l.TaskIds));
            insert.Parameters.AddWithValue("$patterns", JsonSerializer.Serialize(l.PatternIds));
            insert.Parameters.AddWithValue("$created", StoreTime.Format(l.CreatedAt));
            insert.Parameters.AddWithValue("$seen", StoreTime.Format(l.LastSeenAt));
            insert.Parameters.AddWithValue("$promoted", l.Promoted ? 1 : 0);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public List<Proposal> Proposals(string? status = null)
    {
        using var command = Command($"""
            SELECT id, project, type, source, target_file, change, reason, confidence, evidence, status, feedback, created_at, reviewed_at
            FROM proposals WHERE project = $project {(status is null ? string.Empty : "AND status = $status")}
            ORDER BY created_at, confidence DESC, id
            """);
        if (status is not null)
        {
            command.Parameters.AddWithValue("$status", status);
        }

        using var reader = command.ExecuteReader();
        var result = new List<Proposal>();
        while (reader.Read())
        {
            result.Add(new Proposal(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetDouble(7), JsonSerializer.Deserialize<ProposalEvidence>(reader.GetString(8))!, reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10), StoreTime.Parse(reader.GetString(11)), reader.IsDBNull(12) ? null : StoreTime.Parse(reader.GetString(12))));
        }

        return result;
    }

    /// <summary>A proposal of this project by id or unique id prefix, or null.</summary>
    public Proposal? Find(string id)
    {
        var matches = Proposals().Where(p => p.Id.StartsWith(id, StringComparison.Ordinal)).ToList();
        return matches.FirstOrDefault(p => p.Id == id) ?? (matches.Count == 1 ? matches[0] : null);
    }

    public void Save(Proposal p)
    {
        using var command = Command("""
            INSERT INTO proposals (id, project, type, source, target_file, change, reason, confidence, evidence, evidence_tasks, status, feedback, created_at, reviewed_at)
            VALUES ($id, $project, $type, $source, $target, $change, $reason, $confidence, $evidence, $tasks, $status, $feedback, $created, $reviewed)
            ON CONFLICT (id) DO UPDATE SET type = excluded.type, source = excluded.source, target_file = excluded.target_file, change = excluded.change,
                reason = excluded.reason, confidence = excluded.confidence, evidence = excluded.evidence, evidence_tasks = excluded.evidence_tasks,
                status = excluded.status, feedback = excluded.feedback, reviewed_at = excluded.reviewed_at
            """);
        command.Parameters.AddWithValue("$id", p.Id);
        command.Parameters.AddWithValue("$type", p.Type);
        command.Parameters.AddWithValue("$source", p.Source);
        command.Parameters.AddWithValue("$target", p.TargetFile);
        command.Parameters.AddWithValue("$change", p.Change);
        command.Parameters.AddWithValue("$reason", p.Reason);
        command.Parameters.AddWithValue("$confidence", p.Confidence);
        command.Parameters.AddWithValue("$evidence", JsonSerializer.Serialize(p.Evidence));
        command.Parameters.AddWithValue("$tasks", p.Evidence.Tasks);
        command.Parameters.AddWithValue("$status", p.Status);
        command.Parameters.AddWithValue("$feedback", (object?)p.Feedback ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", StoreTime.Format(p.CreatedAt));
        command.Parameters.AddWithValue("$reviewed", (object?)StoreTime.Format(p.ReviewedAt) ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    public ReviewState State()
    {
        using var command = Command("SELECT last_review_at, tasks_at_last_review FROM review_state WHERE project = $project");
        using var reader = command.ExecuteReader();
        return reader.Read() ? new ReviewState(reader.IsDBNull(0) ? null : StoreTime.Parse(reader.GetString(0)), reader.GetInt64(1)) : new ReviewState(null, 0);
    }

    public void SaveState(ReviewState state)
    {
        using var command = Command("""
            INSERT INTO review_state (project, last_review_at, tasks_at_last_review) VALUES ($project, $at, $tasks)
            ON CONFLICT (project) DO UPDATE SET last_review_at = excluded.last_review_at, tasks_at_last_review = excluded.tasks_at_last_review
            """);
        command.Parameters.AddWithValue("$at", (object?)StoreTime.Format(state.LastReviewAt) ?? DBNull.Value);
        command.Parameters.AddWithValue("$tasks", state.TasksAtLastReview);
        command.ExecuteNonQuery();
    }

    public long TaskCount()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM tasks";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The description of each of these tasks that is in the store (null when it has none).</summary>
    public Dictionary<string, string?> TaskDescriptions(IEnumerable<string> taskIds)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT description FROM tasks WHERE id = $id";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        foreach (var taskId in taskIds.Distinct(StringComparer.Ordinal))
        {
            id.Value = taskId;
            if (command.ExecuteScalar() is { } value)
            {
                result[taskId] = value as string;
            }
        }

        return result;
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$project", Project);
        return command;
    }

    private static string[] List(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}
