using Outloop.Reporting.Pricing;

namespace Outloop.Patterns;

/// <summary>Settings of a backfill; the defaults are MISSION.md's.</summary>
/// <param name="Prices">Prices the LLM and script costs are computed with.</param>
/// <param name="MinTasks">Tasks a signature or sequence must appear in to be a pattern (outerLoop.minOccurrences).</param>
/// <param name="LookbackDays">Window, ending at the newest call in the store, for failure-template confidence.</param>
/// <param name="SelfHealAfter">Successful recoveries of one template that make it a self-heal pattern.</param>
/// <param name="MinGroupTasks">Tasks a group of similar tasks needs to be an iteration or success pattern.</param>
internal sealed record BackfillOptions(
    PriceTable Prices,
    int MinTasks = 3,
    int LookbackDays = 30,
    int SelfHealAfter = 3,
    int MinGroupTasks = 2);
