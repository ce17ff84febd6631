namespace Outloop.Reporting.Usage;

/// <summary>How fast the active block spends, from its first to its last request (ccusage's <c>burnRate</c>).</summary>
public sealed record BurnRate(double TokensPerMinute, double TokensPerMinuteForIndicator, double CostPerHour);
