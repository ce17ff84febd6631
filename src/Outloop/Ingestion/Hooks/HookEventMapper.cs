using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
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

    /// <summary>
    /// A raw event longer than this is stored with each of its strings cut to <see cref="MaxPayloadStringChars"/>: the
    /// tool call's row keeps the output (up to <see cref="MaxStoredChars"/>), and nothing reads it from the raw event.
    /// </summary>
    public const int MaxPayloadChars = 16 * 1024;

    /// <summary>The most characters of one string (an output, a file's content) kept in a long raw event.</summary>
    public const int MaxPayloadStringChars = 4 * 1024;

    private static readonly JsonWriterOptions PayloadWriting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Maps <paramref name="payload"/>; throws <see cref="JsonException"/> or <see cref="FormatException"/> when it is not a hook event.</summary>
    public static HookRecords Map(string payload, string id, DateTimeOffset receivedAt)
    {
        using var hookEvent = new HookEventText(payload);
        return Map(hookEvent, id, receivedAt);
    }

    /// <summary>Maps an event already read (and redacted): its document and response text are parsed once.</summary>
    public static HookRecords Map(HookEventText hookEvent, string id, DateTimeOffset receivedAt)
    {
        var payload = hookEvent.Raw;
        var root = hookEvent.Root;
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
        var record = new HookEventRecord(id, sessionId, eventName, toolUseId, receivedAt, StoredPayload(payload, root));
        if (string.IsNullOrEmpty(sessionId))
        {
            return new HookRecords(record, null, null, null);
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
        var toolCall = string.IsNullOrEmpty(toolUseId) ? null : ToolCall(hookEvent, eventName, toolUseId, sessionId, receivedAt);
        var prompt = eventName == "UserPromptSubmit" && String(root, "prompt") is { } text
            ? new PromptRecord(String(root, "prompt_id") ?? $"hook:{id}", sessionId, null, text, receivedAt)
            : null;
        return new HookRecords(record, session, toolCall, prompt);
    }

    /// <summary>
    /// The raw event as stored: as is up to <see cref="MaxPayloadChars"/>; longer, the same JSON with every string
    /// longer than <see cref="MaxPayloadStringChars"/> cut to its head and tail. A 200 KB output stored twice (raw
    /// event and tool call) made the hook write about 60 pages per event.
    /// </summary>
    internal static string StoredPayload(string payload, JsonElement root)
    {
        if (payload.Length <= MaxPayloadChars)
        {
            return payload;
        }

        var buffer = new ArrayBufferWriter<byte>(MaxPayloadChars);
        using (var writer = new Utf8JsonWriter(buffer, PayloadWriting))
        {
            WriteBounded(writer, root);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteBounded(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    WriteBounded(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteBounded(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String when JsonMarshal.GetRawUtf8Value(element).Length > MaxPayloadStringChars:
                writer.WriteStringValue(Cut(element.GetString()!, MaxPayloadStringChars));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static ToolCallRecord? ToolCall(HookEventText hookEvent, string eventName, string toolUseId, string sessionId, DateTimeOffset receivedAt)
    {
        var root = hookEvent.Root;
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
                var result = hookEvent.ToolResponseText() ?? string.Empty;
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

    private static string Cap(string text) => Cut(text, MaxStoredChars);

    /// <summary>The first three quarters and the last quarter of <paramref name="max"/> characters, never half a surrogate pair.</summary>
    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var head = max * 3 / 4;
        var tail = text.Length - (max / 4);
        if (char.IsHighSurrogate(text[head - 1]))
        {
            head--;
        }

        if (char.IsLowSurrogate(text[tail]))
        {
            tail++;
        }

        return string.Concat(text.AsSpan(0, head), $"\n[... {tail - head} characters omitted by Outloop ...]\n", text.AsSpan(tail));
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
