using Outloop.Ingestion;
using Outloop.Ingestion.Claude;
using Outloop.Reporting;
using Outloop.Reporting.Pricing;
using Outloop.Reporting.Usage;
using Outloop.Storage;
using Outloop.Tests.Support;

namespace Outloop.Tests.Reporting.Usage;

/// <summary>
/// Imports the shared Claude transcripts, prices them and compares each day's per-model tokens and cost with
/// ccusage 20.0.24 (<c>ccusage-parity data/claude daily</c>, numbers below): importer, store, prices and grouping
/// end to end.
/// </summary>
public sealed class CcusageParityTests(ITestOutputHelper output)
{
    // (day, model, input, output, cache creation, cache read, ccusage cost) from ccusage 20.0.24 `daily --json --offline`.
    private static readonly (string Day, string Model, long Input, long Output, long Creation, long Read, decimal Cost)[] Ccusage =
    [
        ("2026-01-02", "claude-haiku-4-5-20251001", 860, 1_632, 8_467, 223_265, 0.04193025m),
        ("2026-02-10", "claude-opus-4-6", 1_633, 1_811, 57_373, 527_032, 0.890686m),
        ("2026-02-10", "claude-haiku-4-5-20251001", 243, 35, 53_723, 553_201, 0.1631841m),
        ("2026-02-11", "claude-opus-4-6", 2_667, 79_231, 615_226, 30_846_029, 23.569384499999995m),
        ("2026-02-11", "claude-sonnet-4-5-20250929", 15, 3, 42_176, 34_159, 0.2633937m),
        ("2026-02-11", "claude-haiku-4-5-20251001", 94, 33, 13_554, 299_487, 0.057315700000000004m),
        ("2026-02-12", "claude-opus-4-6", 1_780, 84_621, 967_869, 32_961_954, 24.654583249999995m),
        ("2026-02-12", "claude-haiku-4-5-20251001", 272, 29_924, 239_968, 11_568_586, 1.6067105999999995m),
        ("2026-02-12", "claude-sonnet-4-5-20250929", 2_461, 143, 90_071, 633_430, 0.5373232499999999m),
    ];

    [Fact]
    public void DailyCostsMatchCcusageWithinHalfAPercent()
    {
        var transcripts = SharedData.Require("claude");
        using var folder = new TempFolder();
        using var store = SqliteStore.Open(folder.File("outloop.db"));
        new ClaudeImporter(store).Import([transcripts], new ImportOptions());
        var report = UsageReports.Daily(store.Usage(new UsageFilter()), PriceTable.Default, TimeZoneInfo.Utc);

        var ours = report.Rows.SelectMany(r => r.ModelBreakdowns.Select(b => (r.Period, b))).ToDictionary(x => (x.Period, x.b.ModelName), x => x.b);
        var worst = 0m;
        foreach (var expected in Ccusage)
        {
            var actual = ours[(expected.Day, expected.Model)];
            var difference = (actual.Cost - expected.Cost) / expected.Cost;
            worst = Math.Max(worst, Math.Abs(difference));
            output.WriteLine($"{expected.Day} {expected.Model,-28} ccusage {expected.Cost,22} outloop {actual.Cost,22} diff {difference:E2}");
            Assert.Equal((expected.Input, expected.Output, expected.Creation, expected.Read), (actual.InputTokens, actual.OutputTokens, actual.CacheCreationTokens, actual.CacheReadTokens));
        }

        output.WriteLine($"total ccusage 51.78451135000001 outloop {report.Totals.TotalCost}; worst relative difference {worst:E2}");
        Assert.True(worst < 0.005m, $"worst relative difference {worst:E2}");
        Assert.Equal(Ccusage.Length, ours.Count);
        Assert.Empty(report.UnpricedModels);
    }
}
