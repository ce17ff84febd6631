using System.Text.Json;
using Outloop.Ingestion.Hooks;

namespace Outloop.Tests.Ingestion.Hooks;

public sealed class HookEventMapperTests
{
    private static readonly DateTimeOffset Received = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PreToolUseStartsAToolCallWithItsNameAndInput()
    {
        var records = Map("""
            {"session_id":"s1","cwd":"/Users/me/my.app","hook_event_name":"PreToolUse","tool_name":"Bash",
             "tool_input":{"command":"npm test"},"tool_use_id":"toolu_01"}
            """);

        Assert.Equal("PreToolUse", records.Event.EventName);
        Assert.Equal("toolu_01", records.Event.ToolUseId);
        var call = Assert.IsType<Outloop.Ingestion.ToolCallRecord>(records.ToolCall);
        Assert.Equal(("toolu_01", "s1", "claude", "Bash"), (call.Id, call.SessionId, call.Agent, call.Name));
        Assert.Equal("""{"command":"npm test"}""", call.InputJson);
        Assert.Equal(Received, call.StartedAt);
        Assert.Null(call.Success);
        var session = Assert.IsType<Outloop.Ingestion.SessionRecord>(records.Session);
        Assert.Equal(("s1", "claude", "-Users-me-my-app", "/Users/me/my.app"), (session.Id, session.Agent, session.Project, session.Cwd));
    }

    [Fact]
    public void PostToolUseRecordsTheOutputAsTextWithSuccessAndDuration()
    {
        var records = Map("""
            {"session_id":"s1","hook_event_name":"PostToolUse","tool_name":"Bash","tool_input":{"command":"ls"},
             "tool_response":{"stdout":"a\nb","stderr":"warning","interrupted":false,"isImage":false},
             "tool_use_id":"toolu_02","duration_ms":250}
            """);

        var call = records.ToolCall!;
        Assert.Equal("a\nb\nwarning", call.ResultText);
        Assert.Equal(11, call.ResultBytes);
        Assert.True(call.Success);
        Assert.Equal(250, call.DurationMs);
        Assert.Equal(Received, call.EndedAt);
        Assert.Equal(Received.AddMilliseconds(-250), call.StartedAt);
    }

    [Fact]
    public void PostToolUseFailureRecordsTheErrorAndFailure()
    {
        var records = Map("""
            {"session_id":"s1","hook_event_name":"PostToolUseFailure","tool_name":"Bash","tool_input":{"command":"make"},
             "tool_use_id":"toolu_03","error":"Exit code 2\nmake: *** [all] Error 2","duration_ms":40}
            """);

        var call = records.ToolCall!;
        Assert.False(call.Success);
        Assert.Equal("Exit code 2\nmake: *** [all] Error 2", call.ErrorText);
        Assert.Null(call.ResultText);
        Assert.Equal(40, call.DurationMs);
    }

    [Theory]
    [InlineData("""{"content":[{"type":"text","text":"one"},{"type":"image"},{"type":"text","text":"two"}]}""", "one\ntwo")]
    [InlineData("\"plain\"", "plain")]
    [InlineData("""{"filePath":"/a.txt","success":true}""", """{"filePath":"/a.txt","success":true}""")]
    public void ToolResponsesOfEveryShapeBecomeText(string response, string expected)
    {
        using var document = JsonDocument.Parse(response);

        Assert.Equal(expected, HookEventMapper.ResponseText(document.RootElement));
    }

    [Fact]
    public void HugeToolOutputIsCappedInTheRowAndItsStringsCutInTheRawEvent()
    {
        var output = string.Concat(new string('x', HookEventMapper.MaxStoredChars), "middle", new string('y', HookEventMapper.MaxStoredChars), "the end");
        var json = JsonSerializer.Serialize(new { session_id = "s", hook_event_name = "PostToolUse", tool_use_id = "t", tool_input = new { command = "make <all>" }, tool_response = output });

        var records = HookEventMapper.Map(json, "e", Received);

        Assert.True(records.ToolCall!.ResultText!.Length < HookEventMapper.MaxStoredChars + 100);
        Assert.EndsWith("the end", records.ToolCall.ResultText, StringComparison.Ordinal);
        Assert.Equal(output.Length, records.ToolCall.ResultBytes);
        var payload = records.Event.PayloadJson;
        Assert.True(payload.Length < HookEventMapper.MaxPayloadStringChars + 500, $"{payload.Length} characters stored");
        using var stored = JsonDocument.Parse(payload);
        Assert.Equal("make <all>", stored.RootElement.GetProperty("tool_input").GetProperty("command").GetString());
        var kept = stored.RootElement.GetProperty("tool_response").GetString()!;
        Assert.StartsWith("xxx", kept, StringComparison.Ordinal);
        Assert.Contains("characters omitted by Outloop", kept, StringComparison.Ordinal);
        Assert.EndsWith("the end", kept, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEventUpToTheLimitIsStoredAsItCame()
    {
        var json = JsonSerializer.Serialize(new { session_id = "s", hook_event_name = "PostToolUse", tool_use_id = "t", tool_response = new string('x', HookEventMapper.MaxPayloadChars - 200) });

        Assert.Same(json, HookEventMapper.Map(json, "e", Received).Event.PayloadJson);
    }

    [Fact]
    public void UserPromptSubmitRecordsThePrompt()
    {
        var records = Map("""{"session_id":"s1","hook_event_name":"UserPromptSubmit","prompt":"Fix the login bug","prompt_id":"p-1"}""");

        var prompt = Assert.IsType<Outloop.Ingestion.PromptRecord>(records.Prompt);
        Assert.Equal(("p-1", "s1", "Fix the login bug", Received), (prompt.Id, prompt.SessionId, prompt.Text, prompt.Timestamp));
        Assert.Null(records.ToolCall);
    }

    [Fact]
    public void AnyOtherEventIsKeptAsARawEventOfItsSession()
    {
        var records = Map("""{"session_id":"s1","hook_event_name":"TeammateIdle","whatever":[1,2]}""");

        Assert.Equal("TeammateIdle", records.Event.EventName);
        Assert.NotNull(records.Session);
        Assert.Null(records.ToolCall);
        Assert.Null(records.Prompt);
    }

    [Fact]
    public void AnEventWithoutASessionIsKeptAlone()
    {
        var records = Map("""{"hook_event_name":"Notification","message":"hi"}""");

        Assert.Null(records.Event.SessionId);
        Assert.Null(records.Session);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("""{"session_id":"s1"}""")]
    [InlineData("""{"hook_event_name":""}""")]
    public void JsonThatIsNotAHookEventIsRefused(string json) =>
        Assert.Throws<FormatException>(() => HookEventMapper.Map(json, "e", Received));

    [Fact]
    public void TextThatIsNotJsonIsRefused() =>
        Assert.ThrowsAny<JsonException>(() => HookEventMapper.Map("{not json", "e", Received));

    [Theory]
    [InlineData("/Users/me/my.app", "-Users-me-my-app")]
    [InlineData("/home/marco/projects/spotter", "-home-marco-projects-spotter")]
    [InlineData("C:\\src\\a_b", "C--src-a-b")]
    public void ProjectNameReplacesEveryNonAlphanumericCharacter(string cwd, string expected) =>
        Assert.Equal(expected, ClaudeProjectName.FromCwd(cwd));

    private static HookRecords Map(string json) => HookEventMapper.Map(json, "event-1", Received);
}
