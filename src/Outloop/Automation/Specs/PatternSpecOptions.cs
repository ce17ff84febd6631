using Outloop.Automation.Candidates;
using Outloop.Configuration;

namespace Outloop.Automation.Specs;

/// <summary>
/// How specs are written (config <c>patterns.aggressive</c>, <c>patterns.autoApproveConfidence</c>): in aggressive
/// mode a draft at or above the confidence is approved by <see cref="AutoApprover"/>; otherwise every spec is a draft.
/// </summary>
internal sealed record PatternSpecOptions
{
    /// <summary>Who the status history names for an automatic approval.</summary>
    public const string AutoApprover = "outloop (aggressive mode)";

    public bool Aggressive { get; init; }

    public int AutoApproveConfidence { get; init; } = 75;

    /// <summary>Thresholds for <c>--all-candidates</c> (config <c>automation.*</c>).</summary>
    public CandidateOptions Candidates { get; init; } = new();

    /// <summary>How many task ids a spec lists as evidence.</summary>
    public int EvidenceCount { get; init; } = 5;

    /// <summary>How many distinct command forms a spec lists, most frequent first.</summary>
    public int TypicalCommandCount { get; init; } = 3;

    public static PatternSpecOptions From(OutloopConfig config) => new()
    {
        Aggressive = config.Boolean("patterns.aggressive"),
        AutoApproveConfidence = config.Integer("patterns.autoApproveConfidence"),
        Candidates = new CandidateOptions
        {
            MinOccurrences = config.Integer("automation.minOccurrences"),
            MinConfidence = config.Integer("automation.minConfidence"),
            MinMonthlySavingsUsd = config.Number("automation.minMonthlySavingsUsd"),
        },
    };
}
