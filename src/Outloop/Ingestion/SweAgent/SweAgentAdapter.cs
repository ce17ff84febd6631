using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Outloop.Storage;

namespace Outloop.Ingestion.SweAgent;

/// <summary>
/// Reads SWE-agent <c>.traj</c> files (0.x and 1.x): one session and one task per trajectory, one tool call per step
/// (the action, its observation as result), the run's <c>model_stats</c> as one model request carrying the
/// source-reported <c>instance_cost</c>, and the outcome from a label beside the file or from <c>exit_status</c>.
/// A trajectory is one JSON document, so a changed file is read again whole (upserts keep that idempotent).
/// </summary>
internal sealed class SweAgentAdapter : ISourceAdapter
{
    public const string Agent = "swe-agent";

    private readonly OutcomeLabels _labels = new();
    private readonly ConcurrentDictionary<string, (DateTime Written, string? Model)> _argsModels = new(StringComparer.Ordinal);

    public string Format => Agent;

    public bool CanRead(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".traj", StringComparison.OrdinalIgnoreCase)
        && head.TrimStart(" \t\r\n"u8).StartsWith("{"u8)
        && (head.IndexOf("\"trajectory\""u8) >= 0 || head.IndexOf("\"history\""u8) >= 0);

    public FileState Import(SourceFile file, IStoreWriter writer, ImportLog log)
    {
        if (StoredText.ParseDocument(file, log, "a SWE-agent trajectory") is not { } doc)
        {
            return StoredText.WholeFileState(file, Format, 0);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                log.Problem(0, "not a SWE-agent trajectory (the document is not a JSON object)");
                return StoredText.WholeFileState(file, Format, 0);
            }

            var steps = Write(file, root, writer);
            log.Lines = steps;
            return StoredText.WholeFileState(file, Format, steps);
        }
    }

    private int Write(SourceFile file, JsonElement root, IStoreWriter writer)
    {
        var instanceId = InstanceId(file.Path);
        var sessionId = $"{Agent}:{instanceId}:{StoredText.PathKey(file.Path)}";
        var taskId = sessionId + ":task";
        var time = file.LastWrite;
        var info = root.Get("info") ?? default;
        var steps = Steps(root);

        var cwd = steps.Select(s => s.WorkingDir).FirstOrDefault(d => d is not null);
        writer.UpsertSession(new SessionRecord(sessionId, Agent, null, cwd, time, time, instanceId, info.Str("swe_agent_version")));

        var label = _labels.Find(file.Path, instanceId);
        var (outcome, evidence) = label ?? SweAgentOutcome.From(info.Str("exit_status"), info.Str("submission"));
        writer.UpsertTask(new TaskRecord(
            taskId, sessionId, Agent, Description(root), time, Outcome: outcome, OutcomeEvidence: evidence, WorkflowType: Agent));

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var id = $"{sessionId}:{i}";
            var failed = SweAgentAction.IsFailure(step.Observation);
            var result = StoredText.Prepare(step.Observation);
            writer.UpsertToolCall(new ToolCallRecord(
                id, sessionId, taskId, Agent, SweAgentAction.ToolName(step.Action), time, StoredText.CommandJson(step.Action),
                failed ? null : result, failed ? result : null, !failed, step.DurationMs, Encoding.UTF8.GetByteCount(step.Observation),
                EndedAt: time));
            if (SweAgentAction.FileAccess(step.Action, step.OpenFile) is { } access)
            {
                writer.AddFileAccess(new FileAccessRecord(id, sessionId, taskId, access.Path, access.Kind, time));
            }
        }

        if (info.Get("model_stats") is { } stats)
        {
            var sent = stats.Long("tokens_sent") ?? 0;
            var received = stats.Long("tokens_received") ?? 0;
            var cost = stats.Decimal("instance_cost");
            if (sent + received > 0 || cost > 0 || stats.Long("api_calls") > 0)
            {
                writer.UpsertModelRequest(new ModelRequestRecord(
                    sessionId + ":run", sessionId, taskId, Agent, Model(file.Path, root) ?? "unknown", time,
                    new TokenCounts(sent, received, 0, 0, 0), SourceCostUsd: cost));
            }
        }

        return steps.Count;
    }

    private static string InstanceId(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".traj", StringComparison.OrdinalIgnoreCase) ? name[..^".traj".Length] : name;
    }

    /// <summary>The trajectory's steps; a file with only a <c>history</c> (some demonstrations) gives its action messages.</summary>
    private static List<Step> Steps(JsonElement root)
    {
        var steps = new List<Step>();
        if (root.Get("trajectory") is { ValueKind: JsonValueKind.Array } trajectory && trajectory.GetArrayLength() > 0)
        {
            foreach (var step in trajectory.EnumerateArray())
            {
                var state = step.Get("state") is { } s && s.ValueKind == JsonValueKind.String ? ParseState(s.GetString()) : step.Get("state");
                var seconds = step.Get("execution_time") is { ValueKind: JsonValueKind.Number } t ? t.GetDouble() : (double?)null;
                steps.Add(new Step(
                    step.Str("action") ?? string.Empty,
                    step.Str("observation") ?? string.Empty,
                    state?.Str("open_file"),
                    state?.Str("working_dir"),
                    seconds is { } sec ? (long)(sec * 1000) : null));
            }

            return steps;
        }

        if (root.Get("history") is not { ValueKind: JsonValueKind.Array } history)
        {
            return steps;
        }

        string? pending = null;
        foreach (var message in history.EnumerateArray())
        {
            var role = message.Str("role");
            if (role == "assistant" && message.Str("action") is { } action)
            {
                if (pending is not null)
                {
                    steps.Add(new Step(pending, string.Empty, null, null, null));
                }

                pending = action;
            }
            else if (pending is not null && role is "tool" or "user")
            {
                steps.Add(new Step(pending, message.ContentText() ?? string.Empty, null, null, null));
                pending = null;
            }
        }

        if (pending is not null)
        {
            steps.Add(new Step(pending, string.Empty, null, null, null));
        }

        return steps;
    }

    private static JsonElement? ParseState(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The first user message: the issue the run was given.</summary>
    private static string? Description(JsonElement root)
    {
        if (root.Get("history") is { ValueKind: JsonValueKind.Array } history)
        {
            foreach (var message in history.EnumerateArray())
            {
                if (message.Str("role") == "user" && message.ContentText() is { Length: > 0 } text)
                {
                    return StoredText.Prepare(StoredText.Shorten(HarnessPrompt.Task(text)));
                }
            }
        }

        return null;
    }

    /// <summary>The model from <c>replay_config</c> (1.x, a JSON string or object), else <c>args.yaml</c> beside the file (0.x).</summary>
    private string? Model(string path, JsonElement root)
    {
        if (root.Get("replay_config") is { } config)
        {
            var parsed = config.ValueKind == JsonValueKind.String ? ParseState(config.GetString()) : config;
            if (parsed?.Get("agent")?.Get("model") is { } model && (model.Str("name") ?? model.Str("model_name")) is { } name)
            {
                return name;
            }
        }

        var args = Path.Combine(Path.GetDirectoryName(path) ?? ".", "args.yaml");
        var written = File.GetLastWriteTimeUtc(args); // a far-past time when there is no such file
        if (written.Year < 1980)
        {
            return null;
        }

        // One args.yaml serves every trajectory of its run folder: read once per version of it, not once per file.
        var known = _argsModels.GetValueOrDefault(args);
        if (known.Written == written)
        {
            return known.Model;
        }

        var fromArgs = ArgsModel(args);
        _argsModels[args] = (written, fromArgs);
        return fromArgs;
    }

    private static string? ArgsModel(string args)
    {
        foreach (var line in File.ReadLines(args))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("model_name:", StringComparison.Ordinal))
            {
                return trimmed["model_name:".Length..].Trim().Trim('"', '\'');
            }
        }

        return null;
    }

    private sealed record Step(string Action, string Observation, string? OpenFile, string? WorkingDir, long? DurationMs);
}
