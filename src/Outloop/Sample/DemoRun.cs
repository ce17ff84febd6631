using Outloop.Configuration;
using Outloop.Ingestion;
using Outloop.Ingestion.Claude;
using Outloop.Patterns;
using Outloop.Reporting;
using Outloop.Reporting.Pricing;
using Outloop.Reporting.Usage;
using Outloop.Review;
using Outloop.Storage;

namespace Outloop.Sample;

/// <summary>What <c>outloop demo</c> did: the sample it generated, the import, and the reports on the result.</summary>
internal sealed record DemoResult(
    string Folder,
    SampleSummary Sample,
    ImportSummary Import,
    UsageReport Daily,
    SessionsReport Sessions,
    IReadOnlyList<PatternListing> Operations,
    IReadOnlyList<PatternListing> Failures,
    ReviewResult Review);

/// <summary>
/// Outloop's main job on its embedded default: a generated sample of Claude Code sessions imported into a
/// fresh SQLite store, reported, mined for patterns, and reviewed: <c>review --auto</c> in a project folder inside the
/// demo folder, so guidelines are written there (and CLAUDE.md imports them) and the digest is printed.
/// </summary>
internal static class DemoRun
{
    private const int TopPatterns = 8;

    public static DemoResult Run(string folder, int seed = 42)
    {
        Directory.CreateDirectory(folder);
        var sample = SampleTranscriptGenerator.Write(Path.Combine(folder, "claude"), seed);
        using var store = SqliteStore.Open(Path.Combine(folder, "outloop.db"));
        var import = new ClaudeImporter(store).Import([Path.Combine(folder, "claude")], new ImportOptions());
        var filter = new UsageFilter();
        var daily = UsageReports.Daily(store.UsageRollup(filter), PriceTable.Default);
        var sessions = SessionsReport.Build(store.Sessions(filter), store.UsageRollup(filter), PriceTable.Default);
        PatternEngine.Backfill(store, new BackfillOptions(PriceTable.Default));
        var patterns = new SqlitePatternStore(store);
        var operations = patterns.List(new PatternFilter(PatternKind.Operation)).Take(TopPatterns).ToList();
        var failures = patterns.List(new PatternFilter(PatternKind.Failure)).Take(TopPatterns).ToList();
        var review = ReviewProject(store, Path.Combine(folder, "project"));
        return new DemoResult(folder, sample, import, daily, sessions, operations, failures, review);
    }

    /// <summary>
    /// The outer-loop review of the sample with the default configuration (no user file: the demo must not depend on
    /// the machine). The sample starts on <see cref="SampleTranscriptGenerator.BaseDate"/>, so the lookback reaches it.
    /// </summary>
    private static ReviewResult ReviewProject(SqliteStore store, string project)
    {
        Directory.CreateDirectory(project);
        var config = OutloopConfig.Defaults;
        var lookback = (int)Math.Ceiling((DateTimeOffset.UtcNow - SampleTranscriptGenerator.BaseDate).TotalDays) + 1;
        return new ReviewRunner(store, config).Run(new ReviewOptions(project, ReviewMode.Auto, Force: true, lookback, TimeProvider.System));
    }
}
