using System.Text.Json;
using Outloop.Storage;

namespace Outloop.Ingestion.OpenHands;

/// <summary>
/// One line of an OpenHands <c>output.jsonl</c>: an evaluation run (<c>instance_id</c>, <c>history</c>,
/// <c>metrics</c>, <c>test_result</c>, <c>error</c>) or a resolver run (<c>issue</c>, <c>success</c>,
/// <c>result_explanation</c>). The outcome comes from the strongest evidence present: an evaluation's
/// <c>resolved</c> flag, the resolver's <c>success</c>, an error (a limit is escalated, anything else failed), the
/// agent's finish action (converged, not evaluated).
/// </summary>
internal static class OpenHandsOutput
{
    private const string Agent = OpenHandsRun.Agent;

    public static void Write(SourceFile file, JsonElement run, long lineNumber, IStoreWriter writer)
    {
        if (run.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("expected a JSON object (one run per line)");
        }

        var name = run.Str("instance_id") ?? IssueName(run.Get("issue")) ?? $"line-{lineNumber}";
        var sessionId = $"{Agent}:{name}:{StoredText.PathKey(file.Path)}";
        var events = new OpenHandsRun(sessionId, writer, file.LastWrite);
        long index = 0;
        if (run.Get("history") is { ValueKind: JsonValueKind.Array } history)
        {
            foreach (var ev in history.EnumerateArray())
            {
                // Some old histories are [action, observation] pairs.
                if (ev.ValueKind == JsonValueKind.Array)
                {
                    foreach (var part in ev.EnumerateArray())
                    {
                        events.Apply(part, index++);
                    }
                }
                else
                {
                    events.Apply(ev, index++);
                }
            }
        }

        var description = events.Description ?? StoredText.Prepare(StoredText.Shorten(HarnessPrompt.Task(run.Str("instruction") ?? string.Empty)));
        var (outcome, evidence) = Outcome(run, events);
        writer.UpsertTask(new TaskRecord(
            events.TaskId, sessionId, Agent, string.IsNullOrEmpty(description) ? null : description, events.Start,
            Outcome: outcome, OutcomeEvidence: evidence, WorkflowType: run.Get("issue") is null ? "evaluation" : "resolver"));
        var model = run.Get("metadata")?.Get("llm_config")?.Str("model");
        events.Flush(name, model, run.Get("metrics") is { ValueKind: JsonValueKind.Object } m ? m : null);
    }

    private static (TaskOutcome, string?) Outcome(JsonElement run, OpenHandsRun events)
    {
        var report = run.Get("test_result")?.Get("report") ?? run.Get("report");
        if ((run.Get("test_result")?.Bool("resolved") ?? report?.Bool("resolved") ?? run.Bool("resolved")) is { } resolved)
        {
            return (resolved ? TaskOutcome.Converged : TaskOutcome.Failed, $"resolved={resolved.ToString().ToLowerInvariant()} in the evaluation result");
        }

        if (run.Bool("success") is { } success)
        {
            var why = run.Str("result_explanation") is { Length: > 0 } text ? ": " + StoredText.Shorten(text, 300) : string.Empty;
            return (success ? TaskOutcome.Converged : TaskOutcome.Failed, StoredText.Prepare($"success={success.ToString().ToLowerInvariant()}{why}"));
        }

        if (run.Str("error") is { Length: > 0 } error && error != "None")
        {
            var limit = error.Contains("maximum iteration", StringComparison.OrdinalIgnoreCase)
                        || error.Contains("budget", StringComparison.OrdinalIgnoreCase)
                        || error.Contains("context window", StringComparison.OrdinalIgnoreCase);
            return (limit ? TaskOutcome.Escalated : TaskOutcome.Failed, StoredText.Prepare("error: " + StoredText.Shorten(error, 300)));
        }

        return events.ErrorState ? (TaskOutcome.Failed, "agent state 'error'")
            : events.Finished ? (TaskOutcome.Converged, "finish action (not evaluated)")
            : (TaskOutcome.Unknown, null);
    }

    private static string? IssueName(JsonElement? issue) =>
        issue is { } i && i.Str("repo") is { } repo && i.Str("number") is { } number
            ? $"{i.Str("owner")}/{repo}#{number}"
            : null;
}
