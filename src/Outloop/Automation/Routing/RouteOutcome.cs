namespace Outloop.Automation.Routing;

/// <summary>
/// One routed (or fallen-back) request, as the store keeps it in <c>cost_savings</c>
/// (optimization type <c>pattern_offload</c>): what was decided and why, what ran, how it ended, and the tokens the
/// agent did not have to spend. <see cref="TokensSaved"/> is zero whenever the agent had to do the work.
/// </summary>
internal sealed record RouteOutcome(
    DateTimeOffset At,
    string Text,
    string? Target,
    RouteTargetKind? TargetKind,
    string? Tool,
    int Confidence,
    bool Routed,
    string Why)
{
    public const string OptimizationType = "pattern_offload";

    public IReadOnlyList<string> ToolArgv { get; init; } = [];

    public int? ToolExitCode { get; init; }

    public TimeSpan? ToolDuration { get; init; }

    public bool ToolTimedOut { get; init; }

    public bool ToolSucceeded { get; init; }

    /// <summary>Why the agent took the request (low confidence, tool failed, tool disabled), or null when the tool answered.</summary>
    public string? FallbackReason { get; init; }

    /// <summary>True when the configured agent command was run.</summary>
    public bool AgentRan { get; init; }

    public int? AgentExitCode { get; init; }

    public TimeSpan? AgentDuration { get; init; }

    public long TokensSaved { get; init; }

    /// <summary>True when nothing was run (a dry run).</summary>
    public bool DryRun { get; init; }
}
