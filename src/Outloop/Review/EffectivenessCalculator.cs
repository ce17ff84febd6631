using System.Globalization;
using Outloop.Patterns;
using Outloop.Storage;

namespace Outloop.Review;

/// <summary>
/// Measures, for every applied guideline of a project, the share of tasks with the failure it targets before and
/// after it was applied, and proposes removing the guidelines that did not help.
/// <list type="bullet">
/// <item>Target: the guideline's evidence patterns. A failure pattern counts when its template occurred in the task
/// (at least once; occurrences are unique per pattern and task); a recovery pattern stands for the failure template
/// it recovers from. Without a failure target, an iteration pattern's failure is "the task needed more than one
/// iteration", counted only among tasks like the group's first task (same action verb, content-word Jaccard at
/// least <see cref="TaskGroups.Similarity"/>, the grouping rule of <see cref="TaskGroups"/>) with a known iteration
/// count. Other evidence (success patterns, lessons tasks recorded) has no measurable target. Only tasks of the
/// agents the target patterns were seen from count: a store often mixes imports (an Aider history, a SWE-bench run),
/// and tasks of an agent that never hit the failure would dilute whichever side they fall on.</item>
/// <item>Sides: "before" is the tasks started in the <c>lookbackDays</c> before the guideline was applied (its
/// reviewed-at time), "after" every task started after it, up to now. A task started at the very instant of the
/// change counts on neither side. Figures are tasks, never occurrence totals.</item>
/// <item>Verdict: <see cref="EffectivenessVerdict.NotEnoughData"/> below <c>effectiveness.minTasks</c> tasks on either
/// side; <see cref="EffectivenessVerdict.DidNotHelp"/> when the failure still occurred after and the after-rate is
/// not lower than the before-rate; a lower after-rate is <see cref="EffectivenessVerdict.Helped"/> with a two-sided
/// Fisher p &lt; 0.05, else <see cref="EffectivenessVerdict.LowerNotSignificant"/> (kept, measured again).</item>
/// </list>
/// </summary>
internal sealed class EffectivenessCalculator(SqliteStore store, SqliteReviewStore reviews)
{
    /// <summary>The <see cref="Proposal.Source"/> of removal proposals; they are never measured themselves.</summary>
    public const string RemovalSource = "effectiveness";

