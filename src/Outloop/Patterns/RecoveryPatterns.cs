namespace Outloop.Patterns;

/// <summary>
/// Recoveries: in each task, after a call of signature S fails with template T, the steps that followed until a call
/// of S succeeded again (further failures of S belong to the same attempt). Per template with at least one success: the
/// attempts, the successful recoveries, the success rate (recovered / attempts), the usual fix (the most common
/// step list, file targets dropped) and the average steps; with <see cref="BackfillOptions.SelfHealAfter"/> or more
/// recoveries it is a self-heal pattern. Confidence = 100 x success rate.
/// </summary>
internal static class RecoveryPatterns
{
    /// <summary>The fix when nothing came between the failure and the success: the same operation, retried or corrected.</summary>
    public const string SameOperation = "(the same operation again)";

    public static void Find(IReadOnlyList<AnalyzedCall> calls, IReadOnlyDictionary<string, string> templateOf, IReadOnlyDictionary<string, string> templateText,
        BackfillOptions options, List<PatternRecord> patterns, List<PatternOccurrence> occurrences)
    {
        var attempts = new Dictionary<string, List<Attempt>>(StringComparer.Ordinal);
        foreach (var task in calls.GroupBy(c => c.TaskId, StringComparer.Ordinal))
        {
            var ordered = task.ToList();
            var open = new Dictionary<string, (AnalyzedCall Failure, string Template, int Index)>(StringComparer.Ordinal);
            for (var i = 0; i < ordered.Count; i++)
            {
                var call = ordered[i];
                if (call.Failed)
                {
                    if (!open.ContainsKey(call.Signature) && templateOf.TryGetValue(call.Id, out var template))
                    {
                        open[call.Signature] = (call, template, i);
                    }

                    continue;
                }

                if (call.Success == true && open.Remove(call.Signature, out var failure))
                {
                    var steps = ordered.Skip(failure.Index + 1).Take(i - failure.Index - 1).Where(c => c.Signature != call.Signature).Select(c => c.Step).ToList();
                    Add(attempts, failure.Template, new Attempt(failure.Failure, call, Collapse(steps)));
                }
            }

            foreach (var (_, failure) in open)
            {
                Add(attempts, failure.Template, new Attempt(failure.Failure, null, string.Empty));
            }
        }

        foreach (var (template, list) in attempts.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var recovered = list.Where(a => a.Success is not null).OrderBy(a => a.Failure.Ts, StringComparer.Ordinal).ThenBy(a => a.Failure.Id, StringComparer.Ordinal).ToList();
            if (recovered.Count == 0)
            {
                continue;
            }

            var id = PatternIds.Make(PatternKind.Recovery, template);
            var byTask = recovered.GroupBy(a => a.Failure.TaskId, StringComparer.Ordinal).ToList();
            foreach (var task in byTask)
            {
                var first = task.First();
                occurrences.Add(new PatternOccurrence(id, task.Key, first.Failure.SessionId, first.Failure.Agent, first.Failure.Id, first.Failure.Ts, task.Count(),
                    Detail: first.Fix.Length == 0 ? SameOperation : first.Fix));
            }

            var rate = (double)recovered.Count / list.Count;
            var fix = FailureTemplates.Most(recovered.Select(a => a.Fix));
            var selfHeal = recovered.Count >= options.SelfHealAfter;
            var text = templateText.GetValueOrDefault(template, template);
            patterns.Add(new PatternRecord(
                id, PatternKind.Recovery, template, (selfHeal ? "self-heal: " : "recovery: ") + text, byTask.Count, byTask.Count,
                recovered.Select(a => a.Failure.SessionId).Distinct(StringComparer.Ordinal).Count(), recovered.Count,
                0, 0, 0, 0, 0, (int)Math.Round(100 * rate, MidpointRounding.AwayFromZero),
                DetailsJson.Object(("recovered", recovered.Count), ("attempts", list.Count), ("formula", "100 x recovered / attempts")),
                rate, recovered[0].Failure.Ts, recovered[^1].Success!.Ts,
                RepetitiveOperations.Agents(recovered.Select(a => a.Failure.Agent)),
                DetailsJson.Object(
                    ("template", text), ("selfHeal", selfHeal), ("attempts", list.Count), ("recovered", recovered.Count),
                    ("usualFix", fix.Length == 0 ? SameOperation : fix),
                    ("averageSteps", RepetitiveOperations.Round(recovered.Average(a => a.Fix.Length == 0 ? 0 : a.Fix.Split(SequenceMiner.Separator).Length))))));
        }
    }

    private static void Add(Dictionary<string, List<Attempt>> attempts, string template, Attempt attempt)
    {
        if (!attempts.TryGetValue(template, out var list))
        {
            attempts[template] = list = [];
        }

        list.Add(attempt);
    }

    private static string Collapse(List<string> steps)
    {
        var collapsed = new List<string>();
        foreach (var step in steps)
        {
            if (collapsed.Count == 0 || collapsed[^1] != step)
            {
                collapsed.Add(step);
            }
        }

        return string.Join(SequenceMiner.Separator, collapsed);
    }

    private sealed record Attempt(AnalyzedCall Failure, AnalyzedCall? Success, string Fix);
}
