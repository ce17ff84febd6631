using Outloop.Ingestion;
using Outloop.Ingestion.Claude;
using Outloop.Reporting;
using Outloop.Reporting.Pricing;
using Outloop.Reporting.Usage;
using Outloop.Storage;

namespace Outloop.Sample;

/// <summary>What <c>outloop demo</c> did: the sample it generated, the import, and the reports on the result.</summary>
internal sealed record DemoResult(
    string Folder, SampleSummary Sample, ImportSummary Import, UsageReport Daily, SessionsReport Sessions);

/// <summary>
/// Outloop's main job on its embedded default: a generated sample of Claude Code sessions imported into a
/// fresh SQLite store, then reported. Later stages (patterns, review) join here as they land.
/// </summary>
internal static class DemoRun
{
    public static DemoResult Run(string folder, int seed = 42)
    {
        Directory.CreateDirectory(folder);
        var sample = SampleTranscriptGenerator.Write(Path.Combine(folder, "claude"), seed);
        using var store = SqliteStore.Open(Path.Combine(folder, "outloop.db"));
        var import = new ClaudeImporter(store).Import([Path.Combine(folder, "claude")], new ImportOptions());
        var filter = new UsageFilter();
        var daily = UsageReports.Daily(store.UsageRollup(filter), PriceTable.Default);
        var sessions = SessionsReport.Build(store.Sessions(filter), store.UsageRollup(filter), PriceTable.Default);
        return new DemoResult(folder, sample, import, daily, sessions);
    }
}
