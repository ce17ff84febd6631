using Outloop.Reporting.Pricing;
using Outloop.Reporting.Usage;

namespace Outloop.Tests.Reporting.Usage;

public sealed class UsageReportsTests
{
    private static readonly TimeZoneInfo PlusTwo = TimeZoneInfo.CreateCustomTimeZone("plus-two", TimeSpan.FromHours(2), "plus-two", "plus-two");

    [Fact]
    public void DailyGroupsByLocalDateOldestFirst()
    {
        var entries = new[]
        {
            Entries.At("2026-02-10T21:30:00Z", "claude-opus-4-6", 1_000, 100), // 23:30 local: Feb 10
            Entries.At("2026-02-10T22:30:00Z", "claude-haiku-4-5-20251001", 1_000, 100), // 00:30 local: Feb 11
            Entries.At("2026-02-09T12:00:00Z", "claude-haiku-4-5-20251001", 10, 10),
        };

        var report = UsageReports.Daily(entries, PriceTable.Default, PlusTwo);

        Assert.Equal(["2026-02-09", "2026-02-10", "2026-02-11"], report.Rows.Select(r => r.Period));
        Assert.Equal(["claude-opus-4-6"], report.Rows[1].ModelsUsed);
        Assert.Equal(0.0075m, report.Rows[1].TotalCost);
        Assert.Equal(0.0015m, report.Rows[2].TotalCost);
        Assert.Equal("all", report.Rows[0].Agent);
        Assert.Equal(["claude"], report.Rows[0].Agents);
    }

    [Fact]
    public void BreakdownsAreMostExpensiveFirstAndModelsUsedAlphabetical()
    {
        var entries = new[]
        {
            Entries.At("2026-02-11T10:00:00Z", "claude-haiku-4-5-20251001", 100, 10),
            Entries.At("2026-02-11T11:00:00Z", "claude-opus-4-6", 100, 10),
            Entries.At("2026-02-11T12:00:00Z", "claude-sonnet-4-5-20250929", 100, 10),
        };

        var row = Assert.Single(UsageReports.Daily(entries, PriceTable.Default, TimeZoneInfo.Utc).Rows);

        Assert.Equal(["claude-opus-4-6", "claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001"], row.ModelBreakdowns.Select(b => b.ModelName));
        Assert.Equal(["claude-haiku-4-5-20251001", "claude-opus-4-6", "claude-sonnet-4-5-20250929"], row.ModelsUsed);
        Assert.Equal(row.ModelBreakdowns.Sum(b => b.Cost), row.TotalCost);
    }

    [Fact]
    public void MonthlyGroupsByLocalMonthAndTotalsAddUp()
    {
        var entries = new[]
        {
            Entries.At("2026-01-31T23:30:00Z", "claude-opus-4-6", 1_000, 0), // Feb 1 local
            Entries.At("2026-01-15T10:00:00Z", "claude-opus-4-6", 2_000, 0),
            Entries.At("2026-02-20T10:00:00Z", "claude-opus-4-6", 4_000, 0, cacheRead: 1_000),
        };

        var report = UsageReports.Monthly(entries, PriceTable.Default, PlusTwo);

        Assert.Equal(["2026-01", "2026-02"], report.Rows.Select(r => r.Period));
        Assert.Equal([2_000L, 5_000L], report.Rows.Select(r => r.InputTokens));
        Assert.Equal(7_000, report.Totals.InputTokens);
        Assert.Equal(8_000, report.Totals.TotalTokens);
        Assert.Equal(0.0355m, report.Totals.TotalCost);
    }

    [Fact]
    public void SessionRowsAreMostExpensiveFirstWithTheirLastActivityAndAgent()
    {
        var entries = new[]
        {
            Entries.At("2026-02-11T10:00:00Z", "claude-haiku-4-5-20251001", 100, 10, session: "cheap"),
            Entries.At("2026-02-11T10:05:00Z", "gpt-5-codex", 100_000, 10, session: "dear", agent: "codex"),
            Entries.At("2026-02-11T12:00:00Z", "claude-haiku-4-5-20251001", 100, 10, session: "cheap"),
        };

        var report = UsageReports.Session(entries, PriceTable.Default);

        Assert.Equal(["dear", "cheap"], report.Rows.Select(r => r.Period));
        Assert.Equal("codex", report.Rows[0].Agent);
        Assert.Equal(DateTimeOffset.Parse("2026-02-11T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture), report.Rows[1].LastActivity);
    }

    [Fact]
    public void RecordedCostIsUsedWhenTheAgentWroteOne()
    {
        var entries = new[]
        {
            Entries.At("2026-02-11T10:00:00Z", "claude-opus-4-6", 1_000_000, 0, sourceCost: 1.25m),
            Entries.At("2026-02-11T10:01:00Z", "claude-opus-4-6", 1_000_000, 0),
        };

        var report = UsageReports.Daily(entries, PriceTable.Default, TimeZoneInfo.Utc);

        Assert.Equal(1.25m + 5m, report.Totals.TotalCost);
    }

    [Fact]
    public void UnknownModelsCostNothingAndAreListedWithTheirTokens()
    {
        var entries = new[]
        {
            Entries.At("2026-02-11T10:00:00Z", "llama-4-maverick", 100, 10, cacheRead: 5),
            Entries.At("2026-02-11T10:01:00Z", "llama-4-maverick", 200, 20),
            Entries.At("2026-02-11T10:02:00Z", "claude-opus-4-6", 1_000, 0),
        };

        var report = UsageReports.Daily(entries, PriceTable.Default, TimeZoneInfo.Utc);

        var unpriced = Assert.Single(report.UnpricedModels);
        Assert.Equal("llama-4-maverick", unpriced.Model);
        Assert.Equal(2, unpriced.Requests);
        Assert.Equal(new Outloop.Ingestion.TokenCounts(300, 30, 0, 0, 5), unpriced.Tokens);
        Assert.Equal(0.005m, report.Totals.TotalCost);
        Assert.Equal(335 + 1_000, report.Totals.TotalTokens);
    }

    [Fact]
    public void FastRequestsAreTheirOwnModelAndCostTheMultiplier()
    {
        var entries = new[]
        {
            Entries.At("2026-02-11T10:00:00Z", "claude-opus-4-6", 1_000, 0, speed: "fast"),
            Entries.At("2026-02-11T10:01:00Z", "claude-opus-4-6", 1_000, 0),
        };

        var row = Assert.Single(UsageReports.Daily(entries, PriceTable.Default, TimeZoneInfo.Utc).Rows);

        Assert.Equal(["claude-opus-4-6-fast", "claude-opus-4-6"], row.ModelBreakdowns.Select(b => b.ModelName));
        Assert.Equal([0.03m, 0.005m], row.ModelBreakdowns.Select(b => b.Cost));
    }
}
