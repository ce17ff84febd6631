using System.Text.Json;
using Microsoft.Data.Sqlite;
using Outloop.Ingestion;
using Outloop.Ingestion.Hooks;
using Outloop.Storage;
using Outloop.Tests.Support;

namespace Outloop.Tests.Ingestion.Hooks;

public sealed class HookRecorderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string DbPath => _folder.File("outloop.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void HookEventsAndTheTranscriptImportMergeIntoOneToolCall()
    {
        var recorder = Recorder();
        Assert.Equal(HookOutcome.Stored, recorder.Record(Event("PreToolUse", "toolu_A", tool_input: new { command = "pytest -q" })));
        Assert.Equal(HookOutcome.Stored, recorder.Record(Event("PostToolUse", "toolu_A", tool_response: new { stdout = "3 passed", stderr = "" }, duration_ms: 900)));

        // What the transcript importer writes for the same call: its request id, sidechain flag and task.
        using (var store = SqliteStore.Open(DbPath))
        using (var writer = store.BeginWrite())
        {
            writer.UpsertToolCall(new ToolCallRecord(
                "toolu_A", "session-1", "task-1", "claude", "Bash", DateTimeOffset.UnixEpoch.AddYears(56), "{\"command\":\"pytest -q\"}",
                RequestId: "req_1"));
            writer.Commit();
        }

        var rows = Query("SELECT id, name, input_json, result_text, success, duration_ms, request_id, task_id FROM tool_calls");
        var row = Assert.Single(rows);
        Assert.Equal("toolu_A", row[0]);
        Assert.Equal("Bash", row[1]);
        Assert.Equal("{\"command\":\"pytest -q\"}", row[2]);
        Assert.Equal("3 passed", row[3]);
        Assert.Equal(1L, row[4]);
        Assert.Equal(900L, row[5]);
        Assert.Equal("req_1", row[6]);
        Assert.Equal("task-1", row[7]);
        Assert.Equal(2L, Scalar("SELECT count(*) FROM hook_events"));
    }

    [Fact]
    public void AFailedToolCallIsRecordedAsAFailure()
    {
        Recorder().Record(Event("PostToolUseFailure", "toolu_F", error: "Exit code 1\nboom"));

        var row = Assert.Single(Query("SELECT success, error_text FROM tool_calls"));
        Assert.Equal(0L, row[0]);
        Assert.Equal("Exit code 1\nboom", row[1]);
    }

    [Fact]
    public void SessionStartAndEndDescribeTheSession()
    {
        var recorder = Recorder();
        recorder.Record(Event("SessionStart", null, source: "startup"));
        recorder.Record(Event("SessionEnd", null, reason: "other"));

        var row = Assert.Single(Query("SELECT id, agent, project, cwd, started_at <= ended_at FROM sessions"));
        Assert.Equal(new object?[] { "session-1", "claude", "-home-me-proj", "/home/me/proj", 1L }, row);
    }

    [Fact]
    public void MalformedEventIsLoggedAndNotStored()
    {
        var recorder = Recorder();

        Assert.Equal(HookOutcome.Rejected, recorder.Record("{\"hook_event_name\": "));
        Assert.Equal(HookOutcome.Rejected, recorder.Record("   "));

        var log = File.ReadAllLines(recorder.Log.Path);
        Assert.Equal(2, log.Length);
        Assert.Contains("malformed hook event", log[0], StringComparison.Ordinal);
        Assert.Contains("empty hook event", log[1], StringComparison.Ordinal);
        Assert.False(File.Exists(DbPath));
    }

    [Fact]
    public void EventForALockedStoreIsSpooledAndStoredByTheNextHook()
    {
        var recorder = Recorder(TimeSpan.FromMilliseconds(200));
        recorder.Record(Event("PreToolUse", "toolu_0"));
        using (var blocker = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            blocker.Open();
            using var begin = blocker.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();

            Assert.Equal(HookOutcome.Spooled, recorder.Record(Event("PreToolUse", "toolu_1")));
            Assert.Equal(HookOutcome.Spooled, recorder.Record(Event("PreToolUse", "toolu_2")));
        }

        Assert.Equal(2, Directory.GetFiles(recorder.Spool.Folder, "*.json").Length);
        Assert.Contains("spooled to", File.ReadAllText(recorder.Log.Path), StringComparison.Ordinal);

        Assert.Equal(HookOutcome.Stored, recorder.Record(Event("PreToolUse", "toolu_3")));

        Assert.Empty(Directory.GetFiles(recorder.Spool.Folder));
        Assert.Equal(4L, Scalar("SELECT count(*) FROM hook_events"));
        Assert.Equal(4L, Scalar("SELECT count(DISTINCT id) FROM tool_calls"));
    }

    [Fact]
    public void SpoolIsDrainedByAnImportAndKeepsTheTimeReceived()
    {
        var spool = new HookSpool(_folder.File("spool"));
        var received = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
        spool.Save("0190aaaa-0000-7000-8000-000000000001", Event("Stop", null), received);
        File.WriteAllText(_folder.File("spool/0190aaaa-0000-7000-8000-000000000002.json"), "not json");

        using var store = SqliteStore.Open(DbPath);
        var stored = spool.Drain(store, int.MaxValue, new HookErrorLog(_folder.File("errors.log")));

        Assert.Equal(1, stored);
        Assert.Equal("2026-03-04T05:06:07.000Z", Query("SELECT received_at FROM hook_events")[0][0]);
        Assert.Single(Directory.GetFiles(spool.Folder, "*.rejected"));
        Assert.Empty(Directory.GetFiles(spool.Folder, "*.json"));
    }

    [Fact]
    public void SecretsAreRedactedBeforeTheEventIsStored()
    {
        var token = "ghp_" + "R8bq2XcZpL0mN4vT7wY1aB3dE5fG6hJ9kQ2s";
        Recorder().Record(Event("PreToolUse", "toolu_S", tool_input: new { command = $"GITHUB_TOKEN={token} gh pr list" }));

        var payload = (string)Query("SELECT payload FROM hook_events")[0][0]!;
        var input = (string)Query("SELECT input_json FROM tool_calls")[0][0]!;
        Assert.DoesNotContain(token, payload, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:github]", input, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(payload);
        Assert.Equal("PreToolUse", document.RootElement.GetProperty("hook_event_name").GetString());
    }

    [Fact]
    public void AHugeEventIsStoredCutAndKeptWholeBesideTheStore()
    {
        var output = string.Join('\n', Enumerable.Range(0, 20_000).Select(i => $"line {i}"));
        var rawEvent = Event("PostToolUse", "toolu_H", tool_input: new { command = "cat big.log" }, tool_response: new { stdout = output, stderr = "" });

        Assert.Equal(HookOutcome.Stored, Recorder().Record(rawEvent));

        var row = Query("SELECT id, payload FROM hook_events")[0];
        Assert.True(((string)row[1]!).Length < HookEventMapper.MaxPayloadChars, "the raw event is stored cut");
        Assert.Equal(rawEvent, File.ReadAllText(HookRecorder.FullEventPath(_folder.File("home"), (string)row[0]!)));
        Assert.EndsWith("line 19999", (string)Query("SELECT result_text FROM tool_calls")[0][0]!, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWriteAheadLogIsEmptiedOnceItIsLong()
    {
        var recorder = Recorder();
        var output = string.Join('\n', Enumerable.Range(0, 8_000).Select(i => $"line {i} of a long output"));
        var sizes = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            recorder.Record(Event("PostToolUse", $"toolu_{i}", tool_response: new { stdout = output, stderr = "" }));
            sizes.Add(new FileInfo(DbPath + "-wal").Length);
        }

        Assert.Equal(40, Scalar("SELECT count(*) FROM hook_events"));
        Assert.All(sizes, size => Assert.True(size < HookRecorder.WalResetBytes + (512 * 1024), $"log of {size} bytes"));
        Assert.Contains(0L, sizes);
    }

    [Fact]
    public void WholeEventsOlderThanTheKeepPeriodArePrunedAndNewerOnesKept()
    {
        var old = _folder.Write("home/events/old.json", "{}");
        var fresh = _folder.Write("home/events/fresh.json", "{}");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow - HookRecorder.KeepFullEventsFor - TimeSpan.FromDays(1));

        var deleted = HookRecorder.PruneFullEvents(_folder.File("home/events"), DateTime.UtcNow - HookRecorder.KeepFullEventsFor);

        Assert.Equal(1, deleted);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(fresh));
        Assert.Equal(0, HookRecorder.PruneFullEvents(_folder.File("home/no-such-folder"), DateTime.UtcNow));
    }

    private HookRecorder Recorder(TimeSpan? busyTimeout = null) =>
        new(new HookRecorderOptions(DbPath, _folder.File("home"), busyTimeout ?? HookRecorderOptions.DefaultBusyTimeout));

    private static string Event(string name, string? toolUseId, object? tool_input = null, object? tool_response = null,
        string? error = null, long? duration_ms = null, string? source = null, string? reason = null)
    {
        var fields = new Dictionary<string, object?>
        {
            ["session_id"] = "session-1",
            ["transcript_path"] = "/home/me/.claude/projects/-home-me-proj/session-1.jsonl",
            ["cwd"] = "/home/me/proj",
            ["hook_event_name"] = name,
            ["tool_name"] = toolUseId is null ? null : "Bash",
            ["tool_use_id"] = toolUseId,
            ["tool_input"] = tool_input,
            ["tool_response"] = tool_response,
            ["error"] = error,
            ["duration_ms"] = duration_ms,
            ["source"] = source,
            ["reason"] = reason,
        };
        return JsonSerializer.Serialize(fields.Where(f => f.Value is not null).ToDictionary());
    }

    private List<object?[]> Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private long Scalar(string sql) => (long)Query(sql)[0][0]!;
}
