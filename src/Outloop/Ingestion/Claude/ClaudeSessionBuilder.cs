using Outloop.Storage;

namespace Outloop.Ingestion.Claude;

/// <summary>
/// Turns the parsed lines of one transcript, in file order, into the normalised model: the session, its tasks
/// (a task starts at a human prompt and owns everything until the next one), de-duplicated model requests, tool
/// calls with their results, file accesses and prompts.
/// </summary>
internal sealed class ClaudeSessionBuilder(ClaudeTranscriptFile file, ClaudeParserState state)
{
    private const string Agent = "claude";
    private const int MaxDescriptionChars = 2000;

    // A tool call is written once, when its result arrives (a row written and then rewritten with the result
    // costs twice); the response's several assistant lines become one request. Both are flushed at checkpoints.
    private readonly Dictionary<string, ToolCallRecord> _openToolCalls = new(StringComparer.Ordinal);
    private ModelRequestRecord? _pendingRequest;
    private string? _sessionId = state.SessionId;
    private string? _taskId = state.TaskId;
    private bool _taskHasWork = state.TaskHasWork;
    private string? _taskDescription = state.TaskDescription;
    private DateTimeOffset? _first;
    private DateTimeOffset? _last;
    private string? _cwd;
    private string? _version;
    private string? _branch;
    private string? _title;

    public string SessionId => _sessionId ?? file.FallbackSessionId;

    public bool HasSession => _first is not null || _sessionId is not null;

    public ClaudeParserState State => new(_sessionId, _taskId, _taskHasWork, _taskDescription);

    public void Apply(ClaudeLine line, IStoreWriter writer)
    {
        if (line.SessionId is { Length: > 0 } id)
        {
            _sessionId ??= id;
        }

        if (line.Timestamp is { } time)
        {
            _first = _first is { } f && f <= time ? f : time;
            _last = _last is { } l && l >= time ? l : time;
        }

        _cwd ??= line.Cwd;
        _version = line.Version ?? _version;
        _branch ??= string.IsNullOrEmpty(line.GitBranch) ? null : line.GitBranch;

        switch (line.Type)
        {
            case "user":
                ApplyUser(line, writer);
                break;
            case "assistant":
                ApplyAssistant(line, writer);
                break;
            case "summary":
                _title = line.Summary ?? _title;
                break;
            default:
                break;
        }
    }

    /// <summary>Writes the session row with everything learnt from this run of lines.</summary>
    public void Flush(IStoreWriter writer)
    {
        FlushRequest(writer);
        foreach (var call in _openToolCalls.Values)
        {
            writer.UpsertToolCall(call);
        }

        _openToolCalls.Clear();
        if (!HasSession)
        {
            return;
        }

        writer.UpsertSession(new SessionRecord(SessionId, Agent, file.Project, _cwd, _first, _last, _title, _version, _branch));
    }

    private bool InMainChain(ClaudeLine line) => !file.IsSubagent && !line.IsSidechain;