    public EffectivenessReport Measure(int minTasks, int lookbackDays, DateTimeOffset now)
    {
        var proposals = reviews.Proposals();
        var byId = proposals.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var guidelines = proposals
            .Where(p => p.Type == "guideline" && p.Status == ProposalStatus.Applied && p.Source != RemovalSource && p.ReviewedAt is not null)
            .OrderBy(p => p.ReviewedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        if (guidelines.Count == 0)
        {
            return new EffectivenessReport(minTasks, lookbackDays, []);
        }

        var data = new SqliteEffectivenessStore(store);
        var patterns = new SqlitePatternStore(store);
        var tasks = data.Tasks(guidelines[0].ReviewedAt!.Value.AddDays(-lookbackDays));
        var rows = new List<EffectivenessRow>();
        foreach (var guideline in guidelines)
        {
            var removal = byId.GetValueOrDefault(RemovalId(guideline));
            rows.Add(Row(guideline, removal is { Status: ProposalStatus.Applied }, data, patterns, tasks, minTasks, lookbackDays, now));
        }

        return new EffectivenessReport(minTasks, lookbackDays, rows);
    }

    /// <summary>
    /// Removal proposals for the guidelines that did not help, each proposed once (its id derives from the
    /// guideline's, so a removal already pending, rejected or applied is not proposed again): a <c>REMOVE:</c> of the
    /// guideline's text, taken out of the file as it is when applied (a whole-file <c>REPLACE:</c> written now would
    /// undo other changes to the file applied before it). A guideline whose text is no longer in its file gets none.
    /// </summary>
    public static List<Proposal> Removals(ProjectFiles files, EffectivenessReport report, IReadOnlyCollection<string> existingIds, DateTimeOffset now)
    {
        var result = new List<Proposal>();
        foreach (var row in report.Rows.Where(r => r.Verdict == EffectivenessVerdict.DidNotHelp))
        {
            var g = row.Guideline;
            var id = RemovalId(g);
            var path = files.Resolve(g.TargetFile);
            if (existingIds.Contains(id) || !File.Exists(path) || row.GuidelineText.Length == 0)
            {
                continue;
            }

            var content = File.ReadAllText(path);
            if (ProjectFiles.Without(content, row.GuidelineText) == content)
            {
                continue;
            }

            var c = CultureInfo.InvariantCulture;
            var reason = string.Create(c,
                $"Guideline {g.Id} (applied {StoreTime.Format(row.AppliedAt)}) did not help: {row.Target} in {row.Before.WithFailure} of {row.Before.Tasks} tasks "
                + $"({Percent(row.Before.Rate)}) in the {report.LookbackDays} days before, {row.After.WithFailure} of {row.After.Tasks} ({Percent(row.After.Rate)}) after; "
                + $"Fisher's exact p = {PValue(row.PValue)}. Remove it from {g.TargetFile}.");
            var evidence = new ProposalEvidence(row.TargetPatternIds, row.Before.Tasks + row.After.Tasks, row.Before.WithFailure + row.After.WithFailure,
                [.. row.AfterFailureTaskIds.Take(5)]);
            var confidence = Math.Round(Math.Min(1, Math.Min(row.Before.Tasks, row.After.Tasks) / (2.0 * report.MinTasks)), 2);
            result.Add(new Proposal(id, g.Project, "guideline", RemovalSource, g.TargetFile, "REMOVE:\n" + row.GuidelineText, reason, confidence, evidence,
                ProposalStatus.Pending, null, now, null));
        }

        return result;
    }

    /// <summary>The id of the proposal that removes <paramref name="guideline"/>: one per guideline, whatever its file holds.</summary>
    public static string RemovalId(Proposal guideline) => ProposalBuilder.Id(guideline.Project, "guideline", guideline.TargetFile, "REMOVE:" + guideline.Id);

    internal static string PValue(double? p) => p switch
    {
        null => "n/a",
        < 0.001 => "< 0.001",
        { } v => v.ToString("0.000", CultureInfo.InvariantCulture),
    };

    internal static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";

    private static EffectivenessRow Row(Proposal guideline, bool removed, SqliteEffectivenessStore data, SqlitePatternStore patterns,
        List<EffectivenessTask> tasks, int minTasks, int lookbackDays, DateTimeOffset now)
    {
        var applied = guideline.ReviewedAt!.Value;
        var text = ProposalChange.Parse(guideline.Change).Text.ReplaceLineEndings("\n").Trim('\n');
        var failures = new List<PatternRecord>();
        var seeds = new List<(string Id, string Verb, HashSet<string> Words)>();
        var agents = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var id in guideline.Evidence.PatternIds)
        {
            var pattern = patterns.Find(id)?.Pattern;
            var kind = pattern?.Kind ?? id[..Math.Max(0, id.IndexOf('-', StringComparison.Ordinal))];
            if (kind == PatternKind.Recovery && pattern is not null)
            {
                pattern = patterns.Find(pattern.Signature)?.Pattern;
                kind = PatternKind.Failure;
            }

            if (kind == PatternKind.Failure)
            {
                if (pattern is null)
                {
                    missing.Add(id);
                }
                else if (failures.TrueForAll(f => f.Id != pattern.Id))
                {
                    failures.Add(pattern);
                    agents.UnionWith(pattern.Agents.Split(',', StringSplitOptions.RemoveEmptyEntries));
                }
            }
            else if (kind == PatternKind.Iteration)
            {
                // The group's first task defines "like"; if a backfill dropped the pattern (its tasks now converge
                // sooner), the guideline's own example tasks, first one first, still name the group.
                var seed = data.FirstTaskDescription(id) ?? guideline.Evidence.ExampleTaskIds.Select(data.Description).FirstOrDefault(d => d is not null);
                if (seed is null)
                {
                    missing.Add(id);
                }
                else
                {
                    seeds.Add((id, TaskGroups.Verb(seed), TaskGroups.ContentWords(seed)));
                    agents.UnionWith((pattern?.Agents ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries));
                }
            }
        }

        if (removed || (failures.Count == 0 && seeds.Count == 0))
        {
            var verdict = removed ? EffectivenessVerdict.Removed : missing.Count > 0 ? EffectivenessVerdict.TargetGone : EffectivenessVerdict.NoTarget;
            return new EffectivenessRow(guideline, text, applied, missing.Count > 0 ? "failure" : "none", missing, missing.Count > 0 ? string.Join(", ", missing) : "none",
                EffectivenessSide.Empty, EffectivenessSide.Empty, null, verdict, []);
        }

        string targetKind, target;
        List<string> targetIds;
        Func<EffectivenessTask, bool> counted;
        Func<EffectivenessTask, bool> failed;
        if (failures.Count > 0)
        {
            var with = data.TasksWith([.. failures.Select(f => f.Id)]);
            (targetKind, targetIds, counted, failed) = (PatternKind.Failure, [.. failures.Select(f => f.Id)], t => agents.Contains(t.Agent), t => with.Contains(t.Id));
            target = string.Join("; ", failures.Select(f => $"failure \"{Short(f.Title)}\""));
        }
        else
        {
            (targetKind, targetIds) = (PatternKind.Iteration, [.. seeds.Select(s => s.Id)]);
            // A group found only through the guideline's example tasks (its pattern is gone) has no known agents: all count.
            counted = t => (agents.Count == 0 || agents.Contains(t.Agent)) && t.Iterations is not null && t.Description is not null && Like(t.Description, seeds);
            failed = t => t.Iterations > 1;
            target = "more than one iteration in tasks like " + string.Join(" or ", seeds.Select(s => $"\"{s.Verb}: {string.Join(' ', s.Words.Order(StringComparer.Ordinal).Take(6))}\""));
        }

        var from = applied.AddDays(-lookbackDays);
        var before = tasks.Where(t => t.StartedAt >= from && t.StartedAt < applied && counted(t)).ToList();
        var after = tasks.Where(t => t.StartedAt > applied && t.StartedAt <= now && counted(t)).ToList();
        var b = new EffectivenessSide(before.Count, before.Count(failed));
        var a = new EffectivenessSide(after.Count, after.Count(failed));
        double? p = b.Tasks == 0 || a.Tasks == 0 ? null : FisherExact.TwoSided(b.WithFailure, b.Tasks - b.WithFailure, a.WithFailure, a.Tasks - a.WithFailure);
        return new EffectivenessRow(guideline, text, applied, targetKind, targetIds, target, b, a, p, Verdict(b, a, p, minTasks),
            [.. after.Where(failed).Select(t => t.Id)]);
    }

    private static string Verdict(EffectivenessSide before, EffectivenessSide after, double? p, int minTasks)
    {
        if (before.Tasks < minTasks || after.Tasks < minTasks)
        {
            return EffectivenessVerdict.NotEnoughData;
        }

        if (before.WithFailure == 0 && after.WithFailure == 0)
        {
            return EffectivenessVerdict.NoFailures;
        }

        if (after.WithFailure > 0 && after.Rate >= before.Rate)
        {
            return EffectivenessVerdict.DidNotHelp;
        }

        return p < EffectivenessVerdict.Significance ? EffectivenessVerdict.Helped : EffectivenessVerdict.LowerNotSignificant;
    }

    private static bool Like(string description, List<(string Id, string Verb, HashSet<string> Words)> seeds)
    {
        var verb = TaskGroups.Verb(description);
        var words = TaskGroups.ContentWords(description);
        return seeds.Exists(s => s.Verb == verb && TaskGroups.Jaccard(s.Words, words) >= TaskGroups.Similarity);
    }

    private static string Short(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 80 ? line : line[..77] + "...";
    }
}
