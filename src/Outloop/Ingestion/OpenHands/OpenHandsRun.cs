using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Outloop.Storage;

namespace Outloop.Ingestion.OpenHands;

/// <summary>
/// Applies OpenHands events, in order, to one session and its one task. Actions that do work (<c>run</c>,
/// <c>read</c>, <c>edit</c>, <c>browse</c>, <c>finish</c>, ...) are tool calls keyed by event id; an observation
/// completes the call its <c>cause</c> names (legacy histories without ids pair it with the preceding action). A
/// run is failed when <c>success</c> is false or its exit code is not 0; an <c>error</c> observation without a
/// cause (a tool call OpenHands could not even parse) is a failed call of its own. The latest
/// <c>llm_metrics</c> snapshot is kept: its totals are running sums, so the last one is the run's total.
/// </summary>
internal sealed class OpenHandsRun(string sessionId, IStoreWriter writer, DateTimeOffset fallbackTime)
{
    public const string Agent = "openhands";

    /// <summary>Actions that are conversation or control, not work: they are not tool calls.</summary>
    internal static readonly HashSet<string> NonToolActions = new(StringComparer.Ordinal)
    {
        "message", "system", "recall", "null", "change_agent_state", "pause", "resume", "stop", "condensation",
        "start", "reject", "condensation_request",
    };

    /// <summary>Observations that report on a tool call.</summary>
    internal static readonly HashSet<string> ToolObservations = new(StringComparer.Ordinal)
    {
        "read", "write", "edit", "browse", "run", "run_ipython", "delegate", "error", "think", "user_rejected", "mcp",
        "download", "task_tracking", "loop_detection", "file_download",
    };

    private long? _pendingLegacyAction;
    private DateTimeOffset? _first;
    private DateTimeOffset? _last;

    public string SessionId => sessionId;

    public string TaskId => sessionId + ":task";

    public string? Description { get; private set; }

    public bool Finished { get; private set; }

    public bool ErrorState { get; private set; }

    /// <summary>The newest <c>llm_metrics</c> seen; valid while the document of the events applied is alive.</summary>
    public JsonElement? LatestMetrics { get; private set; }

    public string? ResponseModel { get; private set; }

    public int Events { get; private set; }

    public DateTimeOffset Start => _first ?? fallbackTime;

    public DateTimeOffset End => _last ?? Start;

    // Per line or per row: optimised at its first call (see CodexRollout.Apply).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(JsonElement ev, long index)
    {
        Events++;
        var id = ev.Long("id") ?? index;
        var time = ev.Time("timestamp") ?? _last ?? fallbackTime;
        _first = _first is { } f && f <= time ? f : time;
        _last = _last is { } l && l >= time ? l : time;
        if (ev.Get("llm_metrics") is { ValueKind: JsonValueKind.Object } metrics)
        {
            // Not cloned: every caller keeps the events' document alive until Flush, and each snapshot repeats all
            // earlier token usages, so a copy per event made a long run's import quadratic.
            LatestMetrics = metrics;
        }

        if (ev.Get("tool_call_metadata")?.Get("model_response")?.Str("model") is { } model)
        {
            ResponseModel = model;
        }

        if (ev.Str("action") is { } action)
        {
            ApplyAction(ev, action, id, time);
        }
        else if (ev.Str("observation") is { } observation)
        {
            ApplyObservation(ev, observation, id, time);
        }
    }

    /// <summary>Writes the session and the run's model request (from the latest metrics snapshot, or <paramref name="runMetrics"/>).</summary>
    public void Flush(string title, string? modelHint, JsonElement? runMetrics)
    {
        writer.UpsertSession(new SessionRecord(sessionId, Agent, null, null, Start, End, title));
        if ((runMetrics ?? LatestMetrics) is not { } metrics)
        {
            return;
        }

        var usage = metrics.Get("accumulated_token_usage");
        var usageModel = usage?.Str("model") is { } m && m != "default" ? m : null;
        var prompt = usage?.Long("prompt_tokens") ?? 0;
        var cacheRead = usage?.Long("cache_read_tokens") ?? 0;
        writer.UpsertModelRequest(new ModelRequestRecord(
            sessionId + ":run", sessionId, TaskId, Agent, modelHint ?? usageModel ?? ResponseModel ?? "unknown", End,
            new TokenCounts(Math.Max(0, prompt - cacheRead), usage?.Long("completion_tokens") ?? 0, usage?.Long("cache_write_tokens") ?? 0, 0, cacheRead),
            SourceCostUsd: metrics.Decimal("accumulated_cost")));
    }

    private void ApplyAction(JsonElement ev, string action, long id, DateTimeOffset time)
    {
        var args = ev.Get("args") ?? ev;
        if (action == "message" && Description is null && ev.Str("source") is "user" or null)
        {
            Description = StoredText.Prepare(StoredText.Shorten(HarnessPrompt.Task(args.Str("content") ?? ev.Str("message") ?? string.Empty)));
            return;
        }

        if (NonToolActions.Contains(action))
        {
            return;
        }

        var callId = $"{sessionId}:{id}";
        var finish = action == "finish";
        Finished |= finish;
        _pendingLegacyAction = ev.Get("id") is null ? id : null;
        writer.UpsertToolCall(new ToolCallRecord(
            callId, sessionId, TaskId, Agent, action, time, StoredText.Prepare(args.GetRawText()), Success: finish ? true : null));
        if (args.Str("path") is { Length: > 0 } path)
        {
            var kind = action == "read" ? FileAccessKind.Read : action is "write" or "edit" ? FileAccessKind.Write : (FileAccessKind?)null;
            if (kind is { } k)
            {
                writer.AddFileAccess(new FileAccessRecord(callId, sessionId, TaskId, path, k, time));
            }
        }
    }

    private void ApplyObservation(JsonElement ev, string observation, long id, DateTimeOffset time)
    {
        if (observation == "agent_state_changed")
        {
            ErrorState |= ev.Get("extras")?.Str("agent_state") == "error";
            return;
        }

        if (!ToolObservations.Contains(observation))
        {
            return;
        }

        long? cause = ev.Long("cause") ?? (ev.Get("id") is null ? _pendingLegacyAction : null);
        _pendingLegacyAction = null;
        var ok = Succeeded(ev, observation);
        var content = ev.Str("content") ?? ev.Str("message") ?? string.Empty;
        var text = StoredText.Prepare(content);
        writer.UpsertToolCall(new ToolCallRecord(
            $"{sessionId}:{cause ?? id}", sessionId, TaskId, Agent, cause is null ? observation : null, cause is null ? time : null,
            ResultText: ok ? text : null, ErrorText: ok ? null : text, Success: ok, ResultBytes: Encoding.UTF8.GetByteCount(content), EndedAt: time));
    }

    /// <summary>False for an error or rejection, a <c>success: false</c>, or a non-zero exit code.</summary>
    internal static bool Succeeded(JsonElement ev, string observation)
    {
        if (observation is "error" or "user_rejected")
        {
            return false;
        }

        if (ev.Bool("success") is { } success)
        {
            return success;
        }

        var exit = ev.Get("extras")?.Get("metadata")?.Long("exit_code") ?? ev.Get("extras")?.Long("exit_code") ?? ev.Long("exit_code");
        return exit is null or 0;
    }
}
