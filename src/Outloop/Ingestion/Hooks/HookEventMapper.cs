using System.Text;
using System.Text.Json;

namespace Outloop.Ingestion.Hooks;

/// <summary>
/// Turns one Claude Code hook event (any <c>hook_event_name</c>) into store records: the raw event always, the
/// session it belongs to, and what tool-call and prompt events say. The payload must already be redacted.
/// </summary>
internal static class HookEventMapper
{
    public const string Agent = "claude";

    /// <summary>The most characters of a tool's output or error kept in the tool call's row (the raw event keeps all).</summary>
    public const int MaxStoredChars = 64 * 1024;

    /// <summary>Maps <paramref name="payload"/>; throws <see cref="JsonException"/> or <see cref="FormatException"/> when it is not a hook event.</summary>
    public static HookRecords Map(string payload, string id, DateTimeOffset receivedAt)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"a hook event is a JSON object, not {root.ValueKind}");
        }

        var eventName = String(root, "hook_event_name");
        if (string.IsNullOrEmpty(eventName))
        {
            throw new FormatException("field 'hook_event_name' is missing");
        }

        var sessionId = String(root, "session_id");
        var toolUseId = String(root, "tool_use_id");
        var hookEvent = new HookEventRecord(id, sessionId, eventName, toolUseId, receivedAt, payload);
        if (string.IsNullOrEmpty(sessionId))
        {
            return new HookRecords(hookEvent, null, null, null);
        }

        var cwd = String(root, "cwd");
        var session = new SessionRecord(
            sessionId,
            Agent,
            cwd is null ? null : ClaudeProjectName.FromCwd(cwd),
            cwd,
            receivedAt,
            receivedAt,
            Title: String(root, "session_title"));
        var toolCall = string.IsNullOrEmpty(toolUseId) ? null : ToolCall(root, eventName, toolUseId, sessionId, receivedAt);
        var prompt = eventName == "UserPromptSubmit" && String(root, "prompt") is { } text
            ? new PromptRecord(String(root, "prompt_id") ?? $"hook:{id}", sessionId, null, text, receivedAt)
            : null;
        return new HookRecords(hookEvent, session, toolCall, prompt);
    }

    private static ToolCallRecord? ToolCall(JsonElement root, string eventName, string toolUseId, string sessionId, DateTimeOffset receivedAt)
    {
        var call = new ToolCallRecord(
            toolUseId,
            sessionId,
            null,
            Agent,
            String(root, "tool_name"),
            InputJson: root.TryGetProperty("tool_input", out var input) ? input.GetRawText() : null,
            IsSidechain: String(root, "agent_id") is not null);
        var duration = root.TryGetProperty("duration_ms", out var d) && d.TryGetInt64(out var ms) ? ms : (long?)null;
        DateTimeOffset? startedAt = duration is { } known ? receivedAt.AddMilliseconds(-known) : null;
        switch (eventName)
        {
            case "PreToolUse":
                return call with { StartedAt = receivedAt };
            case "PostToolUse":
                var result = root.TryGetProperty("tool_response", out var response) ? ResponseText(response) : string.Empty;
                return call with
                {
                    StartedAt = startedAt,
                    EndedAt = receivedAt,
                    ResultText = Cap(result),
                    ResultBytes = Encoding.UTF8.GetByteCount(result),
                    Success = true,
                    DurationMs = duration,
                };
            case "PostToolUseFailure":
                return call with
                {
                    StartedAt = startedAt,
                    EndedAt = receivedAt,
                    ErrorText = Cap(String(root, "error") ?? "(no error text)"),
                    Success = false,
                    DurationMs = duration,
                };
            default:
                return null;
        }
    }

    /// <summary>
    /// A tool's response as the text the model saw: a string as is, a shell's stdout then stderr, text blocks
    /// joined; any other shape as its JSON.
    /// </summary>
    internal static string ResponseText(JsonElement response)
    {
        switch (response.ValueKind)
        {
            case JsonValueKind.String:
                return response.GetString() ?? string.Empty;
            case JsonValueKind.Object when response.TryGetProperty("stdout", out var stdout) && stdout.ValueKind == JsonValueKind.String:
                var stderr = String(response, "stderr");
                return string.IsNullOrEmpty(stderr) ? stdout.GetString()! : $"{stdout.GetString()}\n{stderr}";
            case JsonValueKind.Object when response.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array:
                return TextBlocks(content) ?? response.GetRawText();
            case JsonValueKind.Array:
                return TextBlocks(response) ?? response.GetRawText();
            default:
                return response.GetRawText();
        }
    }

    private static string? TextBlocks(JsonElement blocks)
    {
        StringBuilder? text = null;
        foreach (var block in blocks.EnumerateArray())
        {
            if (block.ValueKind == JsonValueKind.Object && String(block, "type") == "text" && String(block, "text") is { } part)
            {
                text = text is null ? new StringBuilder(part) : text.Append('\n').Append(part);
            }
        }

        return text?.ToString();
    }

    private static string Cap(string text) =>
        text.Length <= MaxStoredChars
            ? text
            : string.Concat(
                text.AsSpan(0, MaxStoredChars * 3 / 4),
                $"\n[... {text.Length - MaxStoredChars} characters omitted by Outloop ...]\n",
                text.AsSpan(text.Length - (MaxStoredChars / 4)));

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
