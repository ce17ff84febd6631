namespace Outloop.Reporting.Usage;

/// <summary>The active block's projection against <c>--token-limit</c>: <c>ok</c>, <c>warning</c> (over 80%) or <c>exceeds</c>.</summary>
public sealed record TokenLimitStatus(long Limit, long ProjectedUsage, double PercentUsed, string Status);
