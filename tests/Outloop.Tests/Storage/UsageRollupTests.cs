using Outloop.Ingestion;
using Outloop.Reporting;
using Outloop.Reporting.Pricing;
using Outloop.Reporting.Usage;
using Outloop.Storage;
using Outloop.Tests.Support;

namespace Outloop.Tests.Storage;

public sealed class UsageRollupTests
{
    [Fact]
    public void RolledUpUsageCostsExactlyWhatItsRequestsCostOneByOne()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("store.db"));
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        using (var writer = store.BeginWrite())
        {
            // Sonnet 4.5 has a >200k tier: 40 requests of 150k cache reads each sum far above it, one request is above it.
            for (var i = 0; i < 40; i++)
            {
                writer.UpsertModelRequest(new ModelRequestRecord(
                    $"m{i}", "s1", null, "claude", "claude-sonnet-4-5-20250929", start.AddMinutes(i), new TokenCounts(10, 100, 1000, 0, 150_000)));
            }

            writer.UpsertModelRequest(new ModelRequestRecord(
                "big", "s1", null, "claude", "claude-sonnet-4-5-20250929", start.AddMinutes(41), new TokenCounts(250_000, 100, 0, 0, 0)));
            writer.UpsertModelRequest(new ModelRequestRecord(
                "paid", "s1", null, "swe-agent", "gpt-4o", start.AddMinutes(42), new TokenCounts(5, 5, 0, 0, 0), SourceCostUsd: 0.25m));
            writer.Commit();
        }

        var oneByOne = UsageReports.Daily(store.Usage(new UsageFilter()), PriceTable.Default);
        var rolled = store.UsageRollup(new UsageFilter()).ToList();
        var fromRollup = UsageReports.Daily(rolled, PriceTable.Default);

        Assert.True(rolled.Count < 10, $"expected the 40 small requests summed into a few rows, got {rolled.Count}");
        Assert.Equal(42, rolled.Sum(r => r.Requests));
        Assert.Equal(UsageJson.Write(oneByOne), UsageJson.Write(fromRollup));
    }
}
