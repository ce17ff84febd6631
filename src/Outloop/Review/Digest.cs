using System.Globalization;
using System.Text;
using System.Text.Json;
using Outloop.Configuration;
using Outloop.Patterns;
using Outloop.Reporting;
using Outloop.Reporting.Pricing;
using Outloop.Storage;

namespace Outloop.Review;

/// <summary>The review digest: the figures behind <c>.outloop/digests/YYYY-MM-DD.md</c> and its <c>.json</c> twin.</summary>
internal sealed record Digest(
    DateTimeOffset GeneratedAt,
    int LookbackDays,
    int Tasks,
    int Converged,
    int Failed,
    int Escalated,
    double AverageIterations,
    decimal CostUsd,
    IReadOnlyList<DigestPattern> Patterns,
    int LearningsKept,
    int LearningsPromoted,
    int LearningsRemoved,
    IReadOnlyList<string> GuidelinesUpdated,
    IReadOnlyList<Proposal> PendingProposals,
    EffectivenessReport Effectiveness,
    double? FirstTrySuccessRate,
    double? AttemptsPerTask,
    double? DefectRate,
    IReadOnlyList<TaskRow> RecentTasks)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static readonly IReadOnlyList<string> Headings =
        ["## Summary", "## Patterns", "## Learnings", "## Guidelines Updated", "## Pending Proposals", "## Effectiveness", "## Loop Metrics", "## Recent Tasks"];

    public static Digest Build(SqliteStore store, SqliteReviewStore reviews, OutloopConfig config, DateTimeOffset now, int lookbackDays,
        IReadOnlyList<PatternListing> patterns, Consolidation learnings, IReadOnlyList<string> guidelinesUpdated)
    {
        var filter = new UsageFilter(Since: DateOnly.FromDateTime(now.AddDays(-lookbackDays).LocalDateTime));
        var report = TasksReport.Build(store.Tasks(filter), store.Usage(filter), PriceTable.Load(null));
        var tasks = report.Tasks;
        var decided = tasks.Where(t => t.Task.Outcome is "converged" or "failed" or "escalated").ToList();
        var withIterations = tasks.Where(t => t.Task.Iterations is not null).ToList();
        var converged = tasks.Count(t => t.Task.Outcome == "converged");
        return new Digest(
            now,
            lookbackDays,
            tasks.Count,
            converged,
            tasks.Count(t => t.Task.Outcome == "failed"),
            tasks.Count(t => t.Task.Outcome == "escalated"),
            withIterations.Count == 0 ? 0 : withIterations.Average(t => t.Task.Iterations!.Value),
            tasks.Sum(t => t.CostUsd),
            [.. patterns.OrderByDescending(p => p.Occurrences).Take(10).Select(p => new DigestPattern(p.Pattern.Id, p.Pattern.Kind, p.Pattern.Title, p.Occurrences, p.Pattern.Confidence))],
            learnings.Kept.Count,
            learnings.Promoted.Count,
            learnings.Removed.Count,
            guidelinesUpdated,
            reviews.Proposals(ProposalStatus.Pending),
            new EffectivenessCalculator(store, reviews).Measure(config.Integer(ConfigKeys.EffectivenessMinTasks), lookbackDays, now),
            decided.Count == 0 ? null : (double)decided.Count(t => t.Task.Outcome == "converged" && (t.Task.Iterations ?? 1) <= 1) / decided.Count,
            withIterations.Count == 0 ? null : withIterations.Average(t => t.Task.Iterations!.Value),
            decided.Count == 0 ? null : (double)decided.Count(t => t.Task.Outcome != "converged") / decided.Count,
            [.. tasks.OrderByDescending(t => t.Task.StartedAt).Take(10)]);
    }

    /// <summary>Writes the Markdown and JSON digests of the day into <c>.outloop/digests</c>; returns their paths.</summary>
    public static (string Markdown, string Json) Write(string projectRoot, Digest digest, DateTimeOffset now)
    {
        var folder = Path.Combine(projectRoot, ".outloop", "digests");
        Directory.CreateDirectory(folder);
        var name = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var markdown = Path.Combine(folder, name + ".md");
        var json = Path.Combine(folder, name + ".json");
        File.WriteAllText(markdown, digest.ToMarkdown());
        File.WriteAllText(json, digest.ToJson());
        return (markdown, json);
    }

    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine("# Outloop Review Digest").AppendLine();
        s.AppendLine(c, $"**Generated:** {StoreTime.Format(GeneratedAt)}  ").AppendLine(c, $"**Lookback Period:** {LookbackDays} days  ").AppendLine(c, $"**Tasks Analyzed:** {Tasks}").AppendLine();
        s.AppendLine(Headings[0]).AppendLine().AppendLine("| Metric | Value |").AppendLine("|--------|-------|");
        var known = Converged + Failed + Escalated;
        s.AppendLine(c, $"| Total Tasks | {Tasks} |").AppendLine(c, $"| Successful | {Converged} ({Percent(known == 0 ? null : (double)Converged / known)} of {known} with a known outcome) |");
        s.AppendLine(c, $"| Outcome unknown | {Tasks - known} |");
        s.AppendLine(c, $"| Failed | {Failed} |").AppendLine(c, $"| Escalated | {Escalated} |").AppendLine(c, $"| Avg Iterations | {AverageIterations:0.0} |").AppendLine(c, $"| Total Cost | ${CostUsd:0.00} |").AppendLine();
        s.AppendLine(Headings[1]).AppendLine();
        if (Patterns.Count == 0)
        {
            s.AppendLine("No failure, recovery, iteration or success patterns in the lookback period (run `outloop backfill` after an import).");
        }

        foreach (var p in Patterns)
        {
            s.AppendLine(c, $"- **{p.Title}** ({p.Kind}, {p.Occurrences} tasks, confidence {p.Confidence}) `{p.Id}`");
        }

        s.AppendLine().AppendLine(Headings[2]).AppendLine();
        s.AppendLine(c, $"- **Kept:** {LearningsKept}").AppendLine(c, $"- **Promoted to Guidelines:** {LearningsPromoted}").AppendLine(c, $"- **Removed (duplicates/old):** {LearningsRemoved}").AppendLine();
        s.AppendLine(Headings[3]).AppendLine();
        s.AppendLine(GuidelinesUpdated.Count == 0 ? "None." : string.Join('\n', GuidelinesUpdated.Select(g => "- " + g))).AppendLine();
        s.AppendLine(Headings[4]).AppendLine();
        if (PendingProposals.Count == 0)
        {
            s.AppendLine("No pending proposals.");
        }

        foreach (var p in PendingProposals)
        {
            s.AppendLine(c, $"- `{p.Id}` {p.Type} -> {p.TargetFile} (confidence {p.Confidence:0.00}): {p.Reason}");
        }

        s.AppendLine().AppendLine(Headings[5]).AppendLine().AppendLine(Effectiveness.ToMarkdown()).AppendLine();
        s.AppendLine(Headings[6]).AppendLine().AppendLine("| Metric | Value | Goal |").AppendLine("|--------|-------|------|");
        s.AppendLine(c, $"| First-try success rate | {Percent(FirstTrySuccessRate)} | > 80% |");
        s.AppendLine(c, $"| Attempts per task | {(AttemptsPerTask is { } a ? a.ToString("0.00", c) : "n/a")} | < 1.5 |");
        s.AppendLine(c, $"| Defect rate | {Percent(DefectRate)} | |").AppendLine();
        s.AppendLine(Headings[7]).AppendLine();
        foreach (var t in RecentTasks)
        {
            s.AppendLine(c, $"- **{t.Task.Id}** - {t.Task.Outcome} ({t.Task.Iterations?.ToString(c) ?? "?"} iter, ${t.CostUsd:0.00})");
            if (!string.IsNullOrWhiteSpace(t.Task.Description))
            {
                var d = t.Task.Description.ReplaceLineEndings(" ");
                s.AppendLine(c, $"  {(d.Length > 100 ? d[..100] + "..." : d)}");
            }
        }

        return s.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        generatedAt = StoreTime.Format(GeneratedAt),
        lookbackDays = LookbackDays,
        summary = new { totalTasks = Tasks, successfulTasks = Converged, failedTasks = Failed, escalatedTasks = Escalated, successRate = Tasks == 0 ? (double?)null : (double)Converged / Tasks, averageIterations = AverageIterations, costUsd = CostUsd },
        patterns = Patterns.Select(p => new { id = p.Id, kind = p.Kind, title = p.Title, occurrences = p.Occurrences, confidence = p.Confidence }),
        learnings = new { kept = LearningsKept, promoted = LearningsPromoted, removed = LearningsRemoved },
        guidelinesUpdated = GuidelinesUpdated,
        pendingProposals = PendingProposals.Select(p => new { id = p.Id, type = p.Type, targetFile = p.TargetFile, confidence = p.Confidence, reason = p.Reason }),
        effectiveness = Effectiveness.ToJsonModel(),
        loopMetrics = new { firstTrySuccessRate = FirstTrySuccessRate, attemptsPerTask = AttemptsPerTask, defectRate = DefectRate },
        recentTasks = RecentTasks.Select(t => new { id = t.Task.Id, outcome = t.Task.Outcome, iterations = t.Task.Iterations, costUsd = t.CostUsd, description = t.Task.Description }),
    }, Indented);

    private static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
}
