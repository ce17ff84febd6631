using Outloop.Automation.Candidates;
using Outloop.Automation.Issues;
using Outloop.Outputs;
using Outloop.Patterns;
using Outloop.Reporting;
using Outloop.Storage;

namespace Outloop.Automation.Simulation;

/// <summary>
/// Learns tools from the earlier sessions of the store and replays the later ones: which tool calls would have been
/// routed to a learned tool, which outputs compacted, what that would have saved and which routes would have been
/// wrong. Nothing is written to the store.
/// <para>Split: sessions starting before <see cref="SimulationOptions.Until"/>, or the first floor(F x N) sessions by
/// start time then id, are the training part; the others are replayed. Sessions without a start time are left out.</para>
/// <para>Learning: the training calls alone go through the pattern engine's costing and repetitive-operation analysis
/// (observed days span the training calls); an operation that meets the <c>outloop candidates</c> thresholds and is
/// scriptable (not a file, agent, web or MCP operation) becomes a tool whose command is its most common normalised
/// form in training, as <c>outloop tools generate</c> would make it.</para>
/// <para>Replay, per tool call of a replayed session (S = <see cref="OperationCosting.ScriptCallTokens"/>; out, res,
/// compact, k and the prices as <see cref="OperationCosting"/> defines them; read price = input + k x cache-read):</para>
/// <list type="bullet">
/// <item><b>routed</b>: its signature is a learned tool and its normalised command equals the tool's command.
/// Routing saves <c>out - S</c> tokens at the output price, compaction <c>res - compact</c> tokens at the read price;
/// together exactly the pattern's LLM cost minus script cost for that call.</item>
/// <item><b>wrong-route</b>: its signature is a learned tool but the agent ran another normalised command (other
/// options, another file filter, a pipe): the script would have run something the agent did not ask for. It saves
/// nothing by routing and wastes <c>S + compact</c> tokens (the script call and its result, estimated as large as the
/// compact form of the agent's own output, read and then thrown away), priced S at the output price and compact at
/// the read price. The agent's own run that follows may still be compacted by the hook (as below). A routed call
/// that failed is not a wrong route: the script reports the same failure, compactly.</item>
/// <item><b>compacted</b>: not a learned tool's signature, scriptable, and the compactor recognises the runner and
/// shrinks the output (the PostToolUse hook): saves <c>res - compact</c> tokens at the read price.</item>
/// </list>
/// Net = routing + compaction - waste. Tokens count the result once (as the patterns do); USD include cache re-reads.
/// </summary>
internal static class Simulator
{
    private static readonly CompactOptions Compaction = new();

    public static SimulationReport Run(SqliteStore store, SimulationOptions options)
    {
        var (training, replay, cutoff, undated) = Split(store.Sessions(new UsageFilter(Agent: options.Agent)), options);
        var trainingIds = training.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var replayIds = replay.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var source = new SqlitePatternStore(store);
        var requests = source.RequestsBySession();
        var trainingCalls = new List<AnalyzedCall>();
        var replayCalls = new List<ReplayCall>();
        var session = new List<StoredCall>();
        foreach (var call in source.Calls())
        {
            if (session.Count > 0 && session[0].SessionId != call.SessionId)
            {
                Analyze(session, requests, options, trainingIds, replayIds, trainingCalls, replayCalls);
                session.Clear();
            }

            session.Add(call);
        }

        Analyze(session, requests, options, trainingIds, replayIds, trainingCalls, replayCalls);

        var tools = Learn(trainingCalls, options);
        var bySignature = tools.ToDictionary(t => t.Signature, StringComparer.Ordinal);
        replayCalls.Sort((a, b) => Chronological(a.Call, b.Call));
        var operations = new List<SimulatedOperation>();
        foreach (var call in replayCalls)
        {
            if (Replay(call, bySignature.GetValueOrDefault(call.Call.Signature), options) is { } operation)
            {
                operations.Add(operation);
            }
        }

        var tasks = source.Tasks();
        var toolReplays = tools.Select(t =>
        {
            var mine = operations.Where(o => o.LearnedCommand is not null && o.Signature == t.Signature).ToList();
            return new ToolReplay(t, mine.Count, mine.Count(o => o.Outcome == ReplayOutcome.Routed), mine.Count(o => o.Outcome == ReplayOutcome.WrongRoute),
                mine.Count(o => o.Savings.CompactionTokens > 0), mine.Count(o => o.Outcome == ReplayOutcome.Routed && o.Failed), Sum(mine));
        }).ToList();
        var runners = operations.Where(o => o.Outcome == ReplayOutcome.Compacted)
            .GroupBy(o => o.Runner!, StringComparer.Ordinal)
            .Select(g => new RunnerReplay(g.Key, g.Count(), Sum(g)))
            .OrderByDescending(r => r.Savings.NetUsd).ThenBy(r => r.Runner, StringComparer.Ordinal)
            .ToList();
        return new SimulationReport(
            options, cutoff,
            Part(training, tasks, trainingCalls.Select(c => c.TaskId), trainingCalls.Count),
            Part(replay, tasks, replayCalls.Select(c => c.Call.TaskId), replayCalls.Count),
            undated, toolReplays, runners, operations,
            operations.Count(o => o.Outcome == ReplayOutcome.Routed),
            operations.Count(o => o.Outcome == ReplayOutcome.WrongRoute),
            operations.Count(o => o.Savings.CompactionTokens > 0),
            Sum(operations));
    }

