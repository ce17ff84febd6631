using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Outloop.Ingestion.Claude;
using Outloop.Ingestion.Hooks;
using Outloop.Ingestion.Redaction;
using Outloop.Storage;

namespace Outloop.Ingestion.Codex;

/// <summary>
/// Turns the lines of one Codex rollout into sessions, tasks, model requests and tool calls, in every era of the
/// format: bare items (no envelope, <c>record_type</c> markers), the <c>{timestamp,type,payload}</c> envelope,
/// and the later metadata drift. Token usage is stored as deltas of the cumulative <c>total_token_usage</c>.
/// </summary>
internal sealed class CodexRollout(string path, CodexParserState state) : ILineApplier
{
    public const string Agent = "codex";

    /// <summary>Used when no turn context named the model (logs from before September 2025), as ccusage does.</summary>
    public const string FallbackModel = "gpt-5";

    private const int MaxDescriptionChars = 2000;

    private CodexParserState _state = state;
    private bool _sessionDirty;

    public CodexParserState State => _state;

    private string SessionId => _state.SessionId ?? FileSessionId(path);

    /// <summary>Applies one parsed line; returns an error to report when the line is not a rollout item.</summary>
    // Hot paths of an import are compiled optimised at their first call (AggressiveOptimization): an import
    // lasts seconds, and under tiering the store's thread ran mostly tier-0 code (perf: 19.5% of samples in tier-0
    // CodexRollout.Apply, 3.4% in its tier-1 version). Tiered PGO is off in the CLI, so tier 1 would add nothing.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? Apply(CodexLine line, long lineNumber, IStoreWriter writer)
    {
        switch (line.Kind)
        {
            case CodexLineKind.NotObject:
                return "not a Codex rollout item (expected a JSON object)";
            case CodexLineKind.Unknown:
                return "not a Codex rollout item (no type, payload or session id)";
            case CodexLineKind.Marker:
                return null; // bare-era state markers carry nothing to import
            default:
                break;
        }

        var time = line.Time ?? _state.LastTimestamp;
        if (line.Time is not null || line.Bare)
        {
            _state = _state with { LastTimestamp = time, Bare = _state.Bare || line.Bare };
        }

        if (!line.HasPayload)
        {
            return null; // reasoning, agent messages, compacted and newer items hold nothing for the model
        }

        var payload = line.Payload;
        switch (line.Type)
        {
            case "session_meta":
                SessionMeta(payload, time, writer);
                break;
            case "turn_context":
                TurnContext(payload, time, writer);
                break;
            case "event_msg":
                EventMessage(payload, lineNumber, time, writer);
                break;
            case "response_item":
                ResponseItem(payload, lineNumber, time, writer);
                break;
            default:
                break;
        }

        return null;
    }

    string? ILineApplier.Apply(object parsed, long lineNumber, IStoreWriter writer) => Apply((CodexLine)parsed, lineNumber, writer);

    string? ILineApplier.Flush(IStoreWriter writer)
    {
        Flush(writer);
        return _state.ToJson();
    }

    /// <summary>Writes what the lines of this import learned about the session (its end time, its cwd).</summary>
    public void Flush(IStoreWriter writer)
    {
        if (_sessionDirty || _state.LastTimestamp is not null)
        {
            EnsureSession(writer, null);
            writer.UpsertSession(new SessionRecord(SessionId, Agent, Project(), _state.Cwd, null, _state.LastTimestamp));
        }
    }

    /// <summary>The thread uuid at the end of a <c>rollout-...-&lt;uuid&gt;.jsonl</c> name, else the file name.</summary>
    internal static string FileSessionId(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        return name.Length >= 36 && Guid.TryParse(name.AsSpan(name.Length - 36), out _) ? name[^36..] : name;
    }

