using System.Text.Json;

namespace Outloop.Sample;

/// <summary>
/// One content block of an assistant response: text, thinking, or a tool call whose result is produced when the
/// transcript reaches it (a Task call runs its subagent then).
/// </summary>
internal sealed record SampleBlock(
    string Type,
    string Text,
    string? ToolName = null,
    Action<Utf8JsonWriter>? WriteInput = null,
    Func<SampleToolCall, SampleToolResult>? Run = null)
{
    public static SampleBlock Say(string text) => new("text", text);

    public static SampleBlock Think(string text) => new("thinking", text);

    public static SampleBlock Tool(string name, Action<Utf8JsonWriter> input, Func<SampleToolCall, SampleToolResult> run) =>
        new("tool_use", "", name, input, run);
}
