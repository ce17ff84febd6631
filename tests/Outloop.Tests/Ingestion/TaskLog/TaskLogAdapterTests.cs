using System.Text.Json;
using Outloop.Ingestion;
using Outloop.Reporting;
using Outloop.Storage;
using Outloop.Tests.Support;

namespace Outloop.Tests.Ingestion.TaskLog;

public sealed class TaskLogAdapterTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly SqliteStore _store;

    public TaskLogAdapterTests() => _store = SqliteStore.Open(_temp.File("store.db"));

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void EveryFieldOfASyntheticTaskLogIsReadBack()
    {
        var file = _temp.Write("pipeline.jsonl", Lines(
            new { type = "task_start", id = "T1", session = "run-7", description = "Fix login bug", workflow = "issue-to-pr", agent = "adw", project = "shop", cwd = "/src/shop", timestamp = "2026-03-02T09:00:00Z" },
            new { type = "model_request", task = "T1", id = "r1", model = "gpt-4o", inputTokens = 100, outputTokens = 20, cacheReadTokens = 300, cacheWriteTokens = 40, costUsd = 0.5, timestamp = "2026-03-02T09:00:01Z" },
            new { type = "tool_call", task = "T1", id = "c1", name = "Bash", input = new { command = "pytest -q" }, output = "3 passed", success = true, durationMs = 1500, timestamp = "2026-03-02T09:00:02Z" },
            new { type = "tool_call", task = "T1", id = "c2", name = "Bash", input = new { command = "ruff ." }, error = "E501 line too long", timestamp = "2026-03-02T09:00:03Z" },
            new { type = "file_access", task = "T1", path = "AGENTS.md", kind = "provided", timestamp = "2026-03-02T09:00:00Z" },
            new { type = "file_access", task = "T1", path = "src/login.py", kind = "written", toolCall = "c1", timestamp = "2026-03-02T09:00:04Z" },
            new { type = "iteration", task = "T1", n = 1, passed = false, timestamp = "2026-03-02T09:01:00Z" },
            new { type = "iteration", task = "T1", n = 2, passed = true, timestamp = "2026-03-02T09:02:00Z" },
            new { type = "outcome", task = "T1", status = "converged", score = 88, evidence = "PR #12 merged", timestamp = "2026-03-02T09:03:00Z" },
            new { type = "learning", task = "T1", id = "l1", text = "Run ruff before pytest.", timestamp = "2026-03-02T09:03:01Z" }));

        var summary = new SourceImporter(_store, SourceAdapters.All).Import("tasklog", [file], new ImportOptions(Strict: true));

        Assert.Equal(10, summary.Lines);
        var task = Assert.Single(_store.Tasks(new UsageFilter(Agent: "adw")));
        Assert.Equal(("T1", "run-7", "Fix login bug", "converged", 2, 88), (task.Id, task.SessionId, task.Description, task.Outcome, task.Iterations, task.Score));
        Assert.Equal(("issue-to-pr", "PR #12 merged"), (task.WorkflowType, task.OutcomeEvidence));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), task.StartedAt);
        Assert.Equal((2, 1), (task.ToolCalls, task.FailedToolCalls));

        var session = Assert.Single(_store.Sessions(new UsageFilter(SessionId: "run-7")));
        Assert.Equal(("adw", "shop"), (session.Agent, session.Project));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 3, 1, TimeSpan.Zero), session.EndedAt);

        var request = Assert.Single(_store.Usage(new UsageFilter(SessionId: "run-7")));
        Assert.Equal(("gpt-4o", "T1", 0.5m), (request.Model, request.TaskId, request.SourceCostUsd));
        Assert.Equal(new TokenCounts(100, 20, 40, 0, 300), request.Tokens);

        Assert.Equal(
            [new IterationRecord("T1", "run-7", 1, false, new DateTimeOffset(2026, 3, 2, 9, 1, 0, TimeSpan.Zero)), new IterationRecord("T1", "run-7", 2, true, new DateTimeOffset(2026, 3, 2, 9, 2, 0, TimeSpan.Zero))],
            _store.Iterations("T1"));
        Assert.Equal(
            new LearningRecord("l1", "run-7", "T1", "adw", "Run ruff before pytest.", new DateTimeOffset(2026, 3, 2, 9, 3, 1, TimeSpan.Zero)),
            Assert.Single(_store.Learnings("T1")));

        Assert.Equal(
            ["c1|Bash|{\"command\":\"pytest -q\"}|3 passed||1|1500|2026-03-02T09:00:02.000Z|2026-03-02T09:00:03.500Z", "c2|Bash|{\"command\":\"ruff .\"}||E501 line too long|0||2026-03-02T09:00:03.000Z|"],
            Rows("SELECT id, name, input_json, result_text, error_text, success, duration_ms, started_at, ended_at FROM tool_calls WHERE task_id = 'T1' ORDER BY id"));
        Assert.Equal(
            ["T1|AGENTS.md|provided|2026-03-02T09:00:00.000Z", "c1|src/login.py|write|2026-03-02T09:00:04.000Z"],
            Rows("SELECT tool_call_id, path, kind, ts FROM file_accesses WHERE task_id = 'T1' ORDER BY path"));
        Assert.Equal(["/src/shop"], Rows("SELECT cwd FROM sessions WHERE id = 'run-7'"));
    }

    [Fact]
    public void BadRecordsAreSkippedWithTheirReason()
    {
        var file = _temp.Write("bad.tasklog.jsonl", Lines(
            new { type = "task_start", id = "T1", timestamp = "2026-03-02T09:00:00Z" },
            new { type = "outcome", task = "T1", status = "great" },
            new { type = "iteration", task = "T1", n = 0 },
            new { type = "launch", task = "T1" },
            new { type = "learning", task = "T1", text = "api key sk-ant-api03-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA leaked" }));

        var summary = new SourceImporter(_store, SourceAdapters.All).Import("auto", [file], new ImportOptions());

        Assert.Equal("tasklog", Assert.Single(summary.PerFile).Format);
        Assert.Equal(3, summary.SkippedLines);
        Assert.Equal([2L, 3L, 4L], summary.Problems.Select(p => p.Line));
        Assert.Contains("converged, failed, escalated or unknown", summary.Problems[0].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAAAAAAAAAAAAAA", Assert.Single(_store.Learnings(null)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedExampleMatchesTheSchemaAndImportsCleanly()
    {
        var docs = Path.Combine(SharedData.RepoRoot, "docs");
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(docs, "tasklog.schema.json")));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        var definitions = schema.RootElement.GetProperty("$defs");
        var example = Path.Combine(docs, "tasklog.example.jsonl");
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(example))
        {
            using var record = JsonDocument.Parse(line);
            var type = record.RootElement.GetProperty("type").GetString()!;
            types.Add(type);
            var definition = definitions.GetProperty(type);
            var properties = definition.GetProperty("properties");
            foreach (var required in definition.GetProperty("required").EnumerateArray())
            {
                Assert.True(record.RootElement.TryGetProperty(required.GetString()!, out _), $"{type} lacks {required}");
            }

            foreach (var property in record.RootElement.EnumerateObject())
            {
                Assert.True(properties.TryGetProperty(property.Name, out var rule), $"{type} has {property.Name}, which the schema does not allow");
                if (rule.TryGetProperty("enum", out var allowed))
                {
                    Assert.Contains(property.Value.GetString(), allowed.EnumerateArray().Select(a => a.GetString()));
                }
            }
        }

        Assert.Equal(7, types.Count);
        var summary = new SourceImporter(_store, SourceAdapters.All).Import("auto", [example], new ImportOptions(Strict: true));
        Assert.Equal("tasklog", Assert.Single(summary.PerFile).Format);
        Assert.Equal(0, summary.SkippedLines);
    }

    [Fact]
    public void LaterLinesOfATaskAreMergedIntoItsRowAcrossIncrementalImports()
    {
        var file = _temp.Write("run.tasklog.jsonl", Lines(
            new { type = "task_start", id = "T1", session = "run-1", description = "Add a flag", timestamp = "2026-03-02T09:00:00Z" },
            new { type = "iteration", task = "T1", n = 2, passed = false, timestamp = "2026-03-02T09:01:00Z" },
            new { type = "iteration", task = "T1", n = 1, passed = false, timestamp = "2026-03-02T09:02:00Z" },
            new { type = "outcome", task = "T1", status = "failed", score = 20, evidence = "CI red", timestamp = "2026-03-02T09:03:00Z" }));
        var importer = new SourceImporter(_store, SourceAdapters.All);
        importer.Import("tasklog", [file], new ImportOptions(Strict: true));
        var first = Assert.Single(_store.Tasks(new UsageFilter()));
        Assert.Equal(("failed", 2, 20, "CI red"), (first.Outcome, first.Iterations, first.Score, first.OutcomeEvidence));

        File.AppendAllText(file, Lines(
            new { type = "iteration", task = "T1", n = 3, passed = true, timestamp = "2026-03-02T09:04:00Z" },
            new { type = "outcome", task = "T1", status = "converged", timestamp = "2026-03-02T09:05:00Z" },
            new { type = "outcome", task = "T1", status = "unknown", score = 90, timestamp = "2026-03-02T09:06:00Z" }));
        var second = importer.Import("tasklog", [file], new ImportOptions(Strict: true));

        Assert.Equal(3, second.Lines);
        var task = Assert.Single(_store.Tasks(new UsageFilter()));
        Assert.Equal(("converged", 3, 90, "CI red", "Add a flag"), (task.Outcome, task.Iterations, task.Score, task.OutcomeEvidence, task.Description));
        Assert.Equal([1, 2, 3], _store.Iterations("T1").Select(i => i.Number));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 6, 0, TimeSpan.Zero), Assert.Single(_store.Sessions(new UsageFilter(SessionId: "run-1"))).EndedAt);
    }

    [Fact]
    public void LineWithInvalidUtf8IsSkippedAndTheOthersAreKept()
    {
        var good = Lines(
            new { type = "task_start", id = "T1", timestamp = "2026-03-02T09:00:00Z" },
            new { type = "learning", task = "T1", id = "l1", text = "kept", timestamp = "2026-03-02T09:00:01Z" });
        var bad = "{\"type\":\"learning\",\"task\":\"T1\",\"text\":\"bad "u8.ToArray().Concat(new byte[] { 0xFF, 0xFE }).Concat("\"}\n"u8.ToArray());
        var file = _temp.File("utf.tasklog.jsonl");
        File.WriteAllBytes(file, [.. System.Text.Encoding.UTF8.GetBytes(good), .. bad]);

        var summary = new SourceImporter(_store, SourceAdapters.All).Import("tasklog", [file], new ImportOptions());

        Assert.Equal((3L, 1L), (summary.Lines, summary.SkippedLines));
        Assert.Equal(3, Assert.Single(summary.Problems).Line);
        Assert.Equal("kept", Assert.Single(_store.Learnings("T1")).Text);
    }

    private static string Lines(params object[] records) => string.Join('\n', records.Select(r => JsonSerializer.Serialize(r))) + "\n";

    private List<string> Rows(string sql)
    {
        using var command = _store.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
