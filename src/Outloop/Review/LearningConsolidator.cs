namespace Outloop.Review;

/// <summary>
/// Merges similar learnings (word-set Jaccard at or above the threshold; the most referenced one stays and takes the
/// others' references), removes old ones with few references, promotes well-referenced ones and keeps at most the
/// configured number.
/// </summary>
internal static class LearningConsolidator
{
    private static readonly char[] Separators = [.. " \t\r\n.,;:!?()[]{}\"'`"];

    /// <summary>|A ∩ B| / |A ∪ B| over the lower-cased words of two texts.</summary>
    public static double Jaccard(string a, string b)
    {
        var left = Words(a);
        var right = Words(b);
        if (left.Count == 0 && right.Count == 0)
        {
            return 1;
        }

        var union = new HashSet<string>(left, StringComparer.Ordinal);
        union.UnionWith(right);
        left.IntersectWith(right);
        return (double)left.Count / union.Count;
    }

    public static Consolidation Consolidate(IEnumerable<Learning> learnings, LearningRules rules, DateTimeOffset now)
    {
        var removed = new List<(Learning, string)>();
        var groups = new List<Learning>();
        foreach (var learning in learnings.OrderByDescending(l => l.References).ThenBy(l => l.CreatedAt).ThenBy(l => l.Id, StringComparer.Ordinal))
        {
            var index = groups.FindIndex(g => Jaccard(g.Text, learning.Text) >= rules.SimilarityThreshold);
            if (index < 0)
            {
                groups.Add(learning);
                continue;
            }

            var keeper = groups[index];
            groups[index] = keeper with
            {
                TaskIds = [.. keeper.TaskIds.Union(learning.TaskIds, StringComparer.Ordinal)],
                PatternIds = [.. keeper.PatternIds.Union(learning.PatternIds, StringComparer.Ordinal)],
                CreatedAt = keeper.CreatedAt < learning.CreatedAt ? keeper.CreatedAt : learning.CreatedAt,
                LastSeenAt = keeper.LastSeenAt > learning.LastSeenAt ? keeper.LastSeenAt : learning.LastSeenAt,
                Promoted = keeper.Promoted || learning.Promoted,
            };
            removed.Add((learning, $"merged into {keeper.Id}"));
        }

        var kept = new List<Learning>();
        foreach (var learning in groups)
        {
            if (now - learning.LastSeenAt > TimeSpan.FromDays(rules.RetentionDays) && learning.References < 2)
            {
                removed.Add((learning, $"older than {rules.RetentionDays} days with {learning.References} reference(s)"));
            }
            else
            {
                kept.Add(learning);
            }
        }

        var promoted = new List<Learning>();
        for (var i = 0; i < kept.Count; i++)
        {
            if (!kept[i].Promoted && kept[i].References >= rules.PromotionThreshold)
            {
                kept[i] = kept[i] with { Promoted = true };
                promoted.Add(kept[i]);
            }
        }

        var ordered = kept.OrderByDescending(l => l.References).ThenByDescending(l => l.LastSeenAt).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
        foreach (var dropped in ordered.Skip(rules.MaxCount))
        {
            removed.Add((dropped, $"beyond the {rules.MaxCount} most referenced"));
            promoted.Remove(dropped);
        }

        return new Consolidation(ordered.Take(rules.MaxCount).ToList(), promoted, removed);
    }

    private static HashSet<string> Words(string text) =>
        new(text.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
