using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Outloop.Ingestion.Codex;

/// <summary>
/// One rollout line after the parallel parse: a single <see cref="Utf8JsonReader"/> pass validates the JSON and
/// reads the envelope (timestamp, type, the payload's type and role); only lines the import uses keep a
/// <see cref="JsonDocument"/> (over the batch's bytes, no copy).
/// </summary>
internal sealed class CodexLine : IDisposable
{
    private JsonDocument? _document;

    private CodexLine(CodexLineKind kind, string? type = null, bool bare = false, DateTimeOffset? time = null)
    {
        Kind = kind;
        Type = type;
        Bare = bare;
        Time = time;
    }

    public CodexLineKind Kind { get; }

    /// <summary>The item's type after era mapping: <c>session_meta</c>, <c>turn_context</c>, <c>event_msg</c>, <c>response_item</c>...</summary>
    public string? Type { get; }

    /// <summary>A bare-era item (no envelope).</summary>
    public bool Bare { get; }

    public DateTimeOffset? Time { get; }

    /// <summary>The payload (the root itself in the bare era) when the import uses this line; else undefined.</summary>
    public JsonElement Payload { get; private set; }

    /// <summary>Whether <see cref="Payload"/> holds the parsed item.</summary>
    public bool HasPayload => _document is not null;

    /// <summary>
    /// Lines the import uses are parsed once into a document; the others are only read through (which validates
    /// them). Which path a line takes is guessed from its bytes; a wrong guess costs a second parse, never a result.
    /// </summary>
    public static CodexLine Parse(ReadOnlyMemory<byte> bytes) => LikelyUsed(bytes.Span) ? FromDocument(bytes) : FromReader(bytes);

    // Per line or per row: optimised at its first call (see CodexRollout.Apply).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static CodexLine FromDocument(ReadOnlyMemory<byte> bytes)
    {
        var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        CodexLine? line = null;
        try
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return line = new CodexLine(CodexLineKind.NotObject);
            }

            if (root.TryGetProperty("record_type", out _))
            {
                return line = new CodexLine(CodexLineKind.Marker);
            }

            DateTimeOffset? time = root.TryGetProperty("timestamp", out var ts) && ts.ValueKind == JsonValueKind.String ? ElementTime(ts) : null;
            var type = Str(root, "type");
            string kind;
            bool bare;
            JsonElement payload;
            if (root.TryGetProperty("payload", out payload) && payload.ValueKind == JsonValueKind.Object && type is not null)
            {
                (kind, bare) = (type, false);
            }
            else if (type is not null)
            {
                kind = type is "session_meta" or "turn_context" or "event_msg" or "compacted" ? type : "response_item";
                (bare, payload) = (true, root);
            }
            else if (root.TryGetProperty("id", out _) && (root.TryGetProperty("instructions", out _) || root.TryGetProperty("git", out _) || root.TryGetProperty("timestamp", out _)))
            {
                (kind, bare, payload) = ("session_meta", true, root);
            }
            else
            {
                return line = new CodexLine(CodexLineKind.Unknown);
            }

            line = new CodexLine(CodexLineKind.Item, kind, bare, time);
            if (Used(kind, Str(payload, "type"), Str(payload, "role")))
            {
                (line._document, line.Payload) = (document, payload);
            }

