using System.Globalization;
using System.Text;
using System.Text.Json;
using Outloop.Ingestion.Claude;
using Outloop.Ingestion.Redaction;

namespace Outloop.Ingestion.TaskLog;

/// <summary>
/// One task-log line after the parallel parse: a single <see cref="Utf8JsonReader"/> pass validates the JSON, reads
/// every field the import uses, redacts and caps the texts, and checks the record's own rules. What depends on earlier
/// lines (the task's session, the last time seen) is left to <see cref="TaskLogRun"/>.
/// </summary>
internal sealed class TaskLogLine
{
    public const int MaxDescriptionChars = 2000;

    public static readonly string[] TypeNames = ["task_start", "model_request", "tool_call", "file_access", "iteration", "outcome", "learning"];

    private const long Invalid = -1;

    private TaskLogLine()
    {
    }

    /// <summary>Why the line is skipped before anything of it is applied (not an object, unknown type, bad timestamp).</summary>
    public string? Error { get; private set; }

    /// <summary>Why the record breaks its type's rules; applied after its timestamp and task have been taken in.</summary>
    public string? Violation { get; private set; }

    public TaskLogRecordType Type { get; private set; }

    public DateTimeOffset? Time { get; private set; }

    public string? Id { get; private set; }

    public string? Task { get; private set; }

    public string? Session { get; private set; }

    public string? Agent { get; private set; }

    /// <summary>The task's description, redacted, capped and cut to <see cref="MaxDescriptionChars"/>.</summary>
    public string? Description { get; private set; }

    public string? Workflow { get; private set; }

    public string? Project { get; private set; }

    public string? Cwd { get; private set; }

    public string? Model { get; private set; }

    public TokenCounts Tokens { get; private set; } = new(0, 0, 0, 0, 0);

    public decimal? CostUsd { get; private set; }

    public string? Name { get; private set; }

    /// <summary>The call's input as its JSON text, redacted and capped.</summary>
    public string? InputJson { get; private set; }

    /// <summary>The call's output (a string, or the JSON text of another value), redacted and capped.</summary>
    public string? Output { get; private set; }

    /// <summary>The output's UTF-8 size before redaction.</summary>
    public long? OutputBytes { get; private set; }

    public string? ErrorText { get; private set; }

    public bool? Success { get; private set; }

    public long? DurationMs { get; private set; }

    public string? Path { get; private set; }

    public FileAccessKind Kind { get; private set; }

    public string? ToolCall { get; private set; }

    public int Number { get; private set; }

    public bool? Passed { get; private set; }

    public TaskOutcome Outcome { get; private set; }

    public int? Score { get; private set; }

    public string? Evidence { get; private set; }

    public string? Text { get; private set; }

    public string TypeName => TypeNames[(int)Type];

