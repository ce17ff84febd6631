namespace Outloop.Reporting.Usage;

/// <summary>
/// One row of a daily, monthly or session report, with ccusage's fields: <see cref="Period"/> is the local date
/// (<c>2026-02-11</c>), the month (<c>2026-02</c>) or the session id.
/// </summary>
public sealed record UsageRow(
    string Period,
    string Agent,
    IReadOnlyList<string> Agents,
    string? Project,
    DateTimeOffset LastActivity,
    long InputTokens,
    long OutputTokens,
    long CacheCreationTokens,
    long CacheReadTokens,
    decimal TotalCost,
    IReadOnlyList<string> ModelsUsed,
    IReadOnlyList<ModelBreakdown> ModelBreakdowns)
{
    public long TotalTokens => InputTokens + OutputTokens + CacheCreationTokens + CacheReadTokens;
}