    private void SessionMeta(JsonElement payload, DateTimeOffset? time, IStoreWriter writer)
    {
        if (_state.SessionMetaSeen)
        {
            return; // a forked or subagent rollout copies its parent's meta after its own: the first one owns the file
        }

        var id = Str(payload, "id") ?? Str(payload, "session_id") ?? SessionId;
        var started = ParseTime(Str(payload, "timestamp")) ?? time;
        _state = _state with
        {
            SessionId = id,
            SessionMetaSeen = true,
            Cwd = Str(payload, "cwd") ?? _state.Cwd,
            LastTimestamp = _state.LastTimestamp ?? started,
        };
        string? branch = null;
        if (payload.TryGetProperty("git", out var git) && git.ValueKind == JsonValueKind.Object)
        {
            branch = Str(git, "branch");
        }

        writer.UpsertSession(new SessionRecord(id, Agent, Project(), _state.Cwd, started, started, Version: Str(payload, "cli_version"), GitBranch: branch));
        _sessionDirty = false;
    }

    private void TurnContext(JsonElement payload, DateTimeOffset? time, IStoreWriter writer)
    {
        var model = Str(payload, "model");
        if (model is null && payload.TryGetProperty("collaboration_mode", out var mode) && mode.ValueKind == JsonValueKind.Object
            && mode.TryGetProperty("settings", out var settings) && settings.ValueKind == JsonValueKind.Object)
        {
            model = Str(settings, "model");
        }

        var cwd = Str(payload, "cwd");
        var newTurn = Str(payload, "turn_id") is { } turn && turn != _state.TurnId;
        _state = _state with
        {
            Model = model ?? _state.Model,
            Cwd = _state.Cwd ?? cwd,
            TurnId = Str(payload, "turn_id") ?? _state.TurnId,
            TurnHasTask = !newTurn && _state.TurnHasTask,
        };
        if (cwd is not null && !_state.SessionMetaSeen)
        {
            EnsureSession(writer, time);
        }
    }

    // Per line or per row: optimised at its first call (see CodexRollout.Apply).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EventMessage(JsonElement payload, long lineNumber, DateTimeOffset? time, IStoreWriter writer)
    {
        switch (Str(payload, "type"))
        {
            case "task_started" or "turn_started":
                var turn = Str(payload, "turn_id");
                if (turn is not null && turn != _state.TurnId)
                {
                    _state = _state with { TurnId = turn, TurnHasTask = false };
                }

                break;
            case "user_message":
                StartTask(Str(payload, "message") ?? string.Empty, lineNumber, time, writer);
                break;
            case "turn_aborted":
                if (_state.TaskId is { } aborted)
                {
                    writer.MarkTaskInterrupted(aborted);
                }

                break;
            case "token_count":
                TokenCount(payload, lineNumber, time, writer);
                break;
            default:
                break;
        }
    }

    // Per line or per row: optimised at its first call (see CodexRollout.Apply).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ResponseItem(JsonElement payload, long lineNumber, DateTimeOffset? time, IStoreWriter writer)
    {
        switch (Str(payload, "type"))
        {
            case "message":
                // In the wrapped era every user turn is also an event_msg.user_message, which is the one counted;
                // bare-era files have only the response item, among injected context and instructions.
                if (_state.Bare && Str(payload, "role") == "user" && payload.TryGetProperty("content", out var content))
                {
                    var text = CodexToolOutput.Flatten(content);
                    if (!IsInjectedContext(text))
                    {
                        StartTask(text, lineNumber, time, writer);
                    }
                    else if (_state.Cwd is null && CwdFromContext(text) is { } cwd)
                    {
                        _state = _state with { Cwd = cwd };
                        _sessionDirty = true;
                    }
                }

                break;
            case "function_call":
                Call(payload, Str(payload, "name"), JsonInput(payload, "arguments"), lineNumber, time, writer);
                break;
            case "custom_tool_call":
                var input = payload.TryGetProperty("input", out var raw) ? CodexToolOutput.Flatten(raw) : null;
                var id = Call(payload, Str(payload, "name"), input is null ? null : JsonSerializer.Serialize(input), lineNumber, time, writer);
                if (input is not null && Str(payload, "name") == "apply_patch")
                {
                    PatchedFiles(id, input, time, writer);
                }

                break;
            case "local_shell_call":
                Call(payload, "local_shell", payload.TryGetProperty("action", out var action) ? action.GetRawText() : null, lineNumber, time, writer);
                break;
            case "function_call_output" or "custom_tool_call_output" or "local_shell_call_output":
                Output(payload, time, writer);
                break;
            default:
                break;
        }
    }