    private static (List<SessionSummary> Training, List<SessionSummary> Replay, DateTimeOffset Cutoff, int Undated) Split(
        IReadOnlyList<SessionSummary> sessions, SimulationOptions options)
    {
        if (options.Until is null == options.TrainFraction is null)
        {
            throw new OutloopException("Say where to split the sessions: either --until DATE or --train-fraction F, not both.");
        }

        if (options.TrainFraction is { } f && !(f > 0 && f < 1))
        {
            throw new OutloopException($"--train-fraction {f} is not between 0 and 1 (exclusive), for example 0.5.");
        }

        var dated = sessions.Where(s => s.StartedAt is not null)
            .OrderBy(s => s.StartedAt!.Value).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var undated = sessions.Count - dated.Count;
        var agent = options.Agent is null ? "" : $" of agent {options.Agent}";
        if (dated.Count < 2)
        {
            throw new OutloopException($"The store holds {dated.Count} dated session(s){agent}: a simulation needs at least 2 (import more with `outloop import`).");
        }

        var span = $"{dated.Count} sessions{agent} start from {dated[0].StartedAt:yyyy-MM-dd HH:mm} to {dated[^1].StartedAt:yyyy-MM-dd HH:mm} UTC";
        List<SessionSummary> training, replay;
        DateTimeOffset cutoff;
        if (options.Until is { } until)
        {
            training = dated.Where(s => s.StartedAt < until).ToList();
            replay = dated.Where(s => s.StartedAt >= until).ToList();
            cutoff = until;
        }
        else
        {
            var count = (int)Math.Floor(options.TrainFraction!.Value * dated.Count);
            training = dated.Take(count).ToList();
            replay = dated.Skip(count).ToList();
            cutoff = replay[0].StartedAt!.Value;
        }

        if (training.Count == 0)
        {
            throw new OutloopException($"No session to learn from before {cutoff:yyyy-MM-dd HH:mm} UTC; {span}. Choose a later --until or a larger --train-fraction.");
        }

        if (replay.Count == 0)
        {
            throw new OutloopException($"No session to replay from {cutoff:yyyy-MM-dd HH:mm} UTC on; {span}. Choose an earlier --until or a smaller --train-fraction.");
        }

        return (training, replay, cutoff, undated);
    }

    private static void Analyze(
        List<StoredCall> session,
        Dictionary<string, List<StoredRequest>> requests,
        SimulationOptions options,
        HashSet<string> trainingIds,
        HashSet<string> replayIds,
        List<AnalyzedCall> trainingCalls,
        List<ReplayCall> replayCalls)
    {
        if (session.Count == 0)
        {
            return;
        }

        var id = session[0].SessionId;
        var isTraining = trainingIds.Contains(id);
        if (!isTraining && !replayIds.Contains(id))
        {
            return;
        }

        var sessionRequests = requests.GetValueOrDefault(id) ?? [];
        var analyzed = OperationCosting.Analyze(session, sessionRequests, options.Prices);
        if (isTraining)
        {
            trainingCalls.AddRange(analyzed);
            return;
        }

        var models = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var request in sessionRequests)
        {
            models.TryAdd(request.Id, request.Model);
        }

