using Outloop.Patterns;

namespace Outloop.Automation.Candidates;

/// <summary>
/// A repetitive operation worth scripting, with its return on investment (formulas of seed 000):
/// savings per use = (LLM cost - script cost) / calls; payback months = implementation cost / monthly savings;
/// annual ROI % = (12 x monthly savings - implementation cost) / implementation cost x 100.
/// </summary>
internal sealed record AutomationCandidate(
    PatternRecord Pattern,
    string Status,
    double SavingsPerUseUsd,
    double ImplementationCostUsd,
    double PaybackMonths,
    double AnnualRoiPercent)
{
    public double MonthlySavingsUsd => Pattern.MonthlySavingsUsd;

    public double AnnualSavingsUsd => Pattern.MonthlySavingsUsd * 12;
}
