using System.Text;
using Microsoft.Data.Sqlite;
using Outloop.Ingestion;
using Outloop.Ingestion.Claude;
using Outloop.Reporting;
using Outloop.Storage;
using Outloop.Tests.Support;

namespace Outloop.Tests.Ingestion.Claude;

public sealed class ClaudeImporterTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly SqliteStore _store;

    public ClaudeImporterTests() => _store = SqliteStore.Open(_temp.File("store.db"));

    public void Dispose()
    {
        _store.Dispose(); // disposing twice is harmless
        _temp.Dispose();
    }

    [Fact]
    public void RealTranscriptsGiveCcusageTotals()
    {
        var claude = SharedData.Require("claude");

        var summary = Import(claude);

        Assert.Equal(0, summary.SkippedLines);
        var usage = _store.Usage(new UsageFilter()).ToList();
        // ccusage-parity on ../shared/data/claude: 917 entries with these totals (see BENCHMARKS.md).
        Assert.Equal(917, usage.Count);
        Assert.Equal(10_025, usage.Sum(u => u.Tokens.Input));
        Assert.Equal(197_433, usage.Sum(u => u.Tokens.Output));
        Assert.Equal(2_088_427, usage.Sum(u => u.Tokens.CacheCreation));
        Assert.Equal(77_647_143, usage.Sum(u => u.Tokens.CacheRead));
    }

    [Fact]
    public void ImportingTheSameFolderTwiceChangesNothing()
    {
        var claude = SharedData.Require("claude");
        Import(claude);
        var before = _store.Counts();
        var usageBefore = _store.Usage(new UsageFilter()).ToList();

        var second = Import(claude);

        Assert.Equal(0, second.Lines);
        Assert.Equal(second.Files, second.UnchangedFiles);
        Assert.Equal(before, _store.Counts());
        Assert.Equal(usageBefore, _store.Usage(new UsageFilter()).ToList());
    }

    [Fact]
    public void RealSessionsAreSplitIntoTasksAtHumanPrompts()
    {
        var claude = SharedData.Require("claude");
        Import(claude);

        var sessions = _store.Sessions(new UsageFilter()).ToDictionary(s => s.Id);

        // The 2.0.76 session has five prompts before its compaction; the summary and /compact lines are not prompts.
        Assert.Equal(5, sessions["c45af7b1-cb7c-4e51-93db-8cbb250a877a"].Tasks);
        // "start phoenix in background", then "scrolling back in xterm.js ..." (the /mcp command is not a task).
        Assert.Equal(2, sessions["d6e0bada-1959-4eec-a9d2-0bfade768d8f"].Tasks);
        Assert.All(sessions.Values, s => Assert.Equal("claude", s.Agent));
        Assert.True(sessions.Values.Sum(s => s.FailedToolCalls) >= 59, "the data holds 59 tool errors");
        // Every request after a session's first prompt belongs to a task (a subagent warm-up before it may not).
        Assert.Equal(0L, Scalar("SELECT count(*) FROM model_requests m WHERE task_id IS NULL AND ts >= (SELECT min(started_at) FROM tasks t WHERE t.session_id = m.session_id)"));
    }

    [Fact]
    public void DuplicateAssistantLinesAreCountedOnceWithTheLargestCounters()
    {
        var t = new TranscriptLines("s1", Start);
        Write("p/s1.jsonl", t.Prompt("run the tests"),
            t.Assistant("msg_1", "req_1", output: 1, toolUseId: "toolu_1"),
            t.Assistant("msg_1", "req_1", output: 231),
            t.ToolResult("toolu_1", "3 tests, 0 failures"),
            t.Assistant("msg_2", "req_2", model: "<synthetic>", input: 0, output: 0));

        Import(_temp.File("p"));

        var usage = Assert.Single(_store.Usage(new UsageFilter()));
        Assert.Equal(231, usage.Tokens.Output);
        Assert.Equal(3, usage.Tokens.Input);
    }

    [Fact]
    public void SidechainReplayOfAParentMessageIsCountedOnce()
    {
        var t = new TranscriptLines("s1", Start);
        Write("p/s1.jsonl", t.Prompt("fix it"), t.Assistant("msg_1", "req_1", input: 7));
        Write("p/s1/subagents/agent-a1.jsonl", t.Assistant("msg_1", "req_other", input: 7, sidechain: true), t.Assistant("msg_9", "req_9", input: 5, sidechain: true));

        Import(_temp.File("p"));

        var usage = _store.Usage(new UsageFilter()).ToList();
        Assert.Equal(2, usage.Count);
        Assert.Equal(12, usage.Sum(u => u.Tokens.Input));
        // The subagent's own request belongs to the task that was running when it ran.
        Assert.Equal(0L, Scalar("SELECT count(*) FROM model_requests WHERE task_id IS NULL"));
    }

    [Fact]
    public void TasksRecordInterruptionsAndFailedToolCalls()
    {
        var t = new TranscriptLines("s1", Start);
        Write("p/s1.jsonl",
            t.Prompt("make the build green"),
            t.Assistant("m1", "r1", toolUseId: "a"),
            t.ToolResult("a", "Exit code 1\n** (CompileError) lib/app.ex:3", isError: true),
            t.Assistant("m2", "r2", toolUseId: "b"),
            t.ToolResult("b", "ok"),
            t.Prompt("now add a test"),
            t.Assistant("m3", "r3", toolUseId: "c"),
            t.Interrupted());

        Import(_temp.File("p"));

        var tasks = Rows("SELECT t.description, t.interrupted, (SELECT count(*) FROM tool_calls c WHERE c.task_id = t.id AND c.success = 0), (SELECT count(*) FROM tool_calls c WHERE c.task_id = t.id) FROM tasks t ORDER BY t.started_at");
        Assert.Equal(["make the build green|0|1|2", "now add a test|1|0|1"], tasks);
        // The result line came two seconds after the tool_use line.
        Assert.Equal(2000L, Scalar("SELECT duration_ms FROM tool_calls WHERE id = 'a'"));
    }

    [Fact]
    public void AppendedLinesAreImportedExactlyOnce()
    {
        var t = new TranscriptLines("s1", Start);
        var file = Write("p/s1.jsonl", t.Prompt("one"), t.Assistant("m1", "r1"));
        Import(_temp.File("p"));

        File.AppendAllText(file, t.Assistant("m2", "r2", input: 11) + "\n" + t.Assistant("m3", "r3", input: 13) + "\n");
        var second = Import(_temp.File("p"));

        Assert.Equal(2, second.Lines);
        Assert.Equal(2, second.Requests);
        Assert.Equal(27, _store.Usage(new UsageFilter()).Sum(u => u.Tokens.Input));
    }

    [Fact]
    public void LineCutInTheMiddleWaitsForItsNewline()
    {
        var t = new TranscriptLines("s1", Start);
        var last = t.Assistant("m2", "r2", input: 11);
        var file = Write("p/s1.jsonl", t.Prompt("one"), t.Assistant("m1", "r1"));
        File.AppendAllText(file, last[..40]);

        var first = Import(_temp.File("p"));
        Assert.Equal(2, first.Lines);
        Assert.Equal(0, first.SkippedLines);
        Assert.Single(_store.Usage(new UsageFilter()));

        File.AppendAllText(file, last[40..] + "\n");
        var second = Import(_temp.File("p"));

        Assert.Equal(1, second.Lines);
        Assert.Equal(0, second.SkippedLines);
        Assert.Equal(2, _store.Usage(new UsageFilter()).Count());
    }

    [Fact]
    public void BrokenInputNeverStopsTheImportAndEveryGoodLineIsKept()
    {
        var t = new TranscriptLines("s1", Start);
        var good = new[] { t.Prompt("one"), t.Assistant("m1", "r1", input: 1), t.Assistant("m2", "r2", input: 2), t.Assistant("m3", "r3", input: 4) };
        var path = _temp.File("p/s1.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var stream = File.Create(path))
        {
            void Text(string s) => stream.Write(Encoding.UTF8.GetBytes(s + "\n"));
            Text(good[0]);
            Text("{\"type\":\"assistant\",\"message\":{\"id\":\"x\""); // line 2: truncated JSON
            Text(good[1]);
            stream.Write([0x7B, 0x22, 0x74, 0xFF, 0xFE, 0x22, 0x7D, 0x0A]); // line 4: invalid UTF-8
            Text("{\"type\":\"assistant\",\"timestamp\":\"2026-03-02T09:00:00Z\",\"message\":{\"id\":\"y\",\"model\":\"m\",\"usage\":{\"input_tokens\":\"many\"}}}"); // line 5: wrong type
            Text(good[2]);
            Text("{\"type\":\"brand-new-kind\",\"payload\":{}}"); // line 7: unknown type, valid
            Text("{\"type\":\"user\",\"message\":\"" + new string('x', 50 << 20) + "\"}"); // line 8: a 50 MB line, wrong field type
            Text(good[3]);
        }

        File.WriteAllText(_temp.File("p/empty.jsonl"), string.Empty);
        File.CreateSymbolicLink(_temp.File("p/unreadable.jsonl"), _temp.File("nowhere/missing.jsonl"));

        var summary = Import(_temp.File("p"));

        Assert.Equal([2L, 4L, 5L, 8L], summary.Problems.Where(p => p.Path == path).Select(p => p.Line));
        Assert.Contains(summary.Problems, p => p.Path.EndsWith("unreadable.jsonl", StringComparison.Ordinal) && p.Line == 0);
        Assert.Contains("input_tokens", summary.Problems.Single(p => p.Line == 5).Reason, StringComparison.Ordinal);
        Assert.Equal(4, summary.SkippedLines);
        Assert.Equal(7, _store.Usage(new UsageFilter()).Sum(u => u.Tokens.Input));
    }

    [Fact]
    public void StrictImportStopsAtTheFirstBadLineNamingFileAndLine()
    {
        var t = new TranscriptLines("s1", Start);
        Write("p/s1.jsonl", t.Prompt("one"), "{not json", t.Assistant("m1", "r1"));

        var error = Assert.Throws<OutloopException>(() => new ClaudeImporter(_store).Import([_temp.File("p")], new ImportOptions(Strict: true)));

        Assert.Equal(ExitCode.BadInput, error.Code);
        Assert.Contains("s1.jsonl:2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StrictFailureKeepsTheWholeFilesBeforeItAndNothingOfTheBadFile()
    {
        var a = new TranscriptLines("s1", Start);
        var b = new TranscriptLines("s2", Start);
        Write("p/a.jsonl", a.Prompt("one"), a.Assistant("m1", "r1"));
        Write("p/b.jsonl", b.Prompt("two"), b.Assistant("m2", "r2"), "{not json");

        Assert.Throws<OutloopException>(() => new ClaudeImporter(_store).Import([_temp.File("p")], new ImportOptions(Strict: true)));

        var states = _store.FileStates();
        Assert.Contains(_temp.File("p/a.jsonl"), states.Keys);
        Assert.DoesNotContain(_temp.File("p/b.jsonl"), states.Keys);
        Assert.Equal(1, _store.Counts()["sessions"]);
        Assert.Equal(1, _store.Counts()["model_requests"]);
    }

    [Fact]
    public void SecretsInATranscriptAreNowhereInTheDatabaseFiles()
    {
        const string GitHub = "ghp_Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz9Xc8V";
        const string Anthropic = "sk-ant-api03-Qm4Tr8Wz2Ks6Lp0Nd3Fv7Hb1Jc5Xg9Ry2Ue6Io0Pa4Sd8Fg2Hj6Kl0Zx4Cv8Bn";
        const string Password = "hunter2-Very-Secret";
        var t = new TranscriptLines("s1", Start);
        Write("p/s1.jsonl",
            t.Prompt($"use the key {Anthropic} to call the API"),
            t.Assistant("m1", "r1", toolUseId: "a", toolInput: new { command = $"GITHUB_TOKEN={GitHub} gh pr list && psql postgres://admin:{Password}@db.local/app" }),
            t.ToolResult("a", $"error: bad credentials for {GitHub}", isError: true));

        Import(_temp.File("p"));
        Assert.Equal("use the key [REDACTED:anthropic] to call the API", Scalar("SELECT text FROM prompts"));
        Assert.Contains("[REDACTED:github]", (string)Scalar("SELECT input_json FROM tool_calls")!, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:github]", (string)Scalar("SELECT error_text FROM tool_calls")!, StringComparison.Ordinal);
        _store.Dispose();

        foreach (var file in Directory.GetFiles(_temp.Path, "store.db*"))
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var secret in new[] { GitHub, Anthropic, Password })
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{secret[..6]}... found in {Path.GetFileName(file)}");
            }
        }
    }

    [Fact]
    public void AMissingPathIsAClearError()
    {
        var error = Assert.Throws<OutloopException>(() => Import(_temp.File("does-not-exist")));

        Assert.Contains("does-not-exist", error.Message, StringComparison.Ordinal);
    }

    private ImportSummary Import(string path) => new ClaudeImporter(_store).Import([path], new ImportOptions());

    private string Write(string relative, params string[] lines)
    {
        var path = _temp.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private object? Scalar(string sql)
    {
        using var command = _store.Connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private List<string> Rows(string sql)
    {
        using var command = _store.Connection.CreateCommand();
        command.CommandText = sql;
        using SqliteDataReader reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
