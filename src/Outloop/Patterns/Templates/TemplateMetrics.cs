namespace Outloop.Patterns.Templates;

/// <summary>
/// The Loghub template-mining metrics (see <c>data/loghub2k/BENCHMARK.md</c>). Lines are grouped by a key:
/// the true event id or template string, and the parsed template text.
/// </summary>
internal static class TemplateMetrics
{
    /// <summary>
    /// GA: a true group is correct when the parsed group of its lines holds exactly those lines;
    /// GA = lines in correct groups / lines.
    /// </summary>
    public static double GroupingAccuracy(IReadOnlyList<string> truth, IReadOnlyList<string> parsed)
    {
        var (correctLines, _, _, _) = Groups(truth, parsed);
        return truth.Count == 0 ? 0 : (double)correctLines / truth.Count;
    }

    /// <summary>FGA: F1 of precision (correct groups / parsed groups) and recall (correct groups / true groups).</summary>
    public static double FGroupingAccuracy(IReadOnlyList<string> truth, IReadOnlyList<string> parsed)
    {
        var (_, correctGroups, trueGroups, parsedGroups) = Groups(truth, parsed);
        return F1(correctGroups, parsedGroups, trueGroups);
    }

    /// <summary>PA: share of lines whose parsed template text equals the true template text.</summary>
    public static double ParsingAccuracy(IReadOnlyList<string> truth, IReadOnlyList<string> parsed)
    {
        var equal = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            if (string.Equals(truth[i], parsed[i], StringComparison.Ordinal))
            {
                equal++;
            }
        }

        return truth.Count == 0 ? 0 : (double)equal / truth.Count;
    }

    /// <summary>
    /// FTA: a parsed template is correct when all its lines share one true template whose text equals it;
    /// F1 of precision (correct / parsed templates) and recall (correct / true templates).
    /// </summary>
    public static double FTemplateAccuracy(IReadOnlyList<string> truth, IReadOnlyList<string> parsed)
    {
        var trueOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        var trueGroups = new HashSet<string>(truth, StringComparer.Ordinal);
        for (var i = 0; i < parsed.Count; i++)
        {
            if (!trueOf.TryGetValue(parsed[i], out var seen))
            {
                trueOf[parsed[i]] = truth[i];
            }
            else if (seen is not null && !string.Equals(seen, truth[i], StringComparison.Ordinal))
            {
                trueOf[parsed[i]] = null;
            }
        }

        var correct = trueOf.Count(pair => pair.Value is not null && string.Equals(pair.Key, pair.Value, StringComparison.Ordinal));
        return F1(correct, trueOf.Count, trueGroups.Count);
    }

    /// <summary>GA from the original ground truth's event ids, FGA, PA and FTA from the corrected templates.</summary>
    public static TemplateScores Score(IReadOnlyList<string> originalEventIds, IReadOnlyList<string> correctedTemplates, IReadOnlyList<string> parsed) =>
        new(
            GroupingAccuracy(originalEventIds, parsed),
            FGroupingAccuracy(correctedTemplates, parsed),
            ParsingAccuracy(correctedTemplates, parsed),
            FTemplateAccuracy(correctedTemplates, parsed));

    private static (int CorrectLines, int CorrectGroups, int TrueGroups, int ParsedGroups) Groups(
        IReadOnlyList<string> truth, IReadOnlyList<string> parsed)
    {
        if (truth.Count != parsed.Count)
        {
            throw new ArgumentException($"{truth.Count} true labels but {parsed.Count} parsed ones.", nameof(parsed));
        }

        var trueSize = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in truth)
        {
            trueSize[key] = trueSize.GetValueOrDefault(key) + 1;
        }

        // For each parsed group: its size and its single true key (null when it mixes several).
        var parsedSize = new Dictionary<string, int>(StringComparer.Ordinal);
        var parsedTrue = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < parsed.Count; i++)
        {
            var p = parsed[i];
            parsedSize[p] = parsedSize.GetValueOrDefault(p) + 1;
            if (!parsedTrue.TryGetValue(p, out var seen))
            {
                parsedTrue[p] = truth[i];
            }
            else if (seen is not null && !string.Equals(seen, truth[i], StringComparison.Ordinal))
            {
                parsedTrue[p] = null;
            }
        }

        var correctLines = 0;
        var correctGroups = 0;
        foreach (var (p, t) in parsedTrue)
        {
            if (t is not null && trueSize[t] == parsedSize[p])
            {
                correctGroups++;
                correctLines += parsedSize[p];
            }
        }

        return (correctLines, correctGroups, trueSize.Count, parsedSize.Count);
    }

    private static double F1(int correct, int parsed, int truth)
    {
        var precision = parsed == 0 ? 0 : (double)correct / parsed;
        var recall = truth == 0 ? 0 : (double)correct / truth;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