    private void StartTask(string text, long lineNumber, DateTimeOffset? time, IStoreWriter writer)
    {
        EnsureSession(writer, time);
        var id = _state.TurnId is { } turn && !_state.TurnHasTask
            ? $"{SessionId}:{turn}"
            : $"{SessionId}:{lineNumber.ToString(CultureInfo.InvariantCulture)}";
        var redacted = SecretRedactor.Redact(text);
        var description = redacted.Length <= MaxDescriptionChars ? redacted : redacted[..MaxDescriptionChars];
        var started = time ?? DateTimeOffset.UnixEpoch;
        writer.UpsertTask(new TaskRecord(id, SessionId, Agent, description, started));
        writer.UpsertPrompt(new PromptRecord(id, SessionId, id, ClaudeLineParser.Cap(redacted), started));
        _state = _state with { TaskId = id, TurnHasTask = true };
    }

    // Per line or per row: optimised at its first call (see CodexRollout.Apply).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TokenCount(JsonElement payload, long lineNumber, DateTimeOffset? time, IStoreWriter writer)
    {
        if (!payload.TryGetProperty("info", out var info) || info.ValueKind != JsonValueKind.Object
            || !info.TryGetProperty("total_token_usage", out var total) || total.ValueKind != JsonValueKind.Object)
        {
            return; // rate limits only
        }

        var input = Long(total, "input_tokens");
        var cached = Long(total, "cached_input_tokens");
        var output = Long(total, "output_tokens");
        long dInput = input - _state.TotalInput, dCached = cached - _state.TotalCached, dOutput = output - _state.TotalOutput;
        if (dInput < 0 || dCached < 0 || dOutput < 0)
        {
            // The totals went down: a new counter (a fork, a restarted thread). Count from zero again.
            (dInput, dCached, dOutput) = (input, cached, output);
        }

        _state = _state with { TotalInput = input, TotalCached = cached, TotalOutput = output };
        if (dInput == 0 && dCached == 0 && dOutput == 0)
        {
            return; // Codex repeats the last totals whenever only the rate limits changed
        }

        EnsureSession(writer, time);
        var model = Str(payload, "model") ?? Str(info, "model") ?? _state.Model ?? FallbackModel;
        writer.UpsertModelRequest(new ModelRequestRecord(
            $"{SessionId}:{lineNumber.ToString(CultureInfo.InvariantCulture)}",
            SessionId,
            _state.TaskId,
            Agent,
            model,
            time ?? DateTimeOffset.UnixEpoch,
            new TokenCounts(Math.Max(0, dInput - dCached), dOutput, 0, 0, dCached),
            Project: Project()));
    }

    private string Call(JsonElement payload, string? name, string? inputJson, long lineNumber, DateTimeOffset? time, IStoreWriter writer)
    {
        EnsureSession(writer, time);
        var callId = Str(payload, "call_id") ?? Str(payload, "id") ?? lineNumber.ToString(CultureInfo.InvariantCulture);
        var id = $"{SessionId}:{callId}";
        writer.UpsertToolCall(new ToolCallRecord(
            id, SessionId, _state.TaskId, Agent, name, StartedAt: time,
            InputJson: inputJson is null ? null : ClaudeLineParser.Cap(SecretRedactor.Redact(inputJson))));
        return id;
    }

    private void Output(JsonElement payload, DateTimeOffset? time, IStoreWriter writer)
    {
        if (Str(payload, "call_id") is not { } callId || !payload.TryGetProperty("output", out var output))
        {
            return;
        }

        EnsureSession(writer, time);
        var (text, success, duration) = CodexToolOutput.Read(output);
        var stored = ClaudeLineParser.Cap(SecretRedactor.Redact(text));
        writer.UpsertToolCall(new ToolCallRecord(
            $"{SessionId}:{callId}", SessionId, _state.TaskId, Agent, null,
            ResultText: success ? stored : null,
            ErrorText: success ? null : stored,
            Success: success,
            DurationMs: duration,
            ResultBytes: Encoding.UTF8.GetByteCount(text),
            EndedAt: time));
    }

