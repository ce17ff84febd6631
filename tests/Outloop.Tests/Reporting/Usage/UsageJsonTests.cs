using System.Text.Json;
using Outloop.Reporting;
using Outloop.Reporting.Pricing;
using Outloop.Reporting.Usage;

namespace Outloop.Tests.Reporting.Usage;

/// <summary>
/// The <c>*-shape.approved.txt</c> files list every property path of ccusage 20.0.24's <c>--json</c> output on the
/// shared Claude transcripts; Outloop's JSON must have exactly the same paths.
/// </summary>
public sealed class UsageJsonTests
{
    private static readonly UsageEntry[] Sample =
    [
        Entries.At("2026-01-02T19:00:01.5Z", "claude-haiku-4-5-20251001", 860, 1_632, cacheWrite5m: 8_467, cacheRead: 223_265, session: "c45af7b1"),
        Entries.At("2026-02-10T21:11:59.186Z", "claude-opus-4-6", 3, 27, cacheWrite1h: 7_883, cacheRead: 17_915, session: "short"),
        Entries.At("2026-02-10T21:30:00Z", "claude-haiku-4-5-20251001", 6, 1, cacheWrite5m: 1_906, cacheRead: 10_136, session: "short"),
        Entries.At("2026-02-11T20:36:53.585Z", "claude-sonnet-4-5-20250929", 15, 3, cacheWrite5m: 42_176, cacheRead: 34_159, session: "258c7280"),
    ];

    [Fact]
    public void DailyJsonHasCcusagesShape() =>
        Approvals.Verify(Shape(UsageJson.Write(UsageReports.Daily(Sample, PriceTable.Default, TimeZoneInfo.Utc))), "daily-shape");

    [Fact]
    public void MonthlyJsonHasCcusagesShape() =>
        Approvals.Verify(Shape(UsageJson.Write(UsageReports.Monthly(Sample, PriceTable.Default, TimeZoneInfo.Utc))), "monthly-shape");

    [Fact]
    public void SessionJsonHasCcusagesShape() =>
        Approvals.Verify(Shape(UsageJson.Write(UsageReports.Session(Sample, PriceTable.Default))), "session-shape");

    [Fact]
    public void BlocksJsonHasCcusagesShape()
    {
        var options = new BlockOptions(new FixedClock(DateTimeOffset.Parse("2027-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

        Approvals.Verify(Shape(UsageJson.Write(BlockReports.Build(Sample, PriceTable.Default, options))), "blocks-shape");
    }

    [Fact]
    public void DailyJsonIsStable() =>
        Approvals.Verify(UsageJson.Write(UsageReports.Daily(Sample, PriceTable.Default, TimeZoneInfo.Utc)), "daily-sample");

    [Fact]
    public void SessionJsonIsStable() =>
        Approvals.Verify(UsageJson.Write(UsageReports.Session(Sample, PriceTable.Default)), "session-sample");

    [Fact]
    public void UnpricedModelsAreAddedOnlyWhenThereAreSome()
    {
        var withUnknown = UsageJson.Write(UsageReports.Daily([.. Sample, Entries.At("2026-02-11T21:00:00Z", "llama-4-maverick", 5, 5)], PriceTable.Default, TimeZoneInfo.Utc));

        Approvals.Verify(withUnknown, "daily-unpriced");
    }

    [Fact]
    public void SessionsJsonListsCountsTokensAndCost()
    {
        var sessions = new[]
        {
            new SessionSummary("short", "claude", "/home/marco/projects/spotter", Sample[1].Timestamp, Sample[2].Timestamp, 2, 7, 1),
            new SessionSummary("idle", "codex", null, null, null, 0, 0, 0),
        };

        Approvals.Verify(UsageJson.Write(SessionsReport.Build(sessions, Sample, PriceTable.Default)), "sessions-sample");
    }

    /// <summary>Every property path of a JSON text, sorted (<c>daily[].modelBreakdowns[].cost</c>).</summary>
    private static string Shape(string json)
    {
        using var document = JsonDocument.Parse(json);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Collect(document.RootElement, string.Empty, paths);
        return string.Join('\n', paths) + "\n";
    }

    private static void Collect(JsonElement element, string prefix, SortedSet<string> paths)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var path = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
                    paths.Add(path);
                    Collect(property.Value, path, paths);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, prefix + "[]", paths);
                }

                break;
        }
    }
}
