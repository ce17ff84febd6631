namespace Outloop.Automation.Tools;

/// <summary>
/// When a tool stops being trusted (config <c>tool.disableBelowSuccess</c>, <c>quarantineFailureRate</c>).
/// Tools are disabled below <see cref="DisableBelowSuccess"/> after <see cref="MinRunsToDisable"/> runs;
/// patterns are quarantined at <see cref="QuarantineFailureRate"/> failures after <see cref="MinFailuresToQuarantine"/>.
/// </summary>
internal sealed record ToolHealthOptions
{
    public double DisableBelowSuccess { get; init; } = 0.80;

    public int MinRunsToDisable { get; init; } = 5;

    public double QuarantineFailureRate { get; init; } = 0.40;

    public int MinFailuresToQuarantine { get; init; } = 3;
}
