using System.Globalization;
using Outloop.Reporting.Pricing;

namespace Outloop.Reporting.Usage;

/// <summary>
/// Cuts requests into ccusage's billing blocks: a block starts at the hour (UTC) of its first request and lasts the
/// session length; a request more than one length after the block's start or after the previous request starts a
/// new block, and an idle stretch longer than one length becomes a gap block.
/// </summary>
public static class BlockReports
{
    public static BlocksReport Build(IEnumerable<UsageEntry> entries, PriceTable prices, BlockOptions options)
    {
        var pricer = new EntryPricer(prices);
        var length = options.Length;
        var now = options.Clock.GetUtcNow();
        var blocks = new List<UsageBlock>();
        UsageAccumulator? current = null;
        var start = default(DateTimeOffset);
        foreach (var entry in entries.OrderBy(e => e.Timestamp))
        {
            if (current is not null && (entry.Timestamp - start > length || entry.Timestamp - current.Last > length))
            {
                blocks.Add(Close(start, current, length, now));
                if (entry.Timestamp - current.Last > length)
                {
                    blocks.Add(Gap(current.Last + length, entry.Timestamp));
                }

                current = null;
            }

            if (current is null)
            {
                current = new UsageAccumulator();
                start = FloorToHour(entry.Timestamp);
            }

            current.Add(entry, EntryPricer.Label(entry), pricer.Cost(entry));
        }

        if (current is not null)
        {
            blocks.Add(Close(start, current, length, now));
        }

        var limit = options.TokenLimitMax
            ? blocks.Where(b => !b.IsGap && !b.IsActive).Select(b => (long?)b.TotalTokens).DefaultIfEmpty(null).Max()
            : options.TokenLimit;
        if (limit is > 0)
        {
            blocks = [.. blocks.Select(b => b.Projection is { } p ? b with { TokenLimitStatus = Status(limit.Value, p.TotalTokens) } : b)];
        }

        return new BlocksReport(blocks, limit, pricer.Unpriced());
    }

    /// <summary>The RFC 3339 form ccusage uses for block times and ids: UTC with milliseconds.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static UsageBlock Close(DateTimeOffset start, UsageAccumulator sums, TimeSpan length, DateTimeOffset now)
    {
        var end = start + length;
        var isActive = now - sums.Last < length && now < end;
        var burnRate = isActive ? Burn(sums) : null;
        var projection = burnRate is null ? null : Project(sums, burnRate, end, now);
        return new UsageBlock(
            FormatTime(start),
            start,
            end,
            sums.Last,
            isActive,
            false,
            sums.Entries,
            sums.Input,
            sums.Output,
            sums.CacheCreation,
            sums.CacheRead,
            sums.Cost,
            [.. sums.Models],
            sums.Breakdowns(),
            burnRate,
            projection,
            null);
    }

    private static UsageBlock Gap(DateTimeOffset start, DateTimeOffset end) =>
        new("gap-" + FormatTime(start), start, end, null, false, true, 0, 0, 0, 0, 0, 0m, [], [], null, null, null);

    private static BurnRate? Burn(UsageAccumulator sums)
    {
        var minutes = (sums.Last - sums.First).TotalMinutes;
        if (minutes <= 0)
        {
            return null;
        }

        return new BurnRate(
            sums.TotalTokens / minutes,
            (sums.Input + sums.Output) / minutes,
            (double)sums.Cost / minutes * 60);
    }

    // ccusage rounds the remaining minutes first and projects with the rounded value.
    private static BlockProjection Project(UsageAccumulator sums, BurnRate rate, DateTimeOffset end, DateTimeOffset now)
    {
        var remaining = (long)Math.Round((end - now).TotalMinutes, MidpointRounding.AwayFromZero);
        var tokens = (long)Math.Round(sums.TotalTokens + (rate.TokensPerMinute * remaining), MidpointRounding.AwayFromZero);
        var cost = Math.Round(sums.Cost + ((decimal)rate.CostPerHour / 60m * remaining), 2, MidpointRounding.AwayFromZero);
        return new BlockProjection(tokens, cost, remaining);
    }

    private static TokenLimitStatus Status(long limit, long projected)
    {
        var status = projected > limit ? "exceeds" : projected > limit * BlockOptions.WarningThreshold ? "warning" : "ok";
        return new TokenLimitStatus(limit, projected, (double)projected / limit * 100, status);
    }

    private static DateTimeOffset FloorToHour(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
