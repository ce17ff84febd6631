using System.Globalization;
using Outloop.Patterns.Signatures;

namespace Outloop.Patterns;

/// <summary>
/// Repetitive operations: every signature seen in at least <see cref="BackfillOptions.MinTasks"/> tasks, counted once
/// per task, with its LLM and script figures and potential monthly savings:
/// <c>max(0, sum(LLM cost) - sum(script cost)) x 30 / observed days</c>, where observed days span the first to the
/// last call in the store (at least 1). Confidence (0-100) = 40 x frequency + 30 x consistency + 30 x success, with
/// frequency = min(1, tasks / 10), consistency = share of calls written in the most common normalised form, success =
/// share of calls that succeeded (of those whose outcome is known). The agent's own bookkeeping (<c>agent:*</c>) is
/// left out.
/// </summary>
internal static class RepetitiveOperations
{
    public const double FrequencyTasks = 10;

    public static void Find(IReadOnlyList<AnalyzedCall> calls, BackfillOptions options, double observedDays, List<PatternRecord> patterns, List<PatternOccurrence> occurrences)
    {
        foreach (var group in calls.Where(c => c.Operation.Category != OperationCategory.Agent).GroupBy(c => c.Signature, StringComparer.Ordinal))
        {
            var byTask = group.GroupBy(c => c.TaskId, StringComparer.Ordinal).ToList();
            if (byTask.Count < options.MinTasks)
            {
                continue;
            }

            var id = PatternIds.Make(PatternKind.Operation, group.Key);
            var list = group.ToList();
            foreach (var task in byTask)
            {
                var first = task.First();
                occurrences.Add(new PatternOccurrence(
                    id, task.Key, first.SessionId, first.Agent, first.Id, first.Ts, task.Count(),
                    task.Sum(c => c.Cost.LlmTokens), task.Sum(c => c.Cost.ToolTokens),
                    task.Sum(c => c.Cost.LlmCostUsd), task.Sum(c => c.Cost.ScriptCostUsd),
                    first.Operation.NormalizedCommand));
            }

            var llmCost = list.Sum(c => c.Cost.LlmCostUsd);
            var scriptCost = list.Sum(c => c.Cost.ScriptCostUsd);
            var monthly = Math.Max(0, llmCost - scriptCost) * 30 / observedDays;
            var frequency = Math.Min(1, byTask.Count / FrequencyTasks);
            var forms = list.GroupBy(c => c.Operation.NormalizedCommand, StringComparer.Ordinal)
                .OrderByDescending(f => f.Count()).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
            var consistency = (double)forms[0].Count() / list.Count;
            var known = list.Count(c => c.Success is not null);
            var success = known == 0 ? 1 : (double)list.Count(c => c.Success == true && !c.Failed) / known;
            var confidence = (int)Math.Round(100 * ((0.4 * frequency) + (0.3 * consistency) + (0.3 * success)), MidpointRounding.AwayFromZero);
            var parts = DetailsJson.Object(
                ("frequency", Round(frequency)), ("consistency", Round(consistency)), ("success", Round(success)),
                ("formula", "40 x frequency + 30 x consistency + 30 x success; frequency = min(1, tasks / 10)"));
            var details = DetailsJson.Object(
                ("commonForm", forms[0].Key),
                ("forms", forms.Count),
                ("observedDays", Round(observedDays)),
                ("outputTokens", list.Sum(c => c.Cost.OutputShare)),
                ("resultTokens", list.Sum(c => c.Cost.ResultTokens)),
                ("compactTokens", list.Sum(c => c.Cost.CompactTokens)),
                ("rereads", list.Sum(c => (long)c.Cost.Rereads)),
                ("scriptable", list[0].Cost.Scriptable));
            patterns.Add(new PatternRecord(
                id, PatternKind.Operation, group.Key, forms[0].Key,
                byTask.Count, byTask.Count, list.Select(c => c.SessionId).Distinct(StringComparer.Ordinal).Count(), list.Count,
                list.Sum(c => c.Cost.LlmTokens), list.Sum(c => c.Cost.ToolTokens), llmCost, scriptCost, monthly,
                confidence, parts, known == 0 ? null : success,
                list.Select(c => c.Ts).Min(StringComparer.Ordinal), list.Select(c => c.Ts).Max(StringComparer.Ordinal),
                Agents(list.Select(c => c.Agent)), details));
        }
    }

    internal static string Agents(IEnumerable<string> agents) =>
        string.Join(',', agents.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    internal static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    internal static string Text(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
