using System.Globalization;
using System.Text.Json;
using Outloop.Patterns;
using Outloop.Storage;

namespace Outloop.Cli.Tests.Commands;

public sealed class CandidatesCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outloop-cli-tests", Guid.NewGuid().ToString("N"));

    public CandidatesCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task JsonHasExactlyTheDocumentedFieldsAndFlagsOverrideTheThresholds()
    {
        var db = Path.Combine(_folder, "store.db");
        WritePatterns(db, ("test:pytest:all", 6, 80, 5.0), ("vcs:git:status", 3, 90, 9.0));

        var (exit, json, error) = await CliRun.Run("candidates", "--json", "--db", db, "--hours", "2", "--hourly-rate", "15");
        var (lowerExit, lower, _) = await CliRun.Run("candidates", "--json", "--db", db, "--min-occurrences", "3");

        Assert.True(exit == 0, error);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(["candidates"], document.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        var candidate = Assert.Single(document.RootElement.GetProperty("candidates").EnumerateArray());
        Assert.Equal(
            ["patternId", "signature", "occurrences", "confidence", "monthlySavingsUsd", "paybackMonths", "annualRoiPercent"],
            candidate.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("test:pytest:all", candidate.GetProperty("signature").GetString());
        Assert.Equal(6, candidate.GetProperty("paybackMonths").GetDouble());
        Assert.Equal(100, candidate.GetProperty("annualRoiPercent").GetDouble());
        Assert.Equal(0, lowerExit);
        using var lowered = JsonDocument.Parse(lower);
        Assert.Equal(2, lowered.RootElement.GetProperty("candidates").GetArrayLength());

        var (showExit, show, _) = await CliRun.Run("patterns", "ops", "--json", "--db", db);
        Assert.Equal(0, showExit);
        using var listing = JsonDocument.Parse(show);
        Assert.All(listing.RootElement.GetProperty("patterns").EnumerateArray(), p => Assert.Equal("candidate", p.GetProperty("status").GetString()));
    }

    internal static void WritePatterns(string db, params (string Signature, int Occurrences, int Confidence, double Monthly)[] specs)
    {
        using var store = SqliteStore.Open(db);
        var patterns = new List<PatternRecord>();
        var occurrences = new List<PatternOccurrence>();
        foreach (var (signature, count, confidence, monthly) in specs)
        {
            var id = PatternIds.Make(PatternKind.Operation, signature);
            var command = signature.StartsWith("test:", StringComparison.Ordinal) ? "pytest -q" : "git status";
            patterns.Add(new PatternRecord(id, PatternKind.Operation, signature, command, count, count, 1, count, count * 5000, count * 300,
                count * 0.02, count * 0.002, monthly, confidence, null, 1.0, "2026-03-01T09:00:00.000Z", "2026-03-20T09:00:00.000Z", "claude", null));
            for (var i = 0; i < count; i++)
            {
                var ts = new DateTimeOffset(2026, 3, 1 + i, 9, 0, 0, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
                using var insert = store.Connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO tasks (id, session_id, agent, description, started_at) VALUES ($task, 's1', 'claude', $description, $ts);
                    INSERT INTO tool_calls (id, session_id, task_id, agent, name, started_at, input_json, success)
                    VALUES ($call, 's1', $task, 'claude', 'Bash', $ts, json_object('command', $command), 1);
                    """;
                insert.Parameters.AddWithValue("$task", $"{id}-t{i}");
                insert.Parameters.AddWithValue("$call", $"{id}-c{i}");
                insert.Parameters.AddWithValue("$ts", ts);
                insert.Parameters.AddWithValue("$description", $"task {i} of {signature}");
                insert.Parameters.AddWithValue("$command", command);
                insert.ExecuteNonQuery();
                occurrences.Add(new PatternOccurrence(id, $"{id}-t{i}", "s1", "claude", $"{id}-c{i}", ts, 1, 5000, 300, 0.02, 0.002, command));
            }
        }

        new SqlitePatternStore(store).Replace(new PatternAnalysis([], patterns, occurrences, [], []));
    }
}
