namespace Outloop.Reporting.Usage;

/// <summary>Where the active block ends if it keeps its burn rate to its end (ccusage's <c>projection</c>).</summary>
public sealed record BlockProjection(long TotalTokens, decimal TotalCost, long RemainingMinutes);
