using Outloop.Patterns;

namespace Outloop.Automation.Tools;

/// <summary>
/// What running a request did: the tool's result (null when it was not run), the agent's result (null when
/// the agent was not needed or none is configured), why the agent took over, and the tool's status afterwards.
/// </summary>
internal sealed record ToolRunReport(ProcessResult? Tool, ProcessResult? Agent, string? FallbackReason, ToolStatus ToolStatusAfter)
{
    public bool FellBack => FallbackReason is not null;

    /// <summary>The lifecycle change this run caused to its pattern (a quarantine), or null.</summary>
    public StatusChange? PatternChange { get; init; }

    /// <summary>The result the user sees: the agent's when it took over, else the tool's.</summary>
    public ProcessResult? Final => Agent ?? Tool;
}