        for (var i = 0; i < session.Count; i++)
        {
            var stored = session[i];
            var call = analyzed[i];
            var issuing = stored.RequestId is { } requestId && models.TryGetValue(requestId, out var model) ? model : call.Cost.Model;
            replayCalls.Add(new ReplayCall(call, issuing, HookRunner(stored, call)));
        }
    }

    /// <summary>The runner the PostToolUse hook would recognise and compact, or null when it would leave the output alone.</summary>
    private static string? HookRunner(StoredCall stored, AnalyzedCall call)
    {
        if (!call.Cost.Scriptable || call.Cost.CompactTokens >= call.Cost.ResultTokens)
        {
            return null;
        }

        var text = stored.Success == false ? stored.ErrorText ?? stored.ResultText : stored.ResultText ?? stored.ErrorText;
        if (text is null)
        {
            return null;
        }

        var compact = OutputCompactor.Compact(call.Operation.NormalizedCommand, text, stored.Success switch { true => 0, false => 1, null => null }, Compaction);
        return compact.Recognised && compact.CompactTokens < compact.OriginalTokens ? compact.Runner : null;
    }

    private static List<LearnedTool> Learn(List<AnalyzedCall> calls, SimulationOptions options)
    {
        calls.Sort(Chronological);
        var timed = calls.Where(c => c.Ts is not null).ToList();
        var observedDays = timed.Count == 0 ? 1 : Math.Max(1, (StoreTime.Parse(timed[^1].Ts!) - StoreTime.Parse(timed[0].Ts!)).TotalDays);

        // A pattern needs MinTasks tasks to be detected at all; a lower --min-occurrences must still be able to pass.
        var defaults = new BackfillOptions(options.Prices);
        var backfill = defaults with { MinTasks = Math.Clamp(options.Candidates.MinOccurrences, 1, defaults.MinTasks) };
        var patterns = new List<PatternRecord>();
        RepetitiveOperations.Find(calls, backfill, observedDays, patterns, []);
        var scriptable = calls.Where(c => c.Cost.Scriptable).Select(c => c.Signature).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. patterns.Where(p => scriptable.Contains(p.Signature) && CandidateFinder.Qualifies(p, options.Candidates))
                .OrderByDescending(p => p.MonthlySavingsUsd).ThenBy(p => p.Id, StringComparer.Ordinal)
                .Select(p => new LearnedTool(p, IssueMarkdown.ToolName(p.Signature), p.Title)),
        ];
    }

    private static SimulatedOperation? Replay(ReplayCall replayed, LearnedTool? tool, SimulationOptions options)
    {
        var call = replayed.Call;
        var cost = call.Cost;
        var output = Price(options, replayed.IssuingModel).Output;
        var reading = Price(options, cost.Model);
        var read = reading.Input + (cost.Rereads * reading.CacheRead);
        const int s = OperationCosting.ScriptCallTokens;
        var shrink = cost.ResultTokens - cost.CompactTokens;
        string outcome;
        Savings savings;
        if (tool is not null && call.Operation.NormalizedCommand == tool.Command)
        {
            outcome = ReplayOutcome.Routed;
            savings = new Savings(cost.OutputShare - s, shrink, 0, (cost.OutputShare - s) * output, shrink * read, 0m);
        }
        else if (tool is not null)
        {
            outcome = ReplayOutcome.WrongRoute;
            var hook = replayed.HookRunner is null ? 0 : shrink;
            savings = new Savings(0, hook, s + cost.CompactTokens, 0m, hook * read, (s * output) + (cost.CompactTokens * read));
        }
        else if (replayed.HookRunner is not null)
        {
            outcome = ReplayOutcome.Compacted;
            savings = new Savings(0, shrink, 0, 0m, shrink * read, 0m);
        }
        else
        {
            return null;
        }

        return new SimulatedOperation(
            call.Id, call.SessionId, call.TaskId, call.Ts, call.Signature, call.Operation.NormalizedCommand, outcome, tool?.Command,
            replayed.HookRunner, call.Failed, replayed.IssuingModel, cost.Model, output, reading.Input, reading.CacheRead,
            cost.OutputShare, cost.ResultTokens, cost.CompactTokens, cost.Rereads, s, savings);
    }

    private static SimulationPart Part(List<SessionSummary> sessions, List<StoredTask> tasks, IEnumerable<string> callTasks, int calls)
    {
        var ids = sessions.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var taskIds = tasks.Where(t => ids.Contains(t.SessionId)).Select(t => t.Id).Concat(callTasks).ToHashSet(StringComparer.Ordinal);
        return new SimulationPart(sessions.Count, taskIds.Count, calls, sessions[0].StartedAt, sessions.Max(s => s.EndedAt ?? s.StartedAt));
    }

    private static Savings Sum(IEnumerable<SimulatedOperation> operations) =>
        operations.Aggregate(Savings.Zero, (sum, o) => sum.Add(o.Savings));

    private static (decimal Input, decimal Output, decimal CacheRead) Price(SimulationOptions options, string? model) =>
        model is not null && options.Prices.Find(model)?.Price is { } price ? (price.Input, price.Output, price.CacheRead) : (0m, 0m, 0m);

    private static int Chronological(AnalyzedCall a, AnalyzedCall b) =>
        string.CompareOrdinal(a.Ts, b.Ts) is var c && c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);

    /// <summary>A replayed call: its costing, the model that issued it, and the runner the hook would compact.</summary>
    private sealed record ReplayCall(AnalyzedCall Call, string? IssuingModel, string? HookRunner);
}
