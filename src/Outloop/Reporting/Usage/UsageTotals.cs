namespace Outloop.Reporting.Usage;

/// <summary>The sum of a report's rows (ccusage's <c>totals</c>).</summary>
public sealed record UsageTotals(long InputTokens, long OutputTokens, long CacheCreationTokens, long CacheReadTokens, decimal TotalCost)
{
    public long TotalTokens => InputTokens + OutputTokens + CacheCreationTokens + CacheReadTokens;

    public static UsageTotals Of(IEnumerable<UsageRow> rows)
    {
        long input = 0, output = 0, creation = 0, read = 0;
        var cost = 0m;
        foreach (var row in rows)
        {
            input += row.InputTokens;
            output += row.OutputTokens;
            creation += row.CacheCreationTokens;
            read += row.CacheReadTokens;
            cost += row.TotalCost;
        }

        return new UsageTotals(input, output, creation, read, cost);
    }
}
