using System.Text.RegularExpressions;

namespace Outloop.Patterns;

/// <summary>
/// Iteration and success patterns. Tasks are grouped by action verb (the first word of the description after filler
/// such as "can you", "please", "ok"; a slash command's name counts as text) and then by similar description: a task
/// joins the first group, in time order, whose first task shares at least <see cref="Similarity"/> of its words
/// (Jaccard over words of 3+ letters without stop words). An iteration pattern is a group of at least
/// <see cref="BackfillOptions.MinGroupTasks"/> tasks averaging more than 1.5 iterations (confidence = 100 x share of its
/// tasks with more than one); a success pattern is such a group of tasks that converged in one iteration with a
/// score of at least 90 (confidence = 100 x min(1, tasks / 5)). Both list what their tasks share: the signatures and
/// files in at least half of them.
/// </summary>
internal static partial class TaskGroups
{
    public const double Similarity = 0.3;

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "can", "could", "would", "will", "you", "please", "pls", "ok", "okay", "now", "let", "lets", "let's", "i", "we",
        "want", "to", "like", "hey", "hi", "so", "then", "just", "also", "and", "the", "a", "an", "quickly", "maybe",
        "yes", "well", "alright", "great", "good", "thanks", "first", "next",
    };

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "that", "this", "from", "into", "are", "was", "you", "can", "please", "have",
        "has", "not", "but", "all", "any", "its", "our", "your", "will", "should", "would", "could", "then", "than",
        "there", "when", "what", "which", "also", "just", "some", "use", "using", "make", "sure",
    };

    public static void Find(IReadOnlyList<StoredTask> tasks, IReadOnlyList<TaskScore> scores, IReadOnlyList<AnalyzedCall> calls,
        BackfillOptions options, List<PatternRecord> patterns, List<PatternOccurrence> occurrences)
    {
        var score = scores.ToDictionary(s => s.TaskId, StringComparer.Ordinal);
        var callsByTask = calls.GroupBy(c => c.TaskId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var ordered = tasks.Where(t => !string.IsNullOrWhiteSpace(t.Description))
            .OrderBy(t => t.StartedAt, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();

        foreach (var group in Group(ordered))
        {
            var avg = group.Average(t => score[t.Id].Iterations);
            if (group.Count >= options.MinGroupTasks && avg > 1.5)
            {
                var slow = (double)group.Count(t => score[t.Id].Iterations > 1) / group.Count;
                Add(PatternKind.Iteration, group, score, callsByTask, avg, slow, patterns, occurrences);
            }
        }

        var quick = ordered.Where(t => score[t.Id] is { Iterations: 1, Score: >= 90 }).ToList();
        foreach (var group in Group(quick))
        {
            if (group.Count >= options.MinGroupTasks)
            {
                Add(PatternKind.Success, group, score, callsByTask, 1, Math.Min(1, group.Count / 5.0), patterns, occurrences);
            }
        }
    }

    /// <summary>The action verb of a description, lower case, or <c>other</c>.</summary>
    public static string Verb(string description)
    {
        foreach (var word in Words(Plain(description)))
        {
            if (!Filler.Contains(word))
            {
                return word;
            }
        }

        return "other";
    }

    /// <summary>Jaccard similarity of the two descriptions' content words.</summary>
    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var common = a.Count(b.Contains);
        return (double)common / (a.Count + b.Count - common);
    }

    public static HashSet<string> ContentWords(string description) =>
        Words(Plain(description)).Where(w => w.Length >= 3 && !StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);

    private static List<List<StoredTask>> Group(List<StoredTask> tasks)
    {
        var groups = new List<(string Verb, HashSet<string> Words, List<StoredTask> Tasks)>();
        foreach (var task in tasks)
        {
            var verb = Verb(task.Description!);
            var words = ContentWords(task.Description!);
            var home = groups.FindIndex(g => g.Verb == verb && Jaccard(g.Words, words) >= Similarity);
            if (home < 0)
            {
                groups.Add((verb, words, [task]));
            }
            else
            {
                groups[home].Tasks.Add(task);
            }
        }

        return groups.Select(g => g.Tasks).ToList();
    }

    private static void Add(string kind, List<StoredTask> group, Dictionary<string, TaskScore> score, Dictionary<string, List<AnalyzedCall>> callsByTask,
        double averageIterations, double confidence, List<PatternRecord> patterns, List<PatternOccurrence> occurrences)
    {
        var seed = group[0];
        var verb = Verb(seed.Description!);
        var id = PatternIds.Make(kind, verb + "\n" + seed.Id);
        var half = Math.Max(1, (group.Count + 1) / 2);
        var sharedSignatures = Shared(group.Select(t => (callsByTask.GetValueOrDefault(t.Id) ?? []).Select(c => c.Signature)), half);
        var sharedFiles = Shared(group.Select(t => (callsByTask.GetValueOrDefault(t.Id) ?? []).SelectMany(c => c.Operation.Paths)), half);
        var sharedWords = Shared(group.Select(t => ContentWords(t.Description!)), group.Count);
        foreach (var task in group)
        {
            var calls = callsByTask.GetValueOrDefault(task.Id);
            occurrences.Add(new PatternOccurrence(id, task.Id, task.SessionId, task.Agent, calls?[0].Id, task.StartedAt, score[task.Id].Iterations,
                Detail: Short(task.Description!)));
        }

        var converged = group.Count(t => score[t.Id].EffectiveOutcome == "converged");
        patterns.Add(new PatternRecord(
            id, kind, verb + ": " + string.Join(' ', sharedWords.Take(6)), verb + ": " + Short(seed.Description!),
            group.Count, group.Count, group.Select(t => t.SessionId).Distinct(StringComparer.Ordinal).Count(),
            group.Sum(t => callsByTask.GetValueOrDefault(t.Id)?.Count ?? 0),
            0, 0, 0, 0, 0, (int)Math.Round(100 * confidence, MidpointRounding.AwayFromZero),
            DetailsJson.Object(("value", RepetitiveOperations.Round(confidence)), ("formula", kind == PatternKind.Iteration
                ? "100 x share of the group's tasks with more than one iteration"
                : "100 x min(1, tasks / 5)")),
            (double)converged / group.Count, group[0].StartedAt, group[^1].StartedAt,
            RepetitiveOperations.Agents(group.Select(t => t.Agent)),
            DetailsJson.Object(
                ("verb", verb), ("averageIterations", RepetitiveOperations.Round(averageIterations)),
                ("averageScore", RepetitiveOperations.Round(group.Average(t => score[t.Id].Score))),
                ("sharedWords", sharedWords), ("sharedSignatures", sharedSignatures.Take(10).ToList()),
                ("sharedFiles", sharedFiles.Take(10).ToList()))));
    }

    private static List<string> Shared(IEnumerable<IEnumerable<string>> sets, int atLeast) =>
        sets.SelectMany(s => s.Distinct(StringComparer.Ordinal))
            .GroupBy(s => s, StringComparer.Ordinal)
            .Where(g => g.Count() >= atLeast)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();

    private static string Short(string text)
    {
        var line = string.Join(' ', Plain(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 80 ? line : line[..77] + "...";
    }

    /// <summary>The description without markup: a slash command's tags give way to its name's words.</summary>
    private static string Plain(string description)
    {
        var name = CommandName().Match(description);
        var text = name.Success ? name.Groups[1].Value.Replace('-', ' ').Replace('_', ' ') + " " + description : description;
        return Tags().Replace(text, " ");
    }

    private static IEnumerable<string> Words(string text)
    {
        foreach (Match match in Word().Matches(text))
        {
            yield return match.Value.ToLowerInvariant();
        }
    }

    [GeneratedRegex(@"<command-name>/?(?:[^<:]*:)?([^<]*)</command-name>")]
    private static partial Regex CommandName();

    [GeneratedRegex(@"<[^>]*>[^<]*</[^>]*>|<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[A-Za-z][A-Za-z']*")]
    private static partial Regex Word();
}
