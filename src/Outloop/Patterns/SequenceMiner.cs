using Outloop.Patterns.Signatures;

namespace Outloop.Patterns;

/// <summary>
/// Recurring sequences: within each task, the main-chain calls in order become steps (the signature; file and search
/// operations without their target; the agent's bookkeeping left out), consecutive equal steps collapse into one, and
/// every run of 2 to 4 steps seen in at least <see cref="BackfillOptions.MinTasks"/> tasks is a pattern. Confidence =
/// 100 x min(1, tasks / all tasks) (seed 002). The longest and most widespread come first; at most
/// <see cref="MaxPatterns"/> are kept.
/// </summary>
internal static class SequenceMiner
{
    public const int MaxPatterns = 100;
    public const string Separator = " > ";

    public static void Find(IReadOnlyList<AnalyzedCall> calls, BackfillOptions options, int totalTasks, List<PatternRecord> patterns, List<PatternOccurrence> occurrences)
    {
        var found = new Dictionary<string, List<(AnalyzedCall First, int Count)>>(StringComparer.Ordinal);
        foreach (var task in calls.Where(c => !c.IsSidechain && c.Operation.Category != OperationCategory.Agent).GroupBy(c => c.TaskId, StringComparer.Ordinal))
        {
            var steps = new List<AnalyzedCall>();
            foreach (var call in task)
            {
                if (steps.Count == 0 || steps[^1].Step != call.Step)
                {
                    steps.Add(call);
                }
            }

            var inTask = new Dictionary<string, (AnalyzedCall First, int Count)>(StringComparer.Ordinal);
            for (var length = 2; length <= 4; length++)
            {
                for (var start = 0; start + length <= steps.Count; start++)
                {
                    var key = string.Join(Separator, steps.Skip(start).Take(length).Select(s => s.Step));
                    inTask[key] = inTask.TryGetValue(key, out var seen) ? (seen.First, seen.Count + 1) : (steps[start], 1);
                }
            }

            foreach (var (key, value) in inTask)
            {
                if (!found.TryGetValue(key, out var list))
                {
                    found[key] = list = [];
                }

                list.Add(value);
            }
        }

        var kept = found.Where(f => f.Value.Count >= options.MinTasks)
            .OrderByDescending(f => f.Value.Count * Length(f.Key))
            .ThenByDescending(f => f.Value.Count)
            .ThenBy(f => f.Key, StringComparer.Ordinal)
            .Take(MaxPatterns);
        foreach (var (key, list) in kept)
        {
            var id = PatternIds.Make(PatternKind.Sequence, key);
            foreach (var (first, count) in list)
            {
                occurrences.Add(new PatternOccurrence(id, first.TaskId, first.SessionId, first.Agent, first.Id, first.Ts, count, Detail: key));
            }

            var share = Math.Min(1, (double)list.Count / Math.Max(1, totalTasks));
            patterns.Add(new PatternRecord(
                id, PatternKind.Sequence, key, key, list.Count, list.Count,
                list.Select(o => o.First.SessionId).Distinct(StringComparer.Ordinal).Count(), list.Sum(o => o.Count),
                0, 0, 0, 0, 0, (int)Math.Round(100 * share, MidpointRounding.AwayFromZero),
                DetailsJson.Object(("tasksShare", RepetitiveOperations.Round(share)), ("formula", "100 x min(1, tasks / all tasks)")),
                null, list.Select(o => o.First.Ts).Min(StringComparer.Ordinal), list.Select(o => o.First.Ts).Max(StringComparer.Ordinal),
                RepetitiveOperations.Agents(list.Select(o => o.First.Agent)),
                DetailsJson.Object(("length", Length(key)))));
        }
    }

    private static int Length(string key) => key.Split(Separator).Length;
}
