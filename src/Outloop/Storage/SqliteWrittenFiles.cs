using Microsoft.Data.Sqlite;
using Outloop.Automation.FileTemplates;

namespace Outloop.Storage;

/// <summary>
/// Files agents wrote whole, read from the tool calls' inputs: Claude Code's <c>Write</c> (<c>file_path</c>,
/// <c>content</c>) and editors' <c>create</c> commands (<c>path</c>, <c>file_text</c>, as in OpenHands and
/// SWE-agent). The inputs were redacted and capped at import.
/// </summary>
internal sealed class SqliteWrittenFiles(SqliteStore store)
{
    private readonly SqliteConnection _connection = store.Connection;

    public IEnumerable<WrittenFile> Since(DateTimeOffset? since)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT id, session_id, coalesce(started_at, ended_at), path, content FROM (
                SELECT id, session_id, started_at, ended_at,
                       coalesce(json_extract(input_json, '$.file_path'), json_extract(input_json, '$.path')) AS path,
                       coalesce(json_extract(input_json, '$.content'), json_extract(input_json, '$.file_text')) AS content
                FROM tool_calls
                WHERE json_valid(input_json)
                  AND (name = 'Write' OR json_extract(input_json, '$.command') = 'create')
                  AND coalesce(started_at, ended_at) >= $since)
            WHERE path IS NOT NULL AND content IS NOT NULL
            ORDER BY 3, id
            """;
        command.Parameters.AddWithValue("$since", since is { } s ? StoreTime.Format(s) : "");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new WrittenFile(reader.GetString(0), reader.GetString(1), StoreTime.Parse(reader.GetString(2)), reader.GetString(3), reader.GetString(4));
        }
    }
}
