using System.Globalization;
using Outloop.Reporting.Pricing;

namespace Outloop.Reporting.Usage;

/// <summary>
/// Builds ccusage-compatible daily, monthly and session reports from de-duplicated requests. Pure: the same
/// requests, prices and time zone always give the same report.
/// </summary>
public static class UsageReports
{
    /// <summary>One row per local date (<paramref name="timeZone"/>, default the machine's), oldest first.</summary>
    public static UsageReport Daily(IEnumerable<UsageEntry> entries, PriceTable prices, TimeZoneInfo? timeZone = null)
    {
        var zone = timeZone ?? TimeZoneInfo.Local;
        return ByPeriod(UsageReportKind.Daily, entries, prices, e => LocalTime(e, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>One row per local month, oldest first.</summary>
    public static UsageReport Monthly(IEnumerable<UsageEntry> entries, PriceTable prices, TimeZoneInfo? timeZone = null)
    {
        var zone = timeZone ?? TimeZoneInfo.Local;
        return ByPeriod(UsageReportKind.Monthly, entries, prices, e => LocalTime(e, zone).ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }

    /// <summary>One row per session id, most expensive first (ccusage's order); the row's agent is the session's.</summary>
    public static UsageReport Session(IEnumerable<UsageEntry> entries, PriceTable prices)
    {
        var pricer = new EntryPricer(prices);
        var groups = Group(entries, pricer, e => e.SessionId);
        var rows = groups
            .Select(g =>
            {
                var breakdowns = g.Value.Breakdowns();
                return ToRow(g.Key, g.Value.Agents[0], g.Value, [.. breakdowns.Select(b => b.ModelName)], breakdowns);
            })
            .OrderByDescending(r => r.TotalCost)
            .ThenByDescending(r => r.LastActivity)
            .ThenBy(r => r.Period, StringComparer.Ordinal)
            .ToList();
        return new UsageReport(UsageReportKind.Session, rows, UsageTotals.Of(rows), pricer.Unpriced());
    }

    private static UsageReport ByPeriod(UsageReportKind kind, IEnumerable<UsageEntry> entries, PriceTable prices, Func<UsageEntry, string> period)
    {
        var pricer = new EntryPricer(prices);
        var rows = Group(entries, pricer, period)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ToRow(g.Key, "all", g.Value, [.. g.Value.Models.Order(StringComparer.Ordinal)], g.Value.Breakdowns()))
            .ToList();
        return new UsageReport(kind, rows, UsageTotals.Of(rows), pricer.Unpriced());
    }

    private static Dictionary<string, UsageAccumulator> Group(IEnumerable<UsageEntry> entries, EntryPricer pricer, Func<UsageEntry, string> key)
    {
        var groups = new Dictionary<string, UsageAccumulator>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var name = key(entry);
            if (!groups.TryGetValue(name, out var group))
            {
                group = new UsageAccumulator();
                groups[name] = group;
            }

            group.Add(entry, EntryPricer.Label(entry), pricer.Cost(entry));
        }

        return groups;
    }

    private static UsageRow ToRow(string period, string agent, UsageAccumulator sums, IReadOnlyList<string> models, IReadOnlyList<ModelBreakdown> breakdowns) => new(
        period,
        agent,
        [.. sums.Agents.Order(StringComparer.Ordinal)],
        sums.Project,
        sums.Last,
        sums.Input,
        sums.Output,
        sums.CacheCreation,
        sums.CacheRead,
        sums.Cost,
        models,
        breakdowns);

    private static DateTimeOffset LocalTime(UsageEntry entry, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(entry.Timestamp, zone);
}
