using System.Text.Json;

namespace Outloop.Cli.Tests.Commands;

public sealed class SourceImportCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outloop-cli-tests", Guid.NewGuid().ToString("N"));

    public SourceImportCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ImportAutoJsonListsEveryFileWithItsDetectedFormat()
    {
        var codex = Write("logs/rollout-2026-03-02T10-00-00-019c0000-aaaa-7bbb-8ccc-000000000001.jsonl",
            """
            {"timestamp":"2026-03-02T10:00:00.000Z","type":"session_meta","payload":{"id":"019c0000-aaaa-7bbb-8ccc-000000000001","cwd":"/home/dev/app"}}
            {"timestamp":"2026-03-02T10:00:01.000Z","type":"event_msg","payload":{"type":"user_message","message":"add a retry"}}
            {"timestamp":"2026-03-02T10:00:02.000Z","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":100,"cached_input_tokens":40,"output_tokens":7}}}}

            """);
        var taskLog = Write("logs/run.jsonl",
            """
            {"type":"task_start","id":"T1","description":"Fix #1","timestamp":"2026-03-02T09:00:00Z"}
            {"type":"outcome","task":"T1","status":"failed","score":10}
            not json

            """);
        var notes = Write("logs/notes.txt", "hello\n");
        var db = Path.Combine(_folder, "store.db");

        var (exit, output, _) = await CliRun.Run("import", "auto", Path.Combine(_folder, "logs"), "--json", "--db", db);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var files = json.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => (
                f.GetProperty("format").GetString(), f.GetProperty("lines").GetInt64(), f.GetProperty("imported").GetInt64(), f.GetProperty("skipped").GetInt64()));
        Assert.Equal(("codex", 3L, 3L, 0L), files[codex]);
        Assert.Equal(("tasklog", 3L, 2L, 1L), files[taskLog]);
        Assert.Equal(("unrecognised", 0L, 0L, 0L), files[notes]);

        var (_, human, _) = await CliRun.Run("import", "auto", Path.Combine(_folder, "logs"), "--db", db);
        Assert.Contains($"{codex}: codex", human, StringComparison.Ordinal);
        Assert.Contains("Imported 3 files (2 unchanged)", human, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TasksJsonGivesEachTaskWithOutcomeCountsAndCost()
    {
        var log = Write("run.tasklog.jsonl",
            """
            {"type":"task_start","id":"T1","session":"s1","description":"Fix #1","agent":"adw","timestamp":"2026-03-02T09:00:00Z"}
            {"type":"model_request","task":"T1","model":"gpt-4o","inputTokens":1000,"outputTokens":100,"costUsd":0.25}
            {"type":"tool_call","task":"T1","name":"Bash","error":"exit 1"}
            {"type":"iteration","task":"T1","n":3}
            {"type":"outcome","task":"T1","status":"escalated","score":40}

            """);
        var db = Path.Combine(_folder, "store.db");
        var (importExit, _, _) = await CliRun.Run("import", "tasklog", log, "--db", db);
        Assert.Equal(0, importExit);

        var (exit, output, _) = await CliRun.Run("tasks", "--agent", "adw", "--json", "--db", db);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var task = Assert.Single(json.RootElement.GetProperty("tasks").EnumerateArray());
        Assert.Equal("T1", task.GetProperty("id").GetString());
        Assert.Equal("s1", task.GetProperty("sessionId").GetString());
        Assert.Equal("adw", task.GetProperty("agent").GetString());
        Assert.Equal("Fix #1", task.GetProperty("description").GetString());
        Assert.Equal("2026-03-02T09:00:00.000Z", task.GetProperty("startedAt").GetString());
        Assert.Equal("escalated", task.GetProperty("outcome").GetString());
        Assert.Equal(3, task.GetProperty("iterations").GetInt32());
        Assert.Equal(40, task.GetProperty("score").GetInt32());
        Assert.Equal(1, task.GetProperty("toolCalls").GetInt32());
        Assert.Equal(1, task.GetProperty("failedToolCalls").GetInt32());
        Assert.Equal(0.25m, task.GetProperty("costUsd").GetDecimal());

        var (_, none, _) = await CliRun.Run("tasks", "--agent", "codex", "--json", "--db", db);
        Assert.Empty(JsonDocument.Parse(none).RootElement.GetProperty("tasks").EnumerateArray());
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
