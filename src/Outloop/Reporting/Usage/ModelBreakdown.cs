namespace Outloop.Reporting.Usage;

/// <summary>One model's share of a report row (ccusage's <c>modelBreakdowns[]</c>); fast-mode requests are their own <c>&lt;model&gt;-fast</c> entry.</summary>
public sealed record ModelBreakdown(
    string ModelName,
    long InputTokens,
    long OutputTokens,
    long CacheCreationTokens,
    long CacheReadTokens,
    decimal Cost)
{
    public long TotalTokens => InputTokens + OutputTokens + CacheCreationTokens + CacheReadTokens;
}
