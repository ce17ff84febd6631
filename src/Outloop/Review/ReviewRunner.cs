using System.Security.Cryptography;
using System.Text;
using Outloop.Configuration;
using Outloop.Patterns;
using Outloop.Storage;

namespace Outloop.Review;

/// <summary>
/// The outer-loop review of one project folder: captures learnings from failure, recovery, iteration and success
/// patterns and from the lessons tasks recorded, consolidates them, proposes at most <c>maxProposals</c> changes
/// (best first, never one already decided unless its evidence grew), applies guideline proposals in auto mode and
/// writes the digest.
/// </summary>
internal sealed class ReviewRunner(SqliteStore store, OutloopConfig config)
{
    private static readonly string[] LearningKinds = [PatternKind.Failure, PatternKind.Recovery, PatternKind.Iteration, PatternKind.Success];

    /// <summary>
    /// Runs the review; with a <paramref name="reviewer"/> the reviewer decides on the new proposals (interactive), the
    /// pending ones (<see cref="ReviewMode.Pending"/>) or the pending criteria (<see cref="ReviewMode.Auto"/>) before
    /// the digest is written, so the digest shows those decisions.
    /// </summary>
    public ReviewResult Run(ReviewOptions options, InteractiveReview? reviewer = null)
    {
        var files = new ProjectFiles(options.ProjectDirectory);
        var reviews = new SqliteReviewStore(store, files.Root);
        var now = options.Clock.GetUtcNow();
        var state = reviews.State();
        var taskCount = reviews.TaskCount();
        var since = taskCount - state.TasksAtLastReview;
        var afterTasks = config.Integer(ConfigKeys.AfterTasks);
        if (!options.Force && options.Mode != ReviewMode.Pending && since < afterTasks)
        {
            return new ReviewResult(false, $"{since} tasks since the last review, fewer than outerLoop.triggers.afterTasks = {afterTasks}; use --force to review now.",
                since, null, [], [], null, null);
        }

        var lookback = options.LookbackDays ?? config.Integer(ConfigKeys.LookbackDays);
        var from = now.AddDays(-lookback);
        var patternStore = new SqlitePatternStore(store);
        var patterns = LearningKinds.SelectMany(kind => patternStore.List(new PatternFilter(kind, from))).ToList();
        var byId = patterns.ToDictionary(p => p.Pattern.Id, p => p.Pattern, StringComparer.Ordinal);
        var evidence = patterns.ToDictionary(p => p.Pattern.Id, p => patternStore.Evidence(p.Pattern.Id).Select(e => e.Occurrence.TaskId).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        var consolidation = new Consolidation([], [], []);
        var newProposals = new List<Proposal>();
        var updated = new List<string>();
        if (options.Mode != ReviewMode.Pending)
        {
            var captured = Capture(patterns.Select(p => p.Pattern), evidence, store.Learnings(null).Where(l => l.Timestamp is null || l.Timestamp >= from), now);
            var merged = Merge(reviews.Learnings(), captured);
            consolidation = LearningConsolidator.Consolidate(merged, LearningRules.From(config), now);
            reviews.ReplaceLearnings(consolidation.Kept);

            // Guidelines that did not help are proposed for removal first, once each, within the same cap.
            var effectiveness = new EffectivenessCalculator(store, reviews).Measure(config.Integer(ConfigKeys.EffectivenessMinTasks), lookback, now);
            foreach (var removal in EffectivenessCalculator.Removals(files, effectiveness, [.. reviews.Proposals().Select(p => p.Id)], now).Take(config.Integer(ConfigKeys.MaxProposals)))
            {
                reviews.Save(removal);
                newProposals.Add(removal);
            }

            var candidates = consolidation.Kept.Where(l => l.Promoted).Select(l => ProposalBuilder.FromLearning(files.Root, l, byId, now))
                .Concat(patterns.Select(p => p.Pattern)
                    .Where(p => p.Kind is PatternKind.Failure or PatternKind.Iteration && p.Tasks >= config.Integer(ConfigKeys.MinOccurrences))
                    .Select(p => ProposalBuilder.FromPattern(files.Root, p, evidence[p.Id], now)))
                .Where(p => p.Confidence >= config.Number(ConfigKeys.MinConfidence))
                .OrderByDescending(p => p.Confidence).ThenByDescending(p => p.Evidence.Tasks).ThenBy(p => p.Id, StringComparer.Ordinal);
            var existing = reviews.Proposals().ToDictionary(p => p.Id, StringComparer.Ordinal);

            // Undecided proposals count against maxProposals: reviews of unchanged data do not pile up pending ones.
            var room = config.Integer(ConfigKeys.MaxProposals) - existing.Values.Count(p => p.Status == ProposalStatus.Pending);
            foreach (var candidate in ProposalBuilder.Interleave(candidates))
            {
                if (newProposals.Count >= room)
                {
                    break;
                }

                if (existing.TryGetValue(candidate.Id, out var old)
                    && (old.Status != ProposalStatus.Rejected || candidate.Evidence.Tasks <= old.Evidence.Tasks))
                {
                    continue;
                }

                files.Resolve(candidate.TargetFile);
                reviews.Save(candidate);
                newProposals.Add(candidate);
            }
        }

        if (options.Mode == ReviewMode.Auto)
        {
            foreach (var proposal in reviews.Proposals(ProposalStatus.Pending).Where(p => p.Type == "guideline"))
            {
                Apply(files, reviews, proposal, now, feedback: null);
                updated.Add(proposal.TargetFile);
            }
        }

        if (reviewer is not null)
        {
            var asked = options.Mode switch
            {
                ReviewMode.Pending => reviews.Proposals(ProposalStatus.Pending),
                ReviewMode.Auto => [.. reviews.Proposals(ProposalStatus.Pending).Where(p => p.Type == "criteria")],
                _ => newProposals,
            };
            updated.AddRange(reviewer.Review(asked, files, reviews).Where(d => d.Action is ReviewAction.Approved or ReviewAction.Edited).Select(d => d.Proposal.TargetFile));
        }

        reviews.SaveState(new ReviewState(now, taskCount));
        var digest = Digest.Build(store, reviews, config, now, lookback, patterns, consolidation, updated.Distinct(StringComparer.Ordinal).ToList());
        var (markdown, json) = Digest.Write(files.Root, digest, now);
        return new ReviewResult(true, null, since, consolidation, newProposals, updated, markdown, json);
    }

    /// <summary>Writes an approved (or edited) proposal into its file and marks it applied.</summary>
    public static Proposal Apply(ProjectFiles files, SqliteReviewStore reviews, Proposal proposal, DateTimeOffset now, string? feedback)
    {
        files.Apply(proposal.TargetFile, proposal.Change);
        if (proposal.Type == "guideline" && proposal.TargetFile.StartsWith(".outloop/guidelines/", StringComparison.Ordinal))
        {
            files.PublishGuidelines(createAgentsMd: false);
        }

        var applied = proposal with { Status = ProposalStatus.Applied, ReviewedAt = now, Feedback = feedback ?? proposal.Feedback };
        reviews.Save(applied);
        return applied;
    }

    private static List<Learning> Capture(IEnumerable<PatternRecord> patterns, Dictionary<string, List<string>> evidence, IEnumerable<Ingestion.LearningRecord> recorded, DateTimeOffset now)
    {
        var result = new List<Learning>();
        foreach (var p in patterns)
        {
            var text = GuidelineText.For(p);
            result.Add(new Learning(LearningId(text), text, p.Kind + " pattern", evidence[p.Id], [p.Id], now, now));
        }

        foreach (var group in recorded.GroupBy(l => l.Text.Trim(), StringComparer.Ordinal))
        {
            var tasks = group.Select(l => l.TaskId ?? l.SessionId).Distinct(StringComparer.Ordinal).ToList();
            result.Add(new Learning(LearningId(group.Key), group.Key, "task outcome", tasks, [], now, now));
        }

        return result;
    }

    private static List<Learning> Merge(IEnumerable<Learning> stored, IEnumerable<Learning> captured)
    {
        var byId = stored.ToDictionary(l => l.Id, StringComparer.Ordinal);
        foreach (var c in captured)
        {
            byId[c.Id] = byId.TryGetValue(c.Id, out var old)
                ? old with
                {
                    TaskIds = [.. old.TaskIds.Union(c.TaskIds, StringComparer.Ordinal)],
                    PatternIds = [.. old.PatternIds.Union(c.PatternIds, StringComparer.Ordinal)],
                    LastSeenAt = c.LastSeenAt,
                }
                : c;
        }

        return [.. byId.Values];
    }

    private static string LearningId(string text) => "learn-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];
}
