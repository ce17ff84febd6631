namespace Outloop.Automation.Candidates;

/// <summary>
/// When a repetitive operation becomes an automation candidate (config <c>automation.*</c>, seed 001 phase 4) and
/// what scripting it is estimated to cost.
/// </summary>
/// <remarks>
/// The implementation cost is an estimate: <see cref="ImplementationHours"/> x <see cref="HourlyRateUsd"/>, by
/// default 1 hour at $60 = $60, the time a person spends reviewing, testing and registering a script that
/// <c>outloop tools generate</c> drafts. Payback and ROI are only as good as this estimate; both are configurable.
/// </remarks>
internal sealed record CandidateOptions
{
    public int MinOccurrences { get; init; } = 5;

    public int MinConfidence { get; init; } = 70;

    public double MinMonthlySavingsUsd { get; init; } = 0.50;

    public double ImplementationHours { get; init; } = 1;

    public double HourlyRateUsd { get; init; } = 60;

    public double ImplementationCostUsd => ImplementationHours * HourlyRateUsd;
}
