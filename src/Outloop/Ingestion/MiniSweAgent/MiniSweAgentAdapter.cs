using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Outloop.Storage;

namespace Outloop.Ingestion.MiniSweAgent;

/// <summary>
/// Reads mini-swe-agent <c>.traj.json</c> files: one session and one task per trajectory; each assistant message
/// with exactly one fenced bash block (what mini-swe-agent executes; zero or several blocks are a format error it
/// answers without running anything) is a tool call whose result is the next user message, successful when its
/// <c>&lt;returncode&gt;</c> is 0; each message's own usage is a model request (else the run's
/// <c>model_stats</c>); the outcome comes from <c>labels.csv</c> or <c>reports/&lt;id&gt;/report.json</c> beside the
/// trajectories, else from <c>exit_status</c>.
/// </summary>
internal sealed partial class MiniSweAgentAdapter : ISourceAdapter
{
    public const string Agent = "mini-swe-agent";

    private const string Extension = ".traj.json";

    private readonly OutcomeLabels _labels = new();

    public string Format => Agent;

    public bool CanRead(string path, ReadOnlySpan<byte> head) =>
        head.TrimStart(" \t\r\n"u8).StartsWith("{"u8)
        && (path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) || head.IndexOf("\"mini-swe-agent"u8) >= 0)
        && (head.IndexOf("\"messages\""u8) >= 0 || head.IndexOf("\"info\""u8) >= 0);

    public FileState Import(SourceFile file, IStoreWriter writer, ImportLog log)
    {
        if (StoredText.ParseDocument(file, log, "a mini-swe-agent trajectory") is not { } doc)
        {
            return StoredText.WholeFileState(file, Format, 0);
        }

        using (doc)
        {
            if (doc.RootElement.Get("messages") is not { ValueKind: JsonValueKind.Array } messages)
            {
                log.Problem(0, "not a mini-swe-agent trajectory (no 'messages' array)");
                return StoredText.WholeFileState(file, Format, 0);
            }

            Write(file, doc.RootElement, messages, writer);
            log.Lines = messages.GetArrayLength();
            return StoredText.WholeFileState(file, Format, log.Lines);
        }
    }

    /// <summary>The commands mini-swe-agent would run for this assistant text: exactly one fenced bash block, or none.</summary>
    internal static string? Command(string text)
    {
        var matches = BashBlock().Matches(text);
        return matches.Count == 1 ? matches[0].Groups[1].Value : null;
    }

    /// <summary>Whether an observation shows the command succeeded: return code 0, or output without a code (the submission).</summary>
    internal static bool Succeeded(string observation)
    {
        var code = ReturnCode().Match(observation);
        if (code.Success)
        {
            return code.Groups[1].ValueSpan.Trim() is "0";
        }

        return !observation.Contains("timed out", StringComparison.Ordinal);
    }

    private void Write(SourceFile file, JsonElement root, JsonElement messages, IStoreWriter writer)
    {
        var instanceId = root.Str("instance_id") ?? InstanceId(file.Path);
        var sessionId = $"{Agent}:{instanceId}:{StoredText.PathKey(file.Path)}";
        var taskId = sessionId + ":task";
        var info = root.Get("info") ?? default;
        var configModel = info.Get("config")?.Get("model")?.Str("model_name");
        var list = messages.EnumerateArray().ToList();

        DateTimeOffset? first = null;
        DateTimeOffset? last = null;
        string? description = null;
        var sawUsage = false;
        for (var i = 0; i < list.Count; i++)
        {
            var message = list[i];
            var role = message.Str("role");
            var own = MessageTime(message);
            if (own is { } t)
            {
                first ??= t;
                last = t;
            }

            var time = own ?? last ?? FirstTime(list) ?? file.LastWrite;
            if (role == "user" && description is null)
            {
                description = StoredText.Prepare(StoredText.Shorten(HarnessPrompt.Task(message.ContentText() ?? string.Empty)));
                continue;
            }

            if (role != "assistant")
            {
                continue; // an observation's text is read once, as the result of the call before it
            }

            var text = message.ContentText() ?? string.Empty;

            if (message.Get("extra")?.Get("response") is { } response && response.Get("usage") is { } usage)
            {
                sawUsage = true;
                var prompt = usage.Long("prompt_tokens") ?? 0;
                var cached = usage.Get("prompt_tokens_details")?.Long("cached_tokens") ?? 0;
                writer.UpsertModelRequest(new ModelRequestRecord(
                    response.Str("id") ?? $"{sessionId}:{i}", sessionId, taskId, Agent, response.Str("model") ?? configModel ?? "unknown",
                    time, new TokenCounts(Math.Max(0, prompt - cached), usage.Long("completion_tokens") ?? 0, 0, 0, cached),
                    SourceCostUsd: usage.Decimal("cost")));
            }

            if (Command(text) is not { } command)
            {
                continue;
            }

            var observation = i + 1 < list.Count && list[i + 1].Str("role") is "user" or "tool" ? list[i + 1].ContentText() ?? string.Empty : null;
            var ok = observation is null ? (bool?)null : Succeeded(observation);
            var result = StoredText.Prepare(observation);
            var id = $"{sessionId}:{i}";
            writer.UpsertToolCall(new ToolCallRecord(
                id, sessionId, taskId, Agent, "bash", time, StoredText.CommandJson(command),
                ok == false ? null : result, ok == false ? result : null, ok, null,
                observation is null ? null : Encoding.UTF8.GetByteCount(observation)));
        }

        var start = first ?? file.LastWrite;
        writer.UpsertSession(new SessionRecord(sessionId, Agent, null, null, start, last ?? start, instanceId, info.Str("mini_version")));
        var (outcome, evidence) = _labels.Find(file.Path, instanceId) ?? Outcome(info);
        writer.UpsertTask(new TaskRecord(taskId, sessionId, Agent, description, start, Outcome: outcome, OutcomeEvidence: evidence, WorkflowType: Agent));

        if (!sawUsage && info.Get("model_stats") is { } stats)
        {
            writer.UpsertModelRequest(new ModelRequestRecord(
                sessionId + ":run", sessionId, taskId, Agent, configModel ?? "unknown", last ?? start,
                new TokenCounts(stats.Long("tokens_sent") ?? 0, stats.Long("tokens_received") ?? 0, 0, 0, 0),
                SourceCostUsd: stats.Decimal("instance_cost")));
        }
    }

    private static (TaskOutcome, string?) Outcome(JsonElement info)
    {
        var status = info.Str("exit_status");
        if (string.IsNullOrEmpty(status))
        {
            return (TaskOutcome.Unknown, null);
        }

        var evidence = $"exit_status={status}";
        return status switch
        {
            "Submitted" when !string.IsNullOrWhiteSpace(info.Str("submission")) => (TaskOutcome.Converged, evidence + " with a submission"),
            "LimitsExceeded" or "TimeoutError" => (TaskOutcome.Escalated, evidence),
            _ => (TaskOutcome.Failed, evidence),
        };
    }

    /// <summary>The first time any message carries: the system and task messages have none of their own.</summary>
    private static DateTimeOffset? FirstTime(List<JsonElement> messages)
    {
        foreach (var message in messages)
        {
            if (MessageTime(message) is { } time)
            {
                return time;
            }
        }

        return null;
    }

    private static DateTimeOffset? MessageTime(JsonElement message)
    {
        var extra = message.Get("extra");
        if (extra?.Get("timestamp") is { ValueKind: JsonValueKind.Number } ts && ts.TryGetDouble(out var seconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
        }

        return extra?.Get("response")?.Long("created") is { } created ? DateTimeOffset.FromUnixTimeSeconds(created) : null;
    }

    private static string InstanceId(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? name[..^Extension.Length] : Path.GetFileNameWithoutExtension(name);
    }

    [GeneratedRegex(@"```bash\s*\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"<returncode>(.*?)</returncode>", RegexOptions.Singleline)]
    private static partial Regex ReturnCode();
}
