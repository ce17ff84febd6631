namespace Outloop.Automation.Simulation;

/// <summary>
/// Tokens and USD one replayed operation (or a sum of them) would have saved, by mechanism; see
/// <see cref="Simulator"/> for the formulas. USD are exact decimals, so sums of parts equal totals.
/// </summary>
/// <remarks><c>RoutingTokens</c>: Output tokens the agent would not have spent issuing the call, less the short script call.</remarks>
/// <remarks><c>CompactionTokens</c>: Result tokens the compact output would have removed.</remarks>
/// <remarks><c>WastedTokens</c>: What a wrong route costs: the script call and its compact result, read and then thrown away.</remarks>
internal sealed record Savings(
    long RoutingTokens,
    long CompactionTokens,
    long WastedTokens,
    decimal RoutingUsd,
    decimal CompactionUsd,
    decimal WastedUsd)
{
    public static readonly Savings Zero = new(0, 0, 0, 0m, 0m, 0m);

    /// <summary>Routing plus compaction minus waste.</summary>
    public long NetTokens => RoutingTokens + CompactionTokens - WastedTokens;

    /// <summary>Routing plus compaction minus waste.</summary>
    public decimal NetUsd => RoutingUsd + CompactionUsd - WastedUsd;

    public Savings Add(Savings other) => new(
        RoutingTokens + other.RoutingTokens,
        CompactionTokens + other.CompactionTokens,
        WastedTokens + other.WastedTokens,
        RoutingUsd + other.RoutingUsd,
        CompactionUsd + other.CompactionUsd,
        WastedUsd + other.WastedUsd);
}
