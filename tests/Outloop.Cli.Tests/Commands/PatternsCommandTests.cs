using System.Text.Json;

namespace Outloop.Cli.Tests.Commands;

public sealed class PatternsCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outloop-cli-tests", Guid.NewGuid().ToString("N"));

    public PatternsCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task OpsJsonHasExactlyTheDocumentedFieldsAndShowExplainsTheSavings()
    {
        var project = Path.Combine(_folder, "projects", "-home-dev-app");
        Directory.CreateDirectory(project);
        var lines = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var t = $"2026-03-0{i + 1}T09:00:0";
            lines.Add("""{"type":"user","uuid":"p@i","sessionId":"s1","cwd":"/home/dev/app","timestamp":"@t0.000Z","message":{"role":"user","content":"run the tests @i"}}""".Replace("@i", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("@t", t, StringComparison.Ordinal));
            lines.Add("""{"type":"assistant","uuid":"a@i","sessionId":"s1","cwd":"/home/dev/app","timestamp":"@t1.000Z","requestId":"r@i","message":{"id":"m@i","model":"claude-sonnet-4-5","content":[{"type":"tool_use","id":"tu@i","name":"Bash","input":{"command":"mix test"}}],"usage":{"input_tokens":3,"output_tokens":40}}}""".Replace("@i", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("@t", t, StringComparison.Ordinal));
            lines.Add("""{"type":"user","uuid":"u@i","sessionId":"s1","cwd":"/home/dev/app","timestamp":"@t2.000Z","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"tu@i","content":"3 tests, 0 failures"}]}}""".Replace("@i", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("@t", t, StringComparison.Ordinal));
            lines.Add("""{"type":"assistant","uuid":"b@i","sessionId":"s1","cwd":"/home/dev/app","timestamp":"@t3.000Z","requestId":"q@i","message":{"id":"n@i","model":"claude-sonnet-4-5","content":[{"type":"text","text":"done"}],"usage":{"input_tokens":3,"output_tokens":5}}}""".Replace("@i", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("@t", t, StringComparison.Ordinal));
        }

        await File.WriteAllTextAsync(Path.Combine(project, "s1.jsonl"), string.Join("\n", lines) + "\n", TestContext.Current.CancellationToken);
        var db = Path.Combine(_folder, "store.db");
        var (importExit, _, importError) = await CliRun.Run("import", "claude", _folder, "--db", db);
        Assert.True(importExit == 0, importError);

        var signals = Path.Combine(_folder, "signals.jsonl");
        var (backfillExit, backfill, _) = await CliRun.Run("backfill", "--db", db, "--signals", signals);
        var (exit, json, _) = await CliRun.Run("patterns", "ops", "--json", "--db", db);

        Assert.Equal(0, backfillExit);
        Assert.StartsWith("Backfilled 3 tool calls, 3 tasks", backfill, StringComparison.Ordinal);
        var taskSignals = (await File.ReadAllLinesAsync(signals, TestContext.Current.CancellationToken)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, taskSignals.Count);
        Assert.All(taskSignals, s => Assert.Equal((1, false), (s.GetProperty("testRuns").GetInt32(), s.GetProperty("lastTestFailed").GetBoolean())));
        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(json);
        var pattern = Assert.Single(document.RootElement.GetProperty("patterns").EnumerateArray());
        Assert.Equal(
            ["id", "signature", "occurrences", "tasks", "sessions", "llmTokens", "toolTokens", "monthlySavingsUsd", "confidence", "status"],
            pattern.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("test:mix:all", pattern.GetProperty("signature").GetString());
        Assert.Equal(3, pattern.GetProperty("occurrences").GetInt32());
        Assert.Equal("detected", pattern.GetProperty("status").GetString());

        var (showExit, show, _) = await CliRun.Run("patterns", "show", pattern.GetProperty("id").GetString()!, "--db", db);
        Assert.Equal(0, showExit);
        Assert.Contains("monthly     = max(0, $", show, StringComparison.Ordinal);
        Assert.Contains("mix test", show, StringComparison.Ordinal);
        Assert.Equal(3, show.Split('\n').Count(l => l.StartsWith("2026-03-0", StringComparison.Ordinal)));
    }
}
