namespace Outloop.Review;

/// <summary>
/// One applied guideline measured: its target (<see cref="TargetKind"/> <c>failure</c>, <c>iteration</c> or
/// <c>none</c>; the pattern ids; a line for a reader), the tasks before and after it was applied, the two-sided
/// Fisher p-value of the 2x2 table (null when a side has no task) and the verdict (<see cref="EffectivenessVerdict"/>).
/// <see cref="AfterFailureTaskIds"/> are tasks after the change that still showed the failure.
/// </summary>
internal sealed record EffectivenessRow(
    Proposal Guideline,
    string GuidelineText,
    DateTimeOffset AppliedAt,
    string TargetKind,
    IReadOnlyList<string> TargetPatternIds,
    string Target,
    EffectivenessSide Before,
    EffectivenessSide After,
    double? PValue,
    string Verdict,
    IReadOnlyList<string> AfterFailureTaskIds);
