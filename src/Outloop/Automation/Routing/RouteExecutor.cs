using Outloop.Automation.Tools;
using Outloop.Ingestion;

namespace Outloop.Automation.Routing;

/// <summary>
/// Answers a request end to end: the router decides; a confident route runs the tool (validated arguments as separate
/// argv items) through <see cref="ToolRunner"/>, which falls back to the agent when the tool fails; an abstention
/// goes straight to the agent with the text as one argument. Returns the <see cref="RouteOutcome"/> to persist.
/// </summary>
internal sealed class RouteExecutor(Router router, ToolRunner runner, TimeProvider? clock = null)
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;

    public async Task<RouteExecution> ExecuteAsync(string text, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var decision = router.Decide(text);
        var target = decision.Best;
        var outcome = new RouteOutcome(
            time.GetUtcNow(), text, target?.Name, target?.Kind, target?.Tool.Name, decision.Confidence, decision.Routed, decision.Why);
        if (decision.Target is { } routed)
        {
            outcome = outcome with { ToolArgv = [.. routed.Tool.Command, .. decision.Arguments.Argv] };
        }

        if (dryRun)
        {
            return new RouteExecution(decision, null, outcome with { DryRun = true });
        }

        ToolRunReport report;
        if (decision.Target is { } chosen)
        {
            var invocation = new ToolInvocation(chosen.Tool, decision.Arguments.Argv, text)
            {
                PatternName = chosen.Kind == RouteTargetKind.Pattern ? chosen.Name : null,
            };
            report = await runner.RunAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var reason = $"confidence {decision.Confidence} below {router.Options.MinConfidence}";
            report = await runner.FallBackAsync(null, reason, ToolStatus.Active, text, cancellationToken).ConfigureAwait(false);
        }

        outcome = outcome with
        {
            ToolExitCode = report.Tool?.ExitCode,
            ToolDuration = report.Tool?.Duration,
            ToolTimedOut = report.Tool?.TimedOut ?? false,
            ToolSucceeded = report.Tool?.Succeeded ?? false,
            FallbackReason = report.FallbackReason,
            AgentRan = report.Agent is not null,
            AgentExitCode = report.Agent?.ExitCode,
            AgentDuration = report.Agent?.Duration,
            TokensSaved = report.Tool is { Succeeded: true } tool && decision.Target is { } done
                ? TokensSaved(text, tool, done.Tool.AgentTokens ?? router.Options.DefaultAgentTokens)
                : 0,
        };
        return new RouteExecution(decision, report, outcome);
    }

    /// <summary>
    /// What the agent would have spent: reading the request, reading the tool's full output (as it would have read
    /// the command's output), and its own turn (the tool's or the default figure).
    /// </summary>
    public static long TokensSaved(string text, ProcessResult tool, long agentTokens) =>
        TokenEstimator.Estimate(text) + TokenEstimator.Estimate(tool.Stdout) + TokenEstimator.Estimate(tool.Stderr) + agentTokens;
}
