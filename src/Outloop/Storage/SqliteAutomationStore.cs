using Microsoft.Data.Sqlite;
using Outloop.Automation.Issues;

namespace Outloop.Storage;

/// <summary>The automation stage's SQL: issues filed for candidates (<c>pattern_issues</c>).</summary>
internal sealed class SqliteAutomationStore(SqliteStore store)
{
    private readonly SqliteConnection _connection = store.Connection;

    public FiledIssue? IssueFor(string patternId, string repo)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT number, url FROM pattern_issues WHERE pattern_id = $id AND repo = $repo";
        command.Parameters.AddWithValue("$id", patternId);
        command.Parameters.AddWithValue("$repo", repo);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new FiledIssue(patternId, reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), "recorded") : null;
    }

    public void RecordIssue(FiledIssue issue, string repo, DateTimeOffset at)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO pattern_issues (pattern_id, repo, number, url, filed_at) VALUES ($id, $repo, $number, $url, $at)
            ON CONFLICT (pattern_id, repo) DO UPDATE SET number = excluded.number, url = excluded.url, filed_at = excluded.filed_at
            """;
        command.Parameters.AddWithValue("$id", issue.PatternId);
        command.Parameters.AddWithValue("$repo", repo);
        command.Parameters.AddWithValue("$number", issue.Number);
        command.Parameters.AddWithValue("$url", (object?)issue.Url ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", StoreTime.Format(at));
        command.ExecuteNonQuery();
    }
}
