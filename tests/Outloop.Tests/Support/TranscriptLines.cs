using System.Text.Json;

namespace Outloop.Tests.Support;

/// <summary>Writes Claude Code transcript lines in the real shape, for fixtures the tests build themselves.</summary>
internal sealed class TranscriptLines(string sessionId, DateTimeOffset start)
{
    private int _seconds;
    private int _uuid;

    public string SessionId => sessionId;

    public string Prompt(string text) => Line(new Dictionary<string, object?>
    {
        ["type"] = "user",
        ["message"] = new { role = "user", content = text },
    });

    public string Interrupted() => Line(new Dictionary<string, object?>
    {
        ["type"] = "user",
        ["message"] = new { role = "user", content = new object[] { new { type = "text", text = "[Request interrupted by user]" } } },
    });

    public string Assistant(
        string messageId, string requestId, string model = "claude-opus-4-6", int input = 3, int output = 10,
        int cacheWrite = 100, int cacheRead = 1000, string? toolUseId = null, string tool = "Bash", object? toolInput = null,
        bool sidechain = false) =>
        Line(new Dictionary<string, object?>
        {
            ["type"] = "assistant",
            ["isSidechain"] = sidechain,
            ["requestId"] = requestId,
            ["message"] = new
            {
                model,
                id = messageId,
                type = "message",
                role = "assistant",
                content = toolUseId is null
                    ? new object[] { new { type = "text", text = "working" } }
                    : [new { type = "tool_use", id = toolUseId, name = tool, input = toolInput ?? new { command = "mix test" } }],
                usage = new
                {
                    input_tokens = input,
                    output_tokens = output,
                    cache_creation_input_tokens = cacheWrite,
                    cache_read_input_tokens = cacheRead,
                },
            },
        });

    public string ToolResult(string toolUseId, string text, bool isError = false) => Line(new Dictionary<string, object?>
    {
        ["type"] = "user",
        ["message"] = new
        {
            role = "user",
            content = new object[] { new { type = "tool_result", tool_use_id = toolUseId, content = text, is_error = isError } },
        },
    });

    private string Line(Dictionary<string, object?> fields)
    {
        _seconds += 2;
        fields["uuid"] = $"{sessionId}-u{++_uuid}";
        fields["sessionId"] = sessionId;
        fields["timestamp"] = start.AddSeconds(_seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        fields["cwd"] = "/home/dev/app";
        fields["version"] = "2.1.38";
        fields.TryAdd("isSidechain", false);
        return JsonSerializer.Serialize(fields);
    }
}
