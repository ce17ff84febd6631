namespace Outloop.Automation.Tools;

/// <summary>Decides from its run counts whether a tool or pattern may still be routed to.</summary>
internal static class ToolHealth
{
    /// <summary>The status after <paramref name="usage"/>: a declared non-active status always wins.</summary>
    public static ToolStatus Evaluate(ToolStatus declared, ToolUsage usage, bool isPattern, ToolHealthOptions options)
    {
        if (declared != ToolStatus.Active)
        {
            return declared;
        }

        if (isPattern)
        {
            var failureRate = usage.Runs == 0 ? 0 : (double)usage.Failures / usage.Runs;
            return usage.Failures >= options.MinFailuresToQuarantine && failureRate >= options.QuarantineFailureRate
                ? ToolStatus.Quarantined
                : ToolStatus.Active;
        }

        return usage.Runs >= options.MinRunsToDisable && usage.SuccessRate < options.DisableBelowSuccess
            ? ToolStatus.Disabled
            : ToolStatus.Active;
    }

    /// <summary>A sentence saying why a tool is not used, for the route's "why".</summary>
    public static string Describe(ToolStatus status, ToolUsage usage) => status switch
    {
        ToolStatus.Disabled when usage.Runs > 0 => $"disabled: {usage.Successes}/{usage.Runs} runs succeeded ({usage.SuccessRate:P0})",
        ToolStatus.Quarantined when usage.Runs > 0 => $"quarantined: {usage.Failures}/{usage.Runs} runs failed",
        ToolStatus.Disabled => "disabled in the registry",
        ToolStatus.Quarantined => "quarantined in the registry",
        _ => "active",
    };
}
