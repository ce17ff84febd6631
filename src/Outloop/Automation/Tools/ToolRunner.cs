using Outloop.Patterns;

namespace Outloop.Automation.Tools;

/// <summary>
/// Runs a routed tool as an argument array in the project folder with a time limit, keeps its success counts,
/// and hands the request to the agent command (text as one argument) when the tool is disabled, fails, times out
/// or cannot start. A tool is disabled once its success rate drops below the threshold after enough runs;
/// a pattern is quarantined when it fails too often. With a <see cref="PatternQuarantine"/> the pattern is also found
/// through the tool that implements it, and its quarantine is a lifecycle status kept in the store.
/// </summary>
internal sealed class ToolRunner(ToolRunnerOptions options, IToolStatsSink stats, PatternQuarantine? patterns = null)
{
    public ToolRunnerOptions Options => options;

    /// <summary>The tool's current status, from its declared status and its run counts.</summary>
    public ToolStatus StatusOf(ToolDefinition tool) =>
        ToolHealth.Evaluate(tool.Status, stats.Get(tool.Name), isPattern: false, options.Health);

    /// <summary>A pattern's current status from its run counts.</summary>
    public ToolStatus StatusOfPattern(string patternName) =>
        ToolHealth.Evaluate(ToolStatus.Active, stats.Get(patternName), isPattern: true, options.Health);

    public async Task<ToolRunReport> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken = default)
    {
        var tool = invocation.Tool;
        var status = StatusOf(tool);
        if (status != ToolStatus.Active)
        {
            var reason = $"tool '{tool.Name}' is {ToolHealth.Describe(status, stats.Get(tool.Name))}";
            return await FallBackAsync(null, reason, status, invocation.RequestText, cancellationToken).ConfigureAwait(false);
        }

        var patternKey = invocation.PatternName is { } name ? patterns?.Resolve(name) ?? name : patterns?.PatternOfTool(tool.Name);
        if (patternKey is not null && patterns?.Blocked(patternKey) is { } blocked)
        {
            return await FallBackAsync(null, blocked, status, invocation.RequestText, cancellationToken).ConfigureAwait(false);
        }

        if (patternKey is not null && StatusOfPattern(patternKey) is var patternStatus && patternStatus != ToolStatus.Active)
        {
            var reason = $"pattern '{patternKey}' is {ToolHealth.Describe(patternStatus, stats.Get(patternKey))}";
            return await FallBackAsync(null, reason, status, invocation.RequestText, cancellationToken).ConfigureAwait(false);
        }

        var spec = new ProcessSpec(invocation.Argv, options.WorkingDirectory, tool.Timeout ?? options.DefaultToolTimeout);
        var result = await ProcessRunner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        var usage = stats.Record(tool.Name, result.Succeeded);
        StatusChange? patternChange = null;
        if (patternKey is not null)
        {
            var patternUsage = stats.Record(patternKey, result.Succeeded);
            patternChange = patterns?.Observe(patternKey, patternUsage);
        }

        var after = ToolHealth.Evaluate(tool.Status, usage, isPattern: false, options.Health);
        var report = result.Succeeded
            ? new ToolRunReport(result, null, null, after)
            : await FallBackAsync(result, $"tool '{tool.Name}' failed: {result.FailureReason}", after, invocation.RequestText, cancellationToken)
                .ConfigureAwait(false);
        return report with { PatternChange = patternChange };
    }

    /// <summary>Gives the request to the agent; the report's Agent is null when no agent command is configured.</summary>
    public async Task<ToolRunReport> FallBackAsync(
        ProcessResult? toolResult, string reason, ToolStatus toolStatus, string requestText, CancellationToken cancellationToken = default)
    {
        if (options.Agent is not { } agent)
        {
            return new ToolRunReport(toolResult, null, reason, toolStatus);
        }

        var spec = new ProcessSpec(agent.For(requestText), options.WorkingDirectory, options.AgentTimeout);
        var agentResult = await ProcessRunner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        return new ToolRunReport(toolResult, agentResult, reason, toolStatus);
    }
}
