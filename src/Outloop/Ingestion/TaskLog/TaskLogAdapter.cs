using System.Globalization;
using System.Text.Json;
using Outloop.Ingestion.Claude;
using Outloop.Ingestion.Redaction;
using Outloop.Storage;

namespace Outloop.Ingestion.TaskLog;

/// <summary>
/// The generic task log (<c>docs/tasklog.md</c>, <c>docs/tasklog.schema.json</c>): one JSON object per line with a
/// <c>type</c> of <c>task_start</c>, <c>model_request</c>, <c>tool_call</c>, <c>file_access</c>, <c>iteration</c>,
/// <c>outcome</c> or <c>learning</c>. Any pipeline writes it in a few lines; every field lands in the store.
/// </summary>
internal sealed class TaskLogAdapter : ISourceAdapter
{
    public const string Agent = "tasklog";

    private const int MaxDescriptionChars = 2000;

    private static readonly string[] Types = ["task_start", "model_request", "tool_call", "file_access", "iteration", "outcome", "learning"];

    public string Format => "tasklog";

    public bool CanRead(string path, ReadOnlySpan<byte> head)
    {
        if (path.EndsWith(".tasklog.jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var newline = head.IndexOf((byte)'\n');
        var first = (newline < 0 ? head : head[..newline]).Trim(" \t\r"u8);
        if (first.Length == 0 || first[0] != (byte)'{')
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(first);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("type", out var type)
                && type.ValueKind == JsonValueKind.String
                && Types.Contains(type.GetString())
                && document.RootElement.TryGetProperty(type.GetString() == "task_start" ? "id" : "task", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public FileState Import(SourceFile file, IStoreWriter writer, ImportLog log)
    {
        var state = TaskLogState.FromJson(file.State?.ParserState);
        var run = new Run(file.Path, state, writer);
        var offset = file.State?.Offset ?? 0;
        var startLines = file.State?.Lines ?? 0;
        foreach (var batch in JsonlReader.ReadBatches(file.Path, offset, startLines + 1))
        {
            using (batch)
            {
                foreach (var line in batch.Lines)
                {
                    log.Lines++;
                    if (line.TooLong)
                    {
                        log.Problem(line.Number, $"line longer than {JsonlReader.MaxLineBytes >> 20} MiB");
                        continue;
                    }

                    var bytes = batch.LineMemory(line);
                    if (bytes.Span.Trim(" \t"u8).IsEmpty)
                    {
                        continue;
                    }

                    try
                    {
                        using var document = JsonDocument.Parse(bytes);
                        if (run.Apply(document.RootElement, line.Number) is { } reason)
                        {
                            log.Problem(line.Number, reason);
                        }
                    }
                    catch (JsonException e)
                    {
                        log.Problem(line.Number, $"not valid JSON ({e.Message})");
                    }
                }

                offset = batch.EndOffset;
            }
        }

        run.Flush();
        return new FileState(file.Path, Format, offset, file.Size, file.LastWrite, startLines + log.Lines, run.State.ToJson());
    }

    /// <summary>The records of one import of one file.</summary>
    private sealed class Run(string path, TaskLogState state, IStoreWriter writer)
    {
        private readonly Dictionary<string, (DateTimeOffset Start, DateTimeOffset End, string Agent)> _sessions = new(StringComparer.Ordinal);
        private DateTimeOffset? _last = state.LastTimestamp;

        public TaskLogState State => state with { LastTimestamp = _last };

        private string DefaultSession => "tasklog:" + Path.GetFileNameWithoutExtension(path);

        public string? Apply(JsonElement record, long lineNumber)
        {
            if (record.ValueKind != JsonValueKind.Object)
            {
                return "not a task-log record (expected a JSON object)";
            }

            var type = Str(record, "type");
            if (type is null || !Types.Contains(type))
            {
                return $"unknown record type {(type is null ? "(none)" : type)}; expected one of {string.Join(", ", Types)}";
            }

            DateTimeOffset? time = null;
            if (record.TryGetProperty("timestamp", out var ts))
            {
                if (ts.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(ts.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                {
                    return "timestamp is not an ISO-8601 date and time";
                }

                time = parsed;
                _last = parsed;
            }

            if (type == "task_start")
            {
                return TaskStart(record, time);
            }

            if (Str(record, "task") is not { } taskId)
            {
                return $"{type} needs a task (the id of its task_start)";
            }

            var task = Task(taskId, record, time);
            var at = time ?? _last;
            var line = lineNumber.ToString(CultureInfo.InvariantCulture);
            switch (type)
            {
                case "model_request":
                    if (Str(record, "model") is not { } model)
                    {
                        return "model_request needs a model";
                    }

                    if (!TryLong(record, "inputTokens", out var input) || !TryLong(record, "outputTokens", out var output)
                        || !TryLong(record, "cacheReadTokens", out var cacheRead) || !TryLong(record, "cacheWriteTokens", out var cacheWrite))
                    {
                        return "model_request token counts must be non-negative whole numbers";
                    }

                    decimal? cost = null;
                    if (record.TryGetProperty("costUsd", out var c) && c.ValueKind != JsonValueKind.Null)
                    {
                        if (c.ValueKind != JsonValueKind.Number || !c.TryGetDecimal(out var d) || d < 0)
                        {
                            return "model_request costUsd must be a non-negative number";
                        }

                        cost = d;
                    }

                    writer.UpsertModelRequest(new ModelRequestRecord(
                        Str(record, "id") ?? $"{taskId}:{line}", task.SessionId, taskId, task.Agent, model, at ?? task.StartedAt,
                        new TokenCounts(input, output, cacheWrite, 0, cacheRead), SourceCostUsd: cost));
                    break;
                case "tool_call":
                    if (Str(record, "name") is not { } name)
                    {
                        return "tool_call needs a name";
                    }

                    var error = Str(record, "error");
                    bool? success = record.TryGetProperty("success", out var s) && s.ValueKind is JsonValueKind.True or JsonValueKind.False
                        ? s.GetBoolean()
                        : error is null ? null : false;
                    var outputText = record.TryGetProperty("output", out var o) && o.ValueKind != JsonValueKind.Null
                        ? (o.ValueKind == JsonValueKind.String ? o.GetString()! : o.GetRawText())
                        : null;
                    long? duration = record.TryGetProperty("durationMs", out var dms) && dms.ValueKind == JsonValueKind.Number && dms.TryGetInt64(out var ms) ? ms : null;
                    var inputJson = record.TryGetProperty("input", out var i) && i.ValueKind != JsonValueKind.Null ? i.GetRawText() : null;
                    writer.UpsertToolCall(new ToolCallRecord(
                        Str(record, "id") ?? $"{taskId}:{line}", task.SessionId, taskId, task.Agent, name, at ?? task.StartedAt,
                        inputJson is null ? null : Text(inputJson),
                        outputText is null ? null : Text(outputText),
                        error is null ? null : Text(error),
                        success,
                        duration,
                        outputText is null ? null : System.Text.Encoding.UTF8.GetByteCount(outputText),
                        EndedAt: at is { } end && duration is { } dur ? end.AddMilliseconds(dur) : null));
                    break;
                case "file_access":
                    if (Str(record, "path") is not { } file)
                    {
                        return "file_access needs a path";
                    }

                    FileAccessKind? kind = Str(record, "kind") switch
                    {
                        "provided" => FileAccessKind.Provided,
                        "read" => FileAccessKind.Read,
                        "written" => FileAccessKind.Write,
                        "searched" => FileAccessKind.Search,
                        _ => null,
                    };
                    if (kind is null)
                    {
                        return "file_access kind must be provided, read, written or searched";
                    }

                    writer.AddFileAccess(new FileAccessRecord(Str(record, "toolCall") ?? taskId, task.SessionId, taskId, file, kind.Value, at));
                    break;
                case "iteration":
                    if (!record.TryGetProperty("n", out var n) || n.ValueKind != JsonValueKind.Number || !n.TryGetInt32(out var number) || number < 1)
                    {
                        return "iteration needs n, a whole number from 1";
                    }

                    bool? passed = record.TryGetProperty("passed", out var p) && p.ValueKind is JsonValueKind.True or JsonValueKind.False ? p.GetBoolean() : null;
                    writer.UpsertIteration(new IterationRecord(taskId, task.SessionId, number, passed, at));
                    writer.UpsertTask(new TaskRecord(taskId, task.SessionId, task.Agent, null, task.StartedAt, Iterations: Math.Max(number, IterationsSoFar(taskId))));
                    _iterations[taskId] = Math.Max(number, IterationsSoFar(taskId));
                    break;
                case "outcome":
                    TaskOutcome? outcome = Str(record, "status") switch
                    {
                        "converged" => TaskOutcome.Converged,
                        "failed" => TaskOutcome.Failed,
                        "escalated" => TaskOutcome.Escalated,
                        "unknown" => TaskOutcome.Unknown,
                        _ => null,
                    };
                    if (outcome is null)
                    {
                        return "outcome status must be converged, failed, escalated or unknown";
                    }

                    int? score = null;
                    if (record.TryGetProperty("score", out var sc) && sc.ValueKind != JsonValueKind.Null)
                    {
                        if (sc.ValueKind != JsonValueKind.Number || !sc.TryGetInt32(out var v) || v is < 0 or > 100)
                        {
                            return "outcome score must be a whole number from 0 to 100";
                        }

                        score = v;
                    }

                    var evidence = record.TryGetProperty("evidence", out var ev) && ev.ValueKind != JsonValueKind.Null
                        ? (ev.ValueKind == JsonValueKind.String ? ev.GetString() : ev.GetRawText())
                        : null;
                    writer.UpsertTask(new TaskRecord(
                        taskId, task.SessionId, task.Agent, null, task.StartedAt, Outcome: outcome.Value,
                        OutcomeEvidence: evidence is null ? null : Text(evidence), Score: score));
                    break;
                case "learning":
                    if (Str(record, "text") is not { } text)
                    {
                        return "learning needs a text";
                    }

                    writer.UpsertLearning(new LearningRecord(Str(record, "id") ?? $"{taskId}:{line}", task.SessionId, taskId, task.Agent, Text(text), at));
                    break;
            }

            Touch(task.SessionId, task.Agent, at ?? task.StartedAt);
            return null;
        }

        private readonly Dictionary<string, int> _iterations = new(StringComparer.Ordinal);

        private int IterationsSoFar(string taskId) => _iterations.GetValueOrDefault(taskId);

        public void Flush()
        {
            foreach (var (id, (start, end, agent)) in _sessions)
            {
                writer.UpsertSession(new SessionRecord(id, agent, null, null, start, end));
            }
        }

        private string? TaskStart(JsonElement record, DateTimeOffset? time)
        {
            if (Str(record, "id") is not { } id)
            {
                return "task_start needs an id";
            }

            if (time is null)
            {
                return "task_start needs a timestamp";
            }

            var session = Str(record, "session") ?? DefaultSession;
            var agent = Str(record, "agent") ?? Agent;
            var description = Str(record, "description") is { } d ? Text(d) : null;
            if (description is { Length: > MaxDescriptionChars })
            {
                description = description[..MaxDescriptionChars];
            }

            Touch(session, agent, time.Value);
            var project = Str(record, "project");
            var cwd = Str(record, "cwd");
            if (project is not null || cwd is not null)
            {
                writer.UpsertSession(new SessionRecord(session, agent, project, cwd, time, time));
            }

            writer.UpsertTask(new TaskRecord(id, session, agent, description, time.Value, WorkflowType: Str(record, "workflow")));
            if (description is not null)
            {
                writer.UpsertPrompt(new PromptRecord(id, session, id, description, time.Value));
            }

            state.Tasks[id] = new TaskLogTask(session, agent, time.Value);
            return null;
        }

        /// <summary>The task a record points at; a task never started gets one in the default session, started now.</summary>
        private TaskLogTask Task(string taskId, JsonElement record, DateTimeOffset? time)
        {
            if (state.Tasks.TryGetValue(taskId, out var task))
            {
                return task;
            }

            var started = time ?? _last ?? DateTimeOffset.UnixEpoch;
            task = new TaskLogTask(Str(record, "session") ?? DefaultSession, Agent, started);
            writer.UpsertTask(new TaskRecord(taskId, task.SessionId, task.Agent, null, started));
            state.Tasks[taskId] = task;
            return task;
        }

        private void Touch(string session, string agent, DateTimeOffset time)
        {
            _sessions[session] = _sessions.TryGetValue(session, out var seen)
                ? (time < seen.Start ? time : seen.Start, time > seen.End ? time : seen.End, seen.Agent)
                : (time, time, agent);
        }

        private static string Text(string text) => ClaudeLineParser.Cap(SecretRedactor.Redact(text));

        private static string? Str(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static bool TryLong(JsonElement element, string name, out long value)
        {
            value = 0;
            if (!element.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out value) && value >= 0;
        }
    }
}
