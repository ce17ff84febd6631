using System.Text.Json;

namespace Outloop.Sample;

/// <summary>
/// What a sample tool call returned: the tool_result content (a string, or text blocks for Task), whether it is
/// an error, the structured <c>toolUseResult</c> copy, how long the tool ran, and the streamed output for a slow
/// shell command.
/// </summary>
internal sealed record SampleToolResult(
    string Text,
    bool IsError,
    Action<Utf8JsonWriter> WriteToolUseResult,
    TimeSpan Duration,
    IReadOnlyList<string>? TextBlocks = null,
    string? Progress = null,
    bool Rejected = false)
{
    public const string RejectedText =
        "The user doesn't want to proceed with this tool use. The tool use was rejected (eg. if it was a file edit, the new_string was NOT written to the file). STOP what you are doing and wait for the user to tell you how to proceed.";

    public static SampleToolResult Error(string text, TimeSpan duration) =>
        new($"<tool_use_error>{text}</tool_use_error>", true, w => w.WriteString("toolUseResult", "Error: " + text), duration);

    public static SampleToolResult Rejection() =>
        new(RejectedText, true, w => w.WriteString("toolUseResult", "User rejected tool use"), TimeSpan.FromSeconds(4), Rejected: true);
}
