namespace Outloop.Reporting.Usage;

/// <summary>
/// A 5-hour billing window as ccusage reports it. <see cref="Id"/> is the start time in RFC 3339 with
/// milliseconds, or <c>gap-&lt;time&gt;</c> for an idle stretch of more than one window between two blocks.
/// </summary>
public sealed record UsageBlock(
    string Id,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    DateTimeOffset? ActualEndTime,
    bool IsActive,
    bool IsGap,
    int Entries,
    long InputTokens,
    long OutputTokens,
    long CacheCreationInputTokens,
    long CacheReadInputTokens,
    decimal CostUsd,
    IReadOnlyList<string> Models,
    IReadOnlyList<ModelBreakdown> ModelBreakdowns,
    BurnRate? BurnRate,
    BlockProjection? Projection,
    TokenLimitStatus? TokenLimitStatus)
{
    public long TotalTokens => InputTokens + OutputTokens + CacheCreationInputTokens + CacheReadInputTokens;
}