            return line;
        }
        finally
        {
            if (line?._document is null)
            {
                document.Dispose();
            }
        }
    }

    // Per line or per row: optimised at its first call (see CodexRollout.Apply).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static CodexLine FromReader(ReadOnlyMemory<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes.Span);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            using var other = JsonDocument.Parse(bytes); // validates the line, to tell bad JSON from a non-object
            return new CodexLine(CodexLineKind.NotObject);
        }

        string? type = null, payloadType = null, payloadRole = null, rootRole = null;
        DateTimeOffset? time = null;
        bool recordType = false, payloadObject = false, hasId = false, hasInstructions = false, hasGit = false, hasTimestamp = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                hasTimestamp = true;
                time = reader.TokenType == JsonTokenType.String ? ReadTime(ref reader) : null;
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                rootRole = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("payload"u8))
            {
                reader.Read();
                payloadObject = reader.TokenType == JsonTokenType.StartObject;
                (payloadType, payloadRole) = payloadObject ? ReadPayloadHead(ref reader) : (null, null);
                if (!payloadObject)
                {
                    reader.Skip();
                }
            }
            else
            {
                recordType |= reader.ValueTextEquals("record_type"u8);
                hasId |= reader.ValueTextEquals("id"u8);
                hasInstructions |= reader.ValueTextEquals("instructions"u8);
                hasGit |= reader.ValueTextEquals("git"u8);
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.Read())
        {
            throw new JsonException("more than one JSON value on the line");
        }

        if (recordType)
        {
            return new CodexLine(CodexLineKind.Marker);
        }

        string kind;
        bool bare;
        string? itemType;
        string? role;
        if (payloadObject && type is not null)
        {
            (kind, bare, itemType, role) = (type, false, payloadType, payloadRole);
        }
        else if (type is not null)
        {
            kind = type is "session_meta" or "turn_context" or "event_msg" or "compacted" ? type : "response_item";
            (bare, itemType, role) = (true, type, rootRole);
        }
        else if (hasId && (hasInstructions || hasGit || hasTimestamp))
        {
            (kind, bare, itemType, role) = ("session_meta", true, null, null);
        }
        else
        {
            return new CodexLine(CodexLineKind.Unknown);
        }

        var line = new CodexLine(CodexLineKind.Item, kind, bare, time);
        if (Used(kind, itemType, role))
        {
            line._document = JsonDocument.Parse(bytes);
            var root = line._document.RootElement;
            line.Payload = bare ? root : root.GetProperty("payload");
        }

        return line;
    }

    public void Dispose()
    {
        _document?.Dispose();
        _document = null;
    }

    /// <summary>A cheap look at the envelope of the usual wrapped line: <c>{"timestamp":..,"type":"T","payload":{"type":"P"..</c>.</summary>
    // Per line or per row: optimised at its first call (see CodexRollout.Apply).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool LikelyUsed(ReadOnlySpan<byte> line)
    {
        var at = line.IndexOf("\"type\":\""u8);
        if (at < 0)
        {
            return false;
        }

        var kind = Value(line[(at + 8)..]);
        if (kind.SequenceEqual("session_meta"u8) || kind.SequenceEqual("turn_context"u8))
        {
            return true;
        }

        var payload = line.IndexOf("\"payload\":{\"type\":\""u8);
        if (payload < 0)
        {
            return false;
        }

        var item = Value(line[(payload + 19)..]);
        if (kind.SequenceEqual("event_msg"u8))
        {
            return item.SequenceEqual("token_count"u8) || item.SequenceEqual("user_message"u8) || item.SequenceEqual("task_started"u8)
                || item.SequenceEqual("turn_started"u8) || item.SequenceEqual("turn_aborted"u8);
        }

        return kind.SequenceEqual("response_item"u8)
            && (item.IndexOf("call"u8) >= 0 || (item.SequenceEqual("message"u8) && line.IndexOf("\"role\":\"user\""u8) >= 0));
    }

    /// <summary>The bytes of a JSON string value up to its closing quote (escapes make the guess fail, harmlessly).</summary>
    private static ReadOnlySpan<byte> Value(ReadOnlySpan<byte> rest)
    {
        var end = rest.IndexOf((byte)'"');
        return end < 0 ? [] : rest[..end];
    }

    private static DateTimeOffset? ElementTime(JsonElement value)
    {
        var text = value.GetString();
        if (text is { Length: > 10 } && value.TryGetDateTimeOffset(out var fast)
            && (text[^1] is 'Z' or 'z' || text.AsSpan(10).IndexOfAny('+', '-') >= 0))
        {
            return fast.ToUniversalTime();
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : null;
    }

    // Per line or per row: optimised at its first call (see CodexRollout.Apply).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The items <see cref="CodexRollout"/> reads beyond their timestamp (keep in step with its switches).</summary>
    private static bool Used(string kind, string? itemType, string? role) => kind switch
    {
        "session_meta" or "turn_context" => true,
        "event_msg" => itemType is "task_started" or "turn_started" or "user_message" or "turn_aborted" or "token_count",
        "response_item" => itemType is "function_call" or "custom_tool_call" or "local_shell_call"
            or "function_call_output" or "custom_tool_call_output" or "local_shell_call_output"
            || (itemType == "message" && role == "user"),
        _ => false,
    };

    /// <summary>Reads the payload object's <c>type</c> and <c>role</c>, leaving the reader on its end.</summary>
    private static (string? Type, string? Role) ReadPayloadHead(ref Utf8JsonReader reader)
    {
        string? type = null, role = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("type"u8);
            var isRole = !isType && reader.ValueTextEquals("role"u8);
            reader.Read();
            if (reader.TokenType == JsonTokenType.String && (isType || isRole))
            {
                if (isType)
                {
                    type = reader.GetString();
                }
                else
                {
                    role = reader.GetString();
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return (type, role);
    }

    /// <summary>ISO 8601 through the JSON reader's own parser; a time without a zone is read as UTC, as before.</summary>
    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && reader.TryGetDateTimeOffset(out var fast))
        {
            var span = reader.ValueSpan;
            var zoned = span.Length > 10 && (span[^1] is (byte)'Z' or (byte)'z' || span[10..].IndexOfAny((byte)'+', (byte)'-') >= 0);
            if (zoned)
            {
                return fast.ToUniversalTime();
            }
        }

        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : null;
    }
}