    private void ApplyUser(ClaudeLine line, IStoreWriter writer)
    {
        var time = line.Timestamp ?? _last ?? DateTimeOffset.UnixEpoch;
        if (line.ToolResults is { } results)
        {
            foreach (var result in results)
            {
                var outcome = new ToolCallRecord(
                    result.ToolUseId,
                    SessionId,
                    null,
                    Agent,
                    null,
                    ResultText: result.IsError ? null : result.Text,
                    ErrorText: result.IsError ? result.Text : null,
                    Success: !result.IsError,
                    ResultBytes: result.Bytes,
                    EndedAt: time,
                    IsSidechain: !InMainChain(line));
                writer.UpsertToolCall(_openToolCalls.Remove(result.ToolUseId, out var use)
                    ? use with
                    {
                        ResultText = outcome.ResultText,
                        ErrorText = outcome.ErrorText,
                        Success = outcome.Success,
                        ResultBytes = outcome.ResultBytes,
                        EndedAt = time,
                        DurationMs = use.StartedAt is { } started ? (long)(time - started).TotalMilliseconds : null,
                    }
                    : outcome);
                if (InMainChain(line) && _taskId is not null && HumanPrompt.IsInterruption(result.Text))
                {
                    writer.MarkTaskInterrupted(_taskId);
                }
            }
        }

        if (!InMainChain(line))
        {
            return;
        }

        if (HumanPrompt.IsInterruption(line.UserText))
        {
            if (_taskId is not null)
            {
                writer.MarkTaskInterrupted(_taskId);
            }

            return;
        }

        if (!HumanPrompt.Is(line))
        {
            return;
        }

        var text = line.UserText!;
        var lineId = line.Uuid ?? $"{SessionId}:{time.ToUnixTimeMilliseconds()}";
        if (_taskId is null || _taskHasWork)
        {
            _taskId = $"{SessionId}:{lineId}";
            _taskHasWork = false;
            _taskDescription = Shorten(text);
            writer.UpsertTask(new TaskRecord(_taskId, SessionId, Agent, _taskDescription, time));
        }
        else
        {
            // Prompts with no agent work between them (a slash command and its expansion) are one request.
            _taskDescription = Shorten(_taskDescription + "\n" + text);
            writer.UpsertTask(new TaskRecord(_taskId, SessionId, Agent, _taskDescription, time));
        }

        // Keyed by the prompt id where the transcript has one, so the UserPromptSubmit hook's record is the same row.
        writer.UpsertPrompt(new PromptRecord(line.PromptId ?? lineId, SessionId, _taskId, text, time));
    }

    private void ApplyAssistant(ClaudeLine line, IStoreWriter writer)
    {
        var time = line.Timestamp ?? _last ?? DateTimeOffset.UnixEpoch;
        var mainChain = InMainChain(line);
        if (mainChain)
        {
            _taskHasWork = true;
        }

        var taskId = mainChain ? _taskId : null;
        if (line.Usage is { } usage && line.Model is { } model && model != "<synthetic>")
        {
            var requestKey = line.MessageId ?? line.Uuid ?? $"{SessionId}:{time.ToUnixTimeMilliseconds()}";
            var request = new ModelRequestRecord(
                requestKey, SessionId, taskId, Agent, model, time, usage, !mainChain, line.RequestId, line.Speed,
                line.CostUsd, file.Project);
            if (_pendingRequest is { } pending && pending.Id == requestKey && pending.IsSidechain == request.IsSidechain)
            {
                // Same response, later line: the larger of each counter, the time of the fullest line (as ccusage).
                _pendingRequest = pending with
                {
                    Tokens = pending.Tokens.Max(usage),
                    Timestamp = usage.Total > pending.Tokens.Total ? time : pending.Timestamp,
                };
            }
            else
            {
                FlushRequest(writer);
                _pendingRequest = request;
            }
        }

        if (line.ToolUses is not { } uses)
        {
            return;
        }

        foreach (var use in uses)
        {
            _openToolCalls[use.Id] = new ToolCallRecord(
                use.Id, SessionId, taskId, Agent, use.Name, time, use.InputJson, RequestId: line.MessageId, IsSidechain: !mainChain);
            if (FileAccess(use) is { } access)
            {
                writer.AddFileAccess(new FileAccessRecord(use.Id, SessionId, taskId, access.Path, access.Kind, time));
            }
        }
    }

    private void FlushRequest(IStoreWriter writer)
    {
        if (_pendingRequest is { } request)
        {
            writer.UpsertModelRequest(request);
            _pendingRequest = null;
        }
    }

    private static (string Path, FileAccessKind Kind)? FileAccess(ClaudeToolUse use) => use.Name switch
    {
        "Read" when use.FilePath is { } p => (p, FileAccessKind.Read),
        "Write" or "Edit" or "MultiEdit" or "NotebookEdit" when use.FilePath is { } p => (p, FileAccessKind.Write),
        "Glob" or "Grep" or "LS" when use.SearchPath is { } p => (p, FileAccessKind.Search),
        _ => null,
    };

    private static string Shorten(string text) => text.Length <= MaxDescriptionChars ? text : text[..MaxDescriptionChars];
}
