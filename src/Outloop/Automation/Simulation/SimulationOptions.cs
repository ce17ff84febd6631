using Outloop.Automation.Candidates;
using Outloop.Reporting.Pricing;

namespace Outloop.Automation.Simulation;

/// <summary>
/// How <see cref="Simulator"/> splits the store and what it learns. Exactly one of <see cref="Until"/> and
/// <see cref="TrainFraction"/> is set.
/// </summary>
/// <remarks><c>Prices</c>: Prices the calls are costed with (the same table and formula as <c>outloop backfill</c>).</remarks>
internal sealed record SimulationOptions(PriceTable Prices)
{
    /// <summary>Sessions starting before this instant are learned from; the others are replayed.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>The first floor(F x N) of the N sessions, by start time then id, are learned from; the others are replayed.</summary>
    public double? TrainFraction { get; init; }

    /// <summary>Only sessions of this agent (both parts); null takes every agent.</summary>
    public string? Agent { get; init; }

    /// <summary>The thresholds a learned operation must meet to become a tool: the same as <c>outloop candidates</c>.</summary>
    public CandidateOptions Candidates { get; init; } = new();
}
