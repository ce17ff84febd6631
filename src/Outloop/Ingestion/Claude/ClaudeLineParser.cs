using System.Globalization;
using System.Text;
using System.Text.Json;
using Outloop.Ingestion.Redaction;

namespace Outloop.Ingestion.Claude;

/// <summary>
/// Parses one Claude Code transcript line. Unknown types and fields are accepted; a line that is not JSON, or whose
/// known fields have the wrong type, throws <see cref="FormatException"/> naming the field. Every text that will be
/// stored is redacted here, before it leaves the parser.
/// </summary>
internal static class ClaudeLineParser
{
    /// <summary>Stored texts are capped: the head and tail are kept, the middle is replaced by a marker.</summary>
    public const int MaxStoredChars = 64 * 1024;

    public static ClaudeLine Parse(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.IndexOf("\"progress\""u8) >= 0 && UiProgress(utf8.Span) is { } progress)
        {
            return progress;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new FormatException($"not valid JSON ({e.Message})", e);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"not valid UTF-8 JSON ({e.Message})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the line is not a JSON object");
            }

            var type = String(root, "type") ?? throw new FormatException("field 'type' is missing");
            return type switch
            {
                "user" => ParseUser(root, root),
                "assistant" => ParseAssistant(root, root),
                "summary" => new ClaudeLine { Type = type, Summary = Text(String(root, "summary")) },
                "progress" when Embedded(root) is { } embedded => embedded,
                _ => Envelope(root, root, type, null, null, null, null, null, null, null, null, null),
            };
        }
    }

    /// <summary>
    /// Hook and shell progress lines are a fifth of a transcript's bytes and say nothing Outloop keeps but their
    /// envelope. They are validated with a forward-only reader instead of being built into a document; null means
    /// the line is something else (a relayed subagent message among them) and takes the full parse.
    /// </summary>
    private static ClaudeLine? UiProgress(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256 });
        string? type = null, dataType = null, sessionId = null, timestamp = null, cwd = null, version = null;
        var sidechain = false;
        var inData = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                if (reader.CurrentDepth == 1)
                {
                    inData = reader.ValueTextEquals("data"u8);
                    if (inData)
                    {
                        continue;
                    }

                    var name = reader.ValueSpan;
                    reader.Read();
                    if (reader.TokenType is JsonTokenType.String)
                    {
                        if (name.SequenceEqual("type"u8))
                        {
                            type = reader.GetString();
                        }
                        else if (name.SequenceEqual("sessionId"u8))
                        {
                            sessionId = reader.GetString();
                        }
                        else if (name.SequenceEqual("timestamp"u8))
                        {
                            timestamp = reader.GetString();
                        }
                        else if (name.SequenceEqual("cwd"u8))
                        {
                            cwd = reader.GetString();
                        }
                        else if (name.SequenceEqual("version"u8))
                        {
                            version = reader.GetString();
                        }
                    }
                    else if (reader.TokenType is JsonTokenType.True && name.SequenceEqual("isSidechain"u8))
                    {
                        sidechain = true;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else if (inData && reader.CurrentDepth == 2 && reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    dataType = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"not valid JSON ({e.Message})", e);
        }

        if (type != "progress" || dataType is null or "agent_progress")
        {
            return null;
        }

        DateTimeOffset? time = null;
        if (timestamp is not null)
        {
            time = DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                ? parsed
                : throw new FormatException($"field 'timestamp' is not an ISO-8601 time: '{timestamp}'");
        }

        return new ClaudeLine { Type = type, SessionId = sessionId, Timestamp = time, Cwd = cwd, Version = version, IsSidechain = sidechain };
    }

    /// <summary>
    /// A subagent's message relayed in an <c>agent_progress</c> line. Where the subagent's own transcript is missing
    /// this is the only record of its requests; where it exists the message ids are the same and merge.
    /// </summary>
    private static ClaudeLine? Embedded(JsonElement root)
    {
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || OptionalString(data, "type") != "agent_progress"
            || !data.TryGetProperty("message", out var inner) || inner.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var line = OptionalString(inner, "type") switch
        {
            "assistant" => ParseAssistant(inner, root),
            "user" => ParseUser(inner, root),
            _ => null,
        };
        return line is null ? null : new ClaudeLine
        {
            Type = line.Type,
            Uuid = line.Uuid,
            SessionId = line.SessionId,
            Timestamp = line.Timestamp,
            Cwd = line.Cwd,
            Version = line.Version,
            GitBranch = line.GitBranch,
            IsSidechain = true,
            UserText = line.UserText,
            ToolResults = line.ToolResults,
            MessageId = line.MessageId,
            RequestId = line.RequestId,
            Model = line.Model,
            Speed = line.Speed,
            Usage = line.Usage,
            CostUsd = line.CostUsd,
            ToolUses = line.ToolUses,
        };
    }

    private static ClaudeLine ParseUser(JsonElement root, JsonElement outer)
    {
        var message = Object(root, "message", required: true);
        string? text = null;
        List<ClaudeToolResult>? results = null;
        if (message.TryGetProperty("content", out var content))
        {
            switch (content.ValueKind)
            {
                case JsonValueKind.String:
                    text = content.GetString();
                    break;
                case JsonValueKind.Array:
                    StringBuilder? texts = null;
                    foreach (var block in content.EnumerateArray())
                    {
                        if (block.ValueKind != JsonValueKind.Object)
                        {
                            continue;
                        }

                        switch (String(block, "type"))
                        {
                            case "text":
                                texts ??= new StringBuilder();
                                if (texts.Length > 0)
                                {
                                    texts.Append('\n');
                                }

                                texts.Append(String(block, "text"));
                                break;
                            case "tool_result":
                                (results ??= []).Add(ToolResult(block));
                                break;
                            default:
                                break;
                        }
                    }

                    text = texts?.ToString();
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    throw new FormatException("field 'message.content' is neither a string nor an array");
            }
        }

        return Envelope(root, outer, "user", Text(text), results, null, null, null, null, null, null, null);
    }

    private static ClaudeLine ParseAssistant(JsonElement root, JsonElement outer)
    {
        var message = Object(root, "message", required: true);
        TokenCounts? usage = null;
        string? speed = null;
        if (message.TryGetProperty("usage", out var usageElement) && usageElement.ValueKind != JsonValueKind.Null)
        {
            if (usageElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("field 'message.usage' is not an object");
            }

            var creation = Long(usageElement, "cache_creation_input_tokens");
            long write5m = creation, write1h = 0;
            if (usageElement.TryGetProperty("cache_creation", out var split) && split.ValueKind == JsonValueKind.Object)
            {
                var five = Long(split, "ephemeral_5m_input_tokens");
                var hour = Long(split, "ephemeral_1h_input_tokens");
                if (five + hour > 0)
                {
                    // The split is authoritative where present; any remainder counts as 5-minute writes.
                    write1h = hour;
                    write5m = Math.Max(five, creation - hour);
                }
            }

            usage = new TokenCounts(
                Long(usageElement, "input_tokens"),
                Long(usageElement, "output_tokens"),
                write5m,
                write1h,
                Long(usageElement, "cache_read_input_tokens"));
            speed = String(usageElement, "speed");
        }

        List<ClaudeToolUse>? uses = null;
        if (message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
        {
            foreach (var block in content.EnumerateArray())
            {
                if (block.ValueKind == JsonValueKind.Object && String(block, "type") == "tool_use")
                {
                    (uses ??= []).Add(ToolUse(block));
                }
            }
        }

        decimal? cost = null;
        if (root.TryGetProperty("costUSD", out var costElement) && costElement.ValueKind == JsonValueKind.Number)
        {
            cost = costElement.GetDecimal();
        }

        return Envelope(
            root, outer, "assistant", null, null, String(message, "id"), String(root, "requestId"), String(message, "model"),
            speed, usage, cost, uses);
    }

    private static ClaudeToolUse ToolUse(JsonElement block)
    {
        var id = String(block, "id") ?? throw new FormatException("field 'tool_use.id' is missing");
        var name = String(block, "name") ?? throw new FormatException("field 'tool_use.name' is missing");
        string input = "{}";
        string? filePath = null, searchPath = null;
        if (block.TryGetProperty("input", out var inputElement))
        {
            input = Cap(SecretRedactor.Redact(inputElement.GetRawText()));
            if (inputElement.ValueKind == JsonValueKind.Object)
            {
                filePath = OptionalString(inputElement, "file_path") ?? OptionalString(inputElement, "notebook_path");
                searchPath = OptionalString(inputElement, "path") ?? OptionalString(inputElement, "pattern");
            }
        }

        return new ClaudeToolUse(id, name, input, filePath, searchPath);
    }

    private static ClaudeToolResult ToolResult(JsonElement block)
    {
        var id = String(block, "tool_use_id") ?? throw new FormatException("field 'tool_result.tool_use_id' is missing");
        var isError = block.TryGetProperty("is_error", out var error) && error.ValueKind == JsonValueKind.True;
        string text = string.Empty;
        if (block.TryGetProperty("content", out var content))
        {
            if (content.ValueKind == JsonValueKind.String)
            {
                text = content.GetString() ?? string.Empty;
            }
            else if (content.ValueKind == JsonValueKind.Array)
            {
                var builder = new StringBuilder();
                foreach (var part in content.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.Object && OptionalString(part, "type") == "text")
                    {
                        if (builder.Length > 0)
                        {
                            builder.Append('\n');
                        }

                        builder.Append(OptionalString(part, "text"));
                    }
                }

                text = builder.ToString();
            }
        }

        return new ClaudeToolResult(id, Cap(SecretRedactor.Redact(text)), Encoding.UTF8.GetByteCount(text), isError);
    }

    /// <summary>The line's envelope fields: from <paramref name="root"/>, else from the relaying <paramref name="outer"/> line.</summary>
    private static ClaudeLine Envelope(
        JsonElement root, JsonElement outer, string type, string? userText, List<ClaudeToolResult>? results, string? messageId,
        string? requestId, string? model, string? speed, TokenCounts? usage, decimal? cost, List<ClaudeToolUse>? uses) =>
        new()
        {
            Type = type,
            Uuid = String(root, "uuid"),
            PromptId = OptionalString(root, "promptId"),
            SessionId = String(root, "sessionId") ?? String(outer, "sessionId"),
            Timestamp = Time(root) ?? Time(outer),
            Cwd = String(root, "cwd") ?? String(outer, "cwd"),
            Version = String(root, "version") ?? String(outer, "version"),
            GitBranch = String(root, "gitBranch") ?? String(outer, "gitBranch"),
            IsSidechain = Bool(root, "isSidechain"),
            IsMeta = Bool(root, "isMeta"),
            IsCompactSummary = Bool(root, "isCompactSummary"),
            UserText = userText,
            ToolResults = results,
            MessageId = messageId,
            RequestId = requestId,
            Model = model,
            Speed = speed,
            Usage = usage,
            CostUsd = cost,
            ToolUses = uses,
        };

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => throw new FormatException($"field '{name}' is not a string"),
            }
            : null;

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement Object(JsonElement element, string name, bool required)
    {
        if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        if (required)
        {
            throw new FormatException($"field '{name}' is missing or not an object");
        }

        return default;
    }

    private static long Long(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= 0)
        {
            return number;
        }

        throw new FormatException($"field 'usage.{name}' is not a non-negative integer");
    }

    private static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static DateTimeOffset? Time(JsonElement root)
    {
        var text = String(root, "timestamp");
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new FormatException($"field 'timestamp' is not an ISO-8601 time: '{text}'");
    }

    private static string? Text(string? text) => text is null ? null : Cap(SecretRedactor.Redact(text));

    internal static string Cap(string text)
    {
        if (text.Length <= MaxStoredChars)
        {
            return text;
        }

        var head = text.AsSpan(0, MaxStoredChars * 3 / 4);
        var tail = text.AsSpan(text.Length - (MaxStoredChars / 4));
        return string.Concat(head, $"\n[... {text.Length - head.Length - tail.Length} characters omitted by Outloop ...]\n", tail);
    }
}
