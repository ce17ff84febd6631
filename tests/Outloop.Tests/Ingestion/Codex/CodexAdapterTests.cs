using System.Text.Json;
using Outloop.Ingestion;
using Outloop.Reporting;
using Outloop.Storage;
using Outloop.Tests.Support;

namespace Outloop.Tests.Ingestion.Codex;

public sealed class CodexAdapterTests : IDisposable
{
    private const string SessionId = "019c0000-aaaa-7bbb-8ccc-000000000001";
    private readonly TempFolder _temp = new();
    private readonly SqliteStore _store;

    public CodexAdapterTests() => _store = SqliteStore.Open(_temp.File("store.db"));

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void RealRolloutTokensEqualTheLastCumulativeTotalOfEachFile()
    {
        var files = Directory.GetFiles(SharedData.Require("codex"), "*.jsonl", SearchOption.AllDirectories);
        Assert.Equal(2, files.Length);

        var summary = Import("codex", files);

        Assert.Equal(0, summary.SkippedLines);
        foreach (var file in files)
        {
            var (sessionId, input, cached, output) = LastTotals(file);
            var usage = _store.Usage(new UsageFilter(SessionId: sessionId)).ToList();
            Assert.NotEmpty(usage);
            Assert.All(usage, u => Assert.Equal("codex", u.Agent));
            Assert.Equal(input - cached, usage.Sum(u => u.Tokens.Input));
            Assert.Equal(cached, usage.Sum(u => u.Tokens.CacheRead));
            Assert.Equal(output, usage.Sum(u => u.Tokens.Output));
            Assert.All(usage, u => Assert.Equal("gpt-5.3-codex", u.Model));
        }

        var sessions = _store.Sessions(new UsageFilter(Agent: "codex"));
        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s => Assert.Equal(1, s.Tasks));
        Assert.Equal(6, sessions.Sum(s => s.ToolCalls));
    }

    [Fact]
    public void RepeatedTokenCountEventsAreCountedOnceAndADecreaseStartsAFreshCounter()
    {
        var file = _temp.Write($"rollout-2026-03-02T10-00-00-{SessionId}.jsonl", string.Join('\n',
            Meta(),
            Turn("t1", "gpt-5-codex"),
            Event("{\"type\":\"task_started\",\"turn_id\":\"t1\"}"),
            Event("{\"type\":\"user_message\",\"message\":\"add a retry\"}"),
            Tokens(1000, 200, 50),
            Tokens(1000, 200, 50),
            Event("{\"type\":\"token_count\",\"info\":null,\"rate_limits\":{}}"),
            Tokens(2500, 900, 80),
            Tokens(2500, 900, 80),
            string.Empty));

        Import("codex", [file]);

        var usage = _store.Usage(new UsageFilter(SessionId: SessionId)).ToList();
        Assert.Equal(2, usage.Count);
        Assert.Equal(2500 - 900, usage.Sum(u => u.Tokens.Input));
        Assert.Equal(900, usage.Sum(u => u.Tokens.CacheRead));
        Assert.Equal(80, usage.Sum(u => u.Tokens.Output));

        // Appended later: a lower total (a fresh counter) counts from zero; the old ids are not written again.
        File.AppendAllText(file, Tokens(300, 100, 10) + "\n" + Tokens(300, 100, 10) + "\n");
        var again = Import("codex", [file]);

        Assert.Equal(2, again.Lines);
        usage = _store.Usage(new UsageFilter(SessionId: SessionId)).ToList();
        Assert.Equal(3, usage.Count);
        Assert.Equal(2500 - 900 + 200, usage.Sum(u => u.Tokens.Input));
        Assert.Equal(90, usage.Sum(u => u.Tokens.Output));
    }

    [Fact]
    public void BareEraRolloutGivesSessionCwdTaskAndFailedToolCall()
    {
        var file = _temp.Write("rollout-2025-08-20T09-00-00-0198c000-1111-7222-8333-444444444444.jsonl", string.Join('\n',
            "{\"id\":\"0198c000-1111-7222-8333-444444444444\",\"timestamp\":\"2025-08-20T07:00:00.000Z\",\"instructions\":null,\"git\":{\"branch\":\"main\"}}",
            "{\"record_type\":\"state\"}",
            "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"<environment_context>\\n  <cwd>/home/dev/shop</cwd>\\n</environment_context>\"}]}",
            "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"fix the failing cart test\"}]}",
            "{\"type\":\"function_call\",\"name\":\"shell\",\"arguments\":\"{\\\"command\\\":[\\\"pytest\\\",\\\"-q\\\"]}\",\"call_id\":\"call_1\"}",
            "{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"{\\\"output\\\":\\\"1 failed\\\",\\\"metadata\\\":{\\\"exit_code\\\":1,\\\"duration_seconds\\\":2.5}}\"}",
            "{\"record_type\":\"state\"}",
            string.Empty));

        var summary = Import("auto", [file]);

        Assert.Equal("codex", Assert.Single(summary.PerFile).Format);
        Assert.Equal(0, summary.SkippedLines);
        var session = Assert.Single(_store.Sessions(new UsageFilter(Agent: "codex")));
        Assert.Equal("0198c000-1111-7222-8333-444444444444", session.Id);
        Assert.Equal("-home-dev-shop", session.Project);
        Assert.Equal(1, session.Tasks);
        Assert.Equal(1, session.FailedToolCalls);
        using var command = _store.Connection.CreateCommand();
        command.CommandText = "SELECT t.description, c.name, c.input_json, c.error_text, c.duration_ms, c.task_id = t.id FROM tasks t, tool_calls c";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("fix the failing cart test", reader.GetString(0));
        Assert.Equal("shell", reader.GetString(1));
        Assert.Equal("{\"command\":[\"pytest\",\"-q\"]}", reader.GetString(2));
        Assert.Equal("1 failed", reader.GetString(3));
        Assert.Equal(2500, reader.GetInt64(4));
        Assert.Equal(1, reader.GetInt64(5));
    }

    [Fact]
    public void ForkedRolloutBelongsToItsFirstSessionMeta()
    {
        var file = _temp.Write("rollout-fork.jsonl", string.Join('\n',
            Meta(),
            Line("session_meta", "{\"id\":\"parent-thread\",\"timestamp\":\"2026-03-01T10:00:00.000Z\",\"cwd\":\"/elsewhere\"}"),
            Event("{\"type\":\"user_message\",\"message\":\"go on\"}"),
            "{\"broken",
            string.Empty));

        var summary = Import("codex", [file]);

        Assert.Equal(1, summary.SkippedLines);
        Assert.Contains(summary.Problems, p => p.Line == 4);
        var session = Assert.Single(_store.Sessions(new UsageFilter()));
        Assert.Equal(SessionId, session.Id);
        Assert.Equal("-home-dev-app", session.Project);
    }

    [Fact]
    public void UnchangedRolloutIsNotReadAgain()
    {
        var file = _temp.Write($"rollout-2026-03-02T10-00-00-{SessionId}.jsonl", Meta() + "\n" + Tokens(10, 0, 5) + "\n");
        Import("codex", [file]);

        var again = Import("auto", [_temp.Path]);

        Assert.Equal(1, again.UnchangedFiles);
        Assert.Equal(0, again.Lines);
        Assert.Equal("codex", again.PerFile.Single(f => f.Path == file).Format);
    }

    private ImportSummary Import(string format, IReadOnlyList<string> paths) =>
        new SourceImporter(_store, SourceAdapters.All).Import(format, paths, new ImportOptions());

    private static string Meta() =>
        Line("session_meta", $"{{\"id\":\"{SessionId}\",\"timestamp\":\"2026-03-02T10:00:00.000Z\",\"cwd\":\"/home/dev/app\",\"originator\":\"codex_cli_rs\",\"cli_version\":\"0.50.0\"}}");

    private static string Turn(string turn, string model) =>
        Line("turn_context", $"{{\"turn_id\":\"{turn}\",\"cwd\":\"/home/dev/app\",\"model\":\"{model}\"}}");

    private static string Tokens(long input, long cached, long output) =>
        Event($"{{\"type\":\"token_count\",\"info\":{{\"total_token_usage\":{{\"input_tokens\":{input},\"cached_input_tokens\":{cached},\"output_tokens\":{output},\"reasoning_output_tokens\":0,\"total_tokens\":{input + output}}},\"last_token_usage\":null}}}}");

    private static string Event(string payload) => Line("event_msg", payload);

    private static int _second;

    private static string Line(string type, string payload) =>
        $"{{\"timestamp\":\"2026-03-02T10:00:{Interlocked.Increment(ref _second) % 60:00}.000Z\",\"type\":\"{type}\",\"payload\":{payload}}}";

    /// <summary>Reads the file's last cumulative totals independently of the adapter.</summary>
    private static (string SessionId, long Input, long Cached, long Output) LastTotals(string file)
    {
        string? session = null;
        long input = 0, cached = 0, output = 0;
        foreach (var line in File.ReadLines(file))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var payload = root.GetProperty("payload");
            if (session is null && root.GetProperty("type").GetString() == "session_meta")
            {
                session = payload.GetProperty("id").GetString();
            }

            if (payload.TryGetProperty("info", out var info) && info.ValueKind == JsonValueKind.Object)
            {
                var total = info.GetProperty("total_token_usage");
                input = total.GetProperty("input_tokens").GetInt64();
                cached = total.GetProperty("cached_input_tokens").GetInt64();
                output = total.GetProperty("output_tokens").GetInt64();
            }
        }

        return (session!, input, cached, output);
    }
}
