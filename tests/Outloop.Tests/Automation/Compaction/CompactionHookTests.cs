using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Outloop.Automation.Compaction;
using Outloop.Ingestion.Hooks;
using Outloop.Tests.Outputs;

namespace Outloop.Tests.Automation.Compaction;

public sealed class CompactionHookTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private readonly CompactionFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private CompactionHookOptions Options => new(_fixture.Folder, ["/opt/outloop/outloop-hook"]);

    [Fact]
    public void ACompactResultLongerThanTheHookLimitIsCutKeepingThePathOfTheFullOutput()
    {
        var output = new StringBuilder("============================= test session starts ==============================\n");
        for (var i = 0; i < 3000; i++)
        {
            output.AppendLine($"tests/test_big.py::test_case_{i} {(i % 10 == 0 ? "FAILED" : "PASSED")}");
        }

        output.AppendLine("=========================== short test summary info ============================");
        for (var i = 0; i < 3000; i += 10)
        {
            output.AppendLine($"FAILED tests/test_big.py::test_case_{i} - AssertionError: expected {i} but the service returned {i + 1} after retrying twice");
        }

        output.AppendLine("================== 300 failed, 2700 passed in 41.20s ==================");

        var reply = CompactionHook.Respond(Event("PostToolUse", "pytest -v", output.ToString()), new HookInvocation(null, CompactOutput: true), Options, Now);

        Assert.NotNull(reply);
        using var answer = JsonDocument.Parse(reply.Json);
        var text = answer.RootElement.GetProperty("hookSpecificOutput").GetProperty("updatedToolOutput").GetProperty("stdout").GetString()!;
        Assert.True(text.Length <= Options.MaxReplyChars, $"{text.Length} characters");
        Assert.Contains("the compact result is cut here", text, StringComparison.Ordinal);
        Assert.EndsWith($"full output: {reply.Saving!.FullOutputPath}]", text, StringComparison.Ordinal);
        Assert.Equal(output.ToString(), File.ReadAllText(reply.Saving.FullOutputPath!));
    }

    [Fact]
    public void OutputThatCompactionBarelyShrinksGetsNoAnswerAndNoFile()
    {
        // Only failures, each a different line the digest must keep: there is little to remove.
        var output = new StringBuilder("============================= test session starts ==============================\n");
        for (var i = 0; i < 150; i++)
        {
            output.AppendLine($"FAILED tests/test_api.py::test_endpoint_{i} - AssertionError: status {400 + (i % 100)} for /v1/items/{i}");
        }

        output.AppendLine("================== 150 failed in 9.10s ==================");

        var reply = CompactionHook.Respond(Event("PostToolUse", "pytest", output.ToString()), new HookInvocation(null, CompactOutput: true), Options, Now);

        Assert.Null(reply);
        Assert.False(Directory.Exists(_fixture.Folder) && Directory.EnumerateFiles(_fixture.Folder, "*.log").Any());
    }

    [Fact]
    public void AnOutputAlreadyCompactedByARewrittenCommandIsLeftAlone()
    {
        var output = string.Join('\n', Enumerable.Range(0, 500).Select(i => $"tests/test_a.py::test_{i} PASSED")) + "\n=== 500 passed in 1.00s ===";

        var reply = CompactionHook.Respond(
            Event("PostToolUse", "/opt/outloop/outloop-hook compact -- bash -c 'pytest -v'", output), new HookInvocation(null, CompactOutput: true), Options, Now);

        Assert.Null(reply);
    }

    [Fact]
    public void OtherToolsAndOtherEventsGetNoAnswer()
    {
        var everything = new HookInvocation(null, CompactOutput: true, RewriteCommands: true);
        var read = new JsonObject { ["hook_event_name"] = "PostToolUse", ["tool_name"] = "Read", ["tool_input"] = new JsonObject { ["file_path"] = "/a" } };

        Assert.Null(CompactionHook.Respond(read.ToJsonString(), everything, Options, Now));
        Assert.Null(CompactionHook.Respond(Event("PostToolUseFailure", "pytest", "x"), everything, Options, Now));
        Assert.Null(CompactionHook.Respond(Event("PreToolUse", "pytest", null), new HookInvocation(null, CompactOutput: true), Options, Now));
    }

    private static string Event(string name, string command, string? stdout)
    {
        var root = new JsonObject
        {
            ["session_id"] = "s1",
            ["hook_event_name"] = name,
            ["tool_name"] = "Bash",
            ["tool_input"] = new JsonObject { ["command"] = command },
            ["tool_use_id"] = "toolu_9",
        };
        if (stdout is not null)
        {
            root["tool_response"] = new JsonObject { ["stdout"] = stdout, ["stderr"] = string.Empty, ["interrupted"] = false, ["isImage"] = false };
        }

        return root.ToJsonString();
    }
}
