using System.Globalization;
using Outloop.Patterns;
using Outloop.Storage;

namespace Outloop.Tests.Automation.Candidates;

/// <summary>Writes hand-made operation patterns, with one task, tool call and occurrence each, into a real store.</summary>
internal static class HandMadePatterns
{
    public static PatternRecord Op(string signature, int occurrences, int confidence, double monthlySavings, string command = "pytest -q", string kind = PatternKind.Operation) =>
        new(PatternIds.Make(kind, signature), kind, signature, command, occurrences, occurrences, 2, occurrences * 2,
            LlmTokens: occurrences * 5000, ToolTokens: occurrences * 300, LlmCostUsd: occurrences * 0.02, ScriptCostUsd: occurrences * 0.002,
            monthlySavings, confidence, null, 1.0, "2026-03-01T09:00:00.000Z", "2026-03-20T09:00:00.000Z", "claude", null);

    public static void Write(SqliteStore store, params PatternRecord[] patterns)
    {
        var occurrences = new List<PatternOccurrence>();
        foreach (var p in patterns)
        {
            for (var i = 0; i < p.Occurrences; i++)
            {
                var task = $"{p.Id}-t{i}";
                var call = $"{p.Id}-c{i}";
                var ts = new DateTimeOffset(2026, 3, 1 + i, 9, 0, 0, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
                using var insert = store.Connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO tasks (id, session_id, agent, description, started_at) VALUES ($task, 's1', 'claude', $description, $ts);
                    INSERT INTO tool_calls (id, session_id, task_id, agent, name, started_at, input_json, success)
                    VALUES ($call, 's1', $task, 'claude', 'Bash', $ts, json_object('command', $command), 1);
                    """;
                insert.Parameters.AddWithValue("$task", task);
                insert.Parameters.AddWithValue("$call", call);
                insert.Parameters.AddWithValue("$ts", ts);
                insert.Parameters.AddWithValue("$description", $"fix bug {i}");
                insert.Parameters.AddWithValue("$command", p.Title);
                insert.ExecuteNonQuery();
                occurrences.Add(new PatternOccurrence(p.Id, task, "s1", "claude", call, ts, 2, 10000, 600, 0.04, 0.004, p.Title));
            }
        }

        new SqlitePatternStore(store).Replace(new PatternAnalysis([], patterns, occurrences, [], []));
    }
}
