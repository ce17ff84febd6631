using Outloop.Patterns.Templates;

namespace Outloop.Patterns;

/// <summary>
/// Failure templates: the salient error line of every failed call (and of failing test or build output that exited
/// 0), in time order, through one <see cref="TemplateMiner"/>. Per template: calls, tasks, sessions, examples, first
/// and last seen, the signature and tool it mostly came from, and confidence = 100 x min(1, tasks with the template /
/// all tasks) within the lookback window ending at the newest call (seed 002's occurrences / total tasks, counted per
/// task).
/// </summary>
internal static class FailureTemplates
{
    public const int MaxExamples = 5;

    /// <summary>Mines templates; returns each failed call's template id (by call id) for the recovery analysis.</summary>
    public static Dictionary<string, string> Find(
        IReadOnlyList<AnalyzedCall> calls,
        BackfillOptions options,
        IReadOnlyList<StoredTask> tasks,
        string? newest,
        List<PatternRecord> patterns,
        List<PatternOccurrence> occurrences,
        List<FailureRecord> failures)
    {
        var failed = calls.Where(c => c.Failed && c.FailureLine is not null)
            .OrderBy(c => c.Ts, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var miner = new TemplateMiner();
        foreach (var call in failed)
        {
            miner.Add(ErrorLine.Normalize(call.FailureLine!));
        }

        var assignments = miner.Assignments();
        var text = miner.Templates.ToDictionary(t => t.Id, t => t.Text);
        var windowStart = WindowStart(newest, options.LookbackDays);
        var windowTasks = tasks.Count(t => windowStart is null || string.CompareOrdinal(t.StartedAt, windowStart) >= 0);
        var templateOf = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var group in failed.Select((call, i) => (Call: call, Template: text[assignments[i]]))
                     .GroupBy(x => x.Template, StringComparer.Ordinal))
        {
            var id = PatternIds.Make(PatternKind.Failure, group.Key);
            var list = group.Select(x => x.Call).ToList();
            foreach (var call in list)
            {
                templateOf[call.Id] = id;
                failures.Add(new FailureRecord(call.Id, id, call.TaskId, call.SessionId, call.Ts, call.Signature, call.ToolName, call.FailureSource!, call.FailureLine!));
            }

            var byTask = list.GroupBy(c => c.TaskId, StringComparer.Ordinal).ToList();
            foreach (var task in byTask)
            {
                var first = task.First();
                occurrences.Add(new PatternOccurrence(id, task.Key, first.SessionId, first.Agent, first.Id, first.Ts, task.Count(), Detail: first.FailureLine));
            }

            var inWindow = byTask.Count(t => windowStart is null || string.CompareOrdinal(t.First().Ts, windowStart) >= 0);
            var share = windowTasks == 0 ? 0 : Math.Min(1, (double)inWindow / windowTasks);
            var signature = Most(list.Select(c => c.Signature));
            var tool = Most(list.Select(c => c.ToolName ?? string.Empty));
            var examples = list.Select(c => c.FailureLine!).Distinct(StringComparer.Ordinal).Take(MaxExamples).ToList();
            patterns.Add(new PatternRecord(
                id, PatternKind.Failure, group.Key, group.Key, byTask.Count, byTask.Count,
                list.Select(c => c.SessionId).Distinct(StringComparer.Ordinal).Count(), list.Count,
                0, 0, 0, 0, 0, (int)Math.Round(100 * share, MidpointRounding.AwayFromZero),
                DetailsJson.Object(
                    ("tasksInWindow", inWindow), ("allTasksInWindow", windowTasks), ("lookbackDays", options.LookbackDays),
                    ("formula", "100 x min(1, tasks with the template / all tasks) in the lookback window")),
                null, list[0].Ts, list[^1].Ts, RepetitiveOperations.Agents(list.Select(c => c.Agent)),
                DetailsJson.Object(
                    ("signature", signature), ("tool", tool),
                    ("signatures", list.Select(c => c.Signature).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()),
                    ("fromOutput", list.Count(c => c.FailureSource == "output")),
                    ("examples", examples))));
        }

        return templateOf;
    }

    internal static string Most(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    private static string? WindowStart(string? newest, int days) =>
        newest is null ? null : Storage.StoreTime.Format(Storage.StoreTime.Parse(newest).AddDays(-days));
}