    private void PatchedFiles(string toolCallId, string patch, DateTimeOffset? time, IStoreWriter writer)
    {
        foreach (var line in patch.AsSpan().EnumerateLines())
        {
            foreach (var marker in PatchMarkers)
            {
                if (line.StartsWith(marker, StringComparison.Ordinal))
                {
                    var file = line[marker.Length..].Trim().ToString();
                    if (file.Length > 0)
                    {
                        writer.AddFileAccess(new FileAccessRecord(toolCallId, SessionId, _state.TaskId, file, FileAccessKind.Write, time));
                    }
                }
            }
        }
    }

    private static readonly string[] PatchMarkers = ["*** Add File: ", "*** Update File: ", "*** Delete File: ", "*** Move to: "];

    private void EnsureSession(IStoreWriter writer, DateTimeOffset? time)
    {
        if (_state.SessionMetaSeen && !_sessionDirty)
        {
            return;
        }

        writer.UpsertSession(new SessionRecord(SessionId, Agent, Project(), _state.Cwd, time ?? _state.LastTimestamp, time ?? _state.LastTimestamp));
        _state = _state with { SessionId = SessionId, SessionMetaSeen = true };
        _sessionDirty = false;
    }

    private string? Project() => _state.Cwd is { } cwd ? ClaudeProjectName.FromCwd(cwd) : null;

    private static bool IsInjectedContext(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.StartsWith("<environment_context>", StringComparison.Ordinal)
            || trimmed.StartsWith("<user_instructions>", StringComparison.Ordinal)
            || trimmed.StartsWith("# AGENTS.md instructions", StringComparison.Ordinal)
            || trimmed.StartsWith("<INSTRUCTIONS>", StringComparison.Ordinal)
            || trimmed.StartsWith("<user_shell_command>", StringComparison.Ordinal)
            || trimmed.StartsWith("<turn_aborted>", StringComparison.Ordinal);
    }

    private static string? CwdFromContext(string text)
    {
        var start = text.IndexOf("<cwd>", StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf("</cwd>", start, StringComparison.Ordinal);
        return end > start ? text[(start + 5)..end].Trim() : null;
    }

    private static string? JsonInput(JsonElement payload, string name)
    {
        if (!payload.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return value.GetRawText();
        }

        // Arguments are a JSON document inside a string; keep it as JSON when it is one. Validated by a reader pass
        // (no document), and text that cannot start a JSON value is not tried: a thrown JsonException per call cost
        // more than the rest of the line's import on sanitised rollouts whose arguments are placeholders.
        var text = value.GetString() ?? string.Empty;
        var trimmed = text.AsSpan().Trim(" \t\r\n");
        return IsJson(trimmed) ? trimmed.ToString() : JsonSerializer.Serialize(text);
    }

    /// <summary>Whether <paramref name="text"/> is exactly one JSON value (what <c>JsonDocument.Parse</c> accepts).</summary>
    internal static bool IsJson(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !CanStartValue(text[0]) || (text[0] is '[' or '{' && text.Length > 1 && !CanFollowOpening(text[1..].TrimStart(" \t\r\n"))))
        {
            return false;
        }

        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = max <= 1024 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(max);
        try
        {
            Span<byte> bytes = rented ?? stackalloc byte[1024];
            var length = Encoding.UTF8.GetBytes(text, bytes);
            var reader = new Utf8JsonReader(bytes[..length]);
            while (reader.Read())
            {
            }

            return reader.BytesConsumed == length;
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool CanStartValue(char c) => c is '{' or '[' or '"' or '-' or 't' or 'f' or 'n' || char.IsAsciiDigit(c);

    private static bool CanFollowOpening(ReadOnlySpan<char> rest) => rest.IsEmpty || rest[0] is '}' or ']' || CanStartValue(rest[0]);

    private static DateTimeOffset? ParseTime(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : null;

    // Per line or per row: optimised at its first call (see CodexRollout.Apply).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // Per line or per row: optimised at its first call (see CodexRollout.Apply).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Long(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : 0;
}