    /// <summary>
    /// Reads one non-blank line; throws <see cref="JsonException"/> when it is not valid JSON and
    /// <see cref="FormatException"/> when a string in it is not valid UTF-8.
    /// </summary>
    public static TaskLogLine Parse(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return Read(bytes.Span);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"not valid text ({e.Message})", e);
        }
    }

    private static TaskLogLine Read(ReadOnlySpan<byte> span)
    {
        var reader = new Utf8JsonReader(span);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            reader.Read(); // anything after the value is invalid JSON, which is reported as such
            return new TaskLogLine { Error = "not a task-log record (expected a JSON object)" };
        }

        var fields = new Fields();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            fields.Read(ref reader, span);
        }

        reader.Read();
        return fields.ToLine();
    }

    private static string Clean(string text) => ClaudeLineParser.Cap(SecretRedactor.Redact(text));

    /// <summary>The raw values of one line as read (the last of a repeated name wins, as in a parsed document).</summary>
    private struct Fields
    {
        private string? _type, _id, _task, _session, _agent, _description, _workflow, _project, _cwd, _model, _name;
        private string? _input, _output, _error, _path, _kind, _toolCall, _status, _evidence, _text;
        private bool _hasTimestamp, _badTimestamp, _badCost, _badScore;
        private DateTimeOffset? _time;
        private long _inputTokens, _outputTokens, _cacheRead, _cacheWrite;
        private decimal? _cost;
        private bool? _success, _passed;
        private long? _duration;
        private int _n;
        private int? _score;

        public void Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
        {
            Span<byte> buffer = stackalloc byte[32];
            var name = reader.ValueIsEscaped ? buffer[..Unescape(ref reader, buffer)] : reader.ValueSpan;
            reader.Read();
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8):
                    _id = Str(ref reader);
                    break;
                case 1 when name[0] == (byte)'n':
                    _n = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var n) && n >= 1 ? n : 0;
                    reader.Skip();
                    break;
                case 4 when name.SequenceEqual("type"u8):
                    _type = Str(ref reader);
                    break;
                case 4 when name.SequenceEqual("task"u8):
                    _task = Str(ref reader);
                    break;
                case 4 when name.SequenceEqual("path"u8):
                    _path = Str(ref reader);
                    break;
                case 4 when name.SequenceEqual("kind"u8):
                    _kind = Str(ref reader);
                    break;
                case 4 when name.SequenceEqual("name"u8):
                    _name = Str(ref reader);
                    break;
                case 4 when name.SequenceEqual("text"u8):
                    _text = Str(ref reader);
                    break;
                case 3 when name.SequenceEqual("cwd"u8):
                    _cwd = Str(ref reader);
                    break;
                case 5 when name.SequenceEqual("agent"u8):
                    _agent = Str(ref reader);
                    break;
                case 5 when name.SequenceEqual("model"u8):
                    _model = Str(ref reader);
                    break;
                case 5 when name.SequenceEqual("input"u8):
                    _input = reader.TokenType == JsonTokenType.Null ? null : Raw(ref reader, line);
                    break;
                case 5 when name.SequenceEqual("error"u8):
                    _error = Str(ref reader);
                    break;
                case 5 when name.SequenceEqual("score"u8):
                    _badScore = false;
                    _score = null;
                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var score) && score is >= 0 and <= 100)
                        {
                            _score = score;
                        }
                        else
                        {
                            _badScore = true;
                            reader.Skip();
                        }
                    }

                    break;
                case 6 when name.SequenceEqual("output"u8):
                    _output = StrOrRaw(ref reader, line);
                    break;
                case 6 when name.SequenceEqual("status"u8):
                    _status = Str(ref reader);
                    break;
                case 6 when name.SequenceEqual("passed"u8):
                    _passed = Bool(ref reader);
                    break;
                case 7 when name.SequenceEqual("session"u8):
                    _session = Str(ref reader);
                    break;
                case 7 when name.SequenceEqual("project"u8):
                    _project = Str(ref reader);
                    break;
                case 7 when name.SequenceEqual("costUsd"u8):
                    _badCost = false;
                    _cost = null;
                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var cost) && cost >= 0)
                        {
                            _cost = cost;
                        }
                        else
                        {
                            _badCost = true;
                            reader.Skip();
                        }
                    }

                    break;
                case 7 when name.SequenceEqual("success"u8):
                    _success = Bool(ref reader);
                    break;
                case 8 when name.SequenceEqual("workflow"u8):
                    _workflow = Str(ref reader);
                    break;
                case 8 when name.SequenceEqual("toolCall"u8):
                    _toolCall = Str(ref reader);
                    break;
                case 8 when name.SequenceEqual("evidence"u8):
                    _evidence = StrOrRaw(ref reader, line);
                    break;
                case 9 when name.SequenceEqual("timestamp"u8):
                    _hasTimestamp = true;
                    _time = reader.TokenType == JsonTokenType.String ? ReadTime(ref reader) : null;
                    _badTimestamp = _time is null;
                    reader.Skip();
                    break;
                case 10 when name.SequenceEqual("durationMs"u8):
                    _duration = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var ms) ? ms : null;
                    reader.Skip();
                    break;
                case 11 when name.SequenceEqual("inputTokens"u8):
                    _inputTokens = Count(ref reader);
                    break;
                case 11 when name.SequenceEqual("description"u8):
                    _description = Str(ref reader);
                    break;
                case 12 when name.SequenceEqual("outputTokens"u8):
                    _outputTokens = Count(ref reader);
                    break;
                case 15 when name.SequenceEqual("cacheReadTokens"u8):
                    _cacheRead = Count(ref reader);
                    break;
                case 16 when name.SequenceEqual("cacheWriteTokens"u8):
                    _cacheWrite = Count(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        public readonly TaskLogLine ToLine()
        {
            var index = _type is null ? -1 : Array.IndexOf(TypeNames, _type);
            if (index < 0)
            {
                return new TaskLogLine
                {
                    Error = $"unknown record type {(_type is null ? "(none)" : _type)}; expected one of {string.Join(", ", TypeNames)}",
                };
            }

            if (_hasTimestamp && _badTimestamp)
            {
                return new TaskLogLine { Error = "timestamp is not an ISO-8601 date and time" };
            }

            var type = (TaskLogRecordType)index;
            var line = new TaskLogLine { Type = type, Time = _time, Id = _id, Task = _task, Session = _session };
            switch (type)
            {
                case TaskLogRecordType.TaskStart:
                    line.Violation = _id is null ? "task_start needs an id" : _time is null ? "task_start needs a timestamp" : null;
                    if (line.Violation is null)
                    {
                        line.Agent = _agent;
                        line.Description = _description is null ? null : Clean(_description);
                        if (line.Description is { Length: > MaxDescriptionChars })
                        {
                            line.Description = line.Description[..MaxDescriptionChars];
                        }

                        line.Workflow = _workflow;
                        line.Project = _project;
                        line.Cwd = _cwd;
                    }

                    break;
                case TaskLogRecordType.ModelRequest:
                    line.Violation = _model is null ? "model_request needs a model"
                        : _inputTokens == Invalid || _outputTokens == Invalid || _cacheRead == Invalid || _cacheWrite == Invalid
                            ? "model_request token counts must be non-negative whole numbers"
                        : _badCost ? "model_request costUsd must be a non-negative number"
                        : null;
                    line.Model = _model;
                    line.Tokens = new TokenCounts(_inputTokens, _outputTokens, _cacheWrite, 0, _cacheRead);
                    line.CostUsd = _cost;
                    break;
                case TaskLogRecordType.ToolCall:
                    line.Violation = _name is null ? "tool_call needs a name" : null;
                    if (line.Violation is null)
                    {
                        line.Name = _name;
                        line.Success = _success ?? (_error is null ? null : false);
                        line.DurationMs = _duration;
                        line.InputJson = _input is null ? null : Clean(_input);
                        line.Output = _output is null ? null : Clean(_output);
                        line.OutputBytes = _output is null ? null : Encoding.UTF8.GetByteCount(_output);
                        line.ErrorText = _error is null ? null : Clean(_error);
                    }

                    break;
                case TaskLogRecordType.FileAccess:
                    FileAccessKind? kind = _kind switch
                    {
                        "provided" => FileAccessKind.Provided,
                        "read" => FileAccessKind.Read,
                        "written" => FileAccessKind.Write,
                        "searched" => FileAccessKind.Search,
                        _ => null,
                    };
                    line.Violation = _path is null ? "file_access needs a path"
                        : kind is null ? "file_access kind must be provided, read, written or searched"
                        : null;
                    line.Path = _path;
                    line.Kind = kind ?? default;
                    line.ToolCall = _toolCall;
                    break;
                case TaskLogRecordType.Iteration:
                    line.Violation = _n < 1 ? "iteration needs n, a whole number from 1" : null;
                    line.Number = _n;
                    line.Passed = _passed;
                    break;
                case TaskLogRecordType.Outcome:
                    TaskOutcome? outcome = _status switch
                    {
                        "converged" => TaskOutcome.Converged,
                        "failed" => TaskOutcome.Failed,
                        "escalated" => TaskOutcome.Escalated,
                        "unknown" => TaskOutcome.Unknown,
                        _ => null,
                    };
                    line.Violation = outcome is null ? "outcome status must be converged, failed, escalated or unknown"
                        : _badScore ? "outcome score must be a whole number from 0 to 100"
                        : null;
                    line.Outcome = outcome ?? default;
                    line.Score = _score;
                    line.Evidence = line.Violation is null && _evidence is not null ? Clean(_evidence) : null;
                    break;
                case TaskLogRecordType.Learning:
                    line.Violation = _text is null ? "learning needs a text" : null;
                    line.Text = _text is null ? null : Clean(_text);
                    break;
            }

            return line;
        }

        private static int Unescape(ref Utf8JsonReader reader, scoped Span<byte> buffer)
        {
            // Unescaping never lengthens a name; one longer than the buffer is longer than any the import reads.
            return reader.ValueSpan.Length <= buffer.Length ? reader.CopyString(buffer) : 0;
        }

        private static string? Str(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return reader.GetString();
            }

            reader.Skip();
            return null;
        }

        private static bool? Bool(ref Utf8JsonReader reader)
        {
            var value = reader.TokenType switch
            {
                JsonTokenType.True => true,
                JsonTokenType.False => (bool?)false,
                _ => null,
            };
            reader.Skip();
            return value;
        }

        /// <summary>A whole count: missing or null is 0; anything but a non-negative integer is <see cref="Invalid"/>.</summary>
        private static long Count(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return 0;
            }

            var value = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var n) && n >= 0 ? n : Invalid;
            reader.Skip();
            return value;
        }

        /// <summary>A string's value, or another value's JSON text exactly as written; null for null.</summary>
        private static string? StrOrRaw(ref Utf8JsonReader reader, ReadOnlySpan<byte> line) => reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            _ => Raw(ref reader, line),
        };

        /// <summary>The JSON text of the current value exactly as written in the line (what a document's raw text gives).</summary>
        private static string Raw(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            return Encoding.UTF8.GetString(line[start..(int)reader.BytesConsumed]);
        }

        private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader)
        {
            // The reader's ISO-8601 parser agrees with DateTimeOffset.TryParse for a time with a zone; a time without
            // one is taken as UTC there, and local here, so it goes the slow way.
            if (!reader.ValueIsEscaped && reader.TryGetDateTimeOffset(out var fast))
            {
                var span = reader.ValueSpan;
                if (span.Length > 10 && (span[^1] is (byte)'Z' or (byte)'z' || span[10..].IndexOfAny((byte)'+', (byte)'-') >= 0))
                {
                    return fast.ToUniversalTime();
                }
            }

            return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                ? time
                : null;
        }
    }
}
