using System.Diagnostics;
using Outloop.Reporting;
using Outloop.Reporting.Pricing;
using Outloop.Reporting.Usage;
using Outloop.Storage;

namespace Outloop.Bench;

/// <summary>Times a warm daily report from a store: reading the requests, building the report, writing JSON.</summary>
internal static class ReportStagesCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var db = new BenchArgs(args).Required("db");
        for (var round = 1; round <= 3; round++)
        {
            var clock = Stopwatch.StartNew();
            using var store = SqliteStore.Open(db);
            var open = clock.Elapsed;
            var entries = store.UsageRollup(new UsageFilter()).ToList();
            var read = clock.Elapsed;
            var report = UsageReports.Daily(entries, PriceTable.Default);
            var built = clock.Elapsed;
            var json = UsageJson.Write(report);
            var written = clock.Elapsed;
            output.WriteLine(
                $"round {round}: open {open.TotalMilliseconds:F0} ms, read {entries.Count} rows {(read - open).TotalMilliseconds:F0} ms, " +
                $"build {(built - read).TotalMilliseconds:F0} ms, json {(written - built).TotalMilliseconds:F0} ms ({json.Length} chars)");
        }

        return 0;
    }
}
