namespace Outloop.Patterns;

/// <summary>
/// Iterations and score per task.
/// <para>Iterations = 1 + failed verification runs (<see cref="AnalyzedCall.Verifies"/>: tests, builds/type checks,
/// linters, scratch scripts re-run after an edit; failed call or failing output) that came after the task's first
/// source edit and were followed by another one (<see cref="AnalyzedCall.EditsSource"/>): a fix that was checked,
/// found wanting and changed. A failing check before any edit is the starting point, not an iteration.</para>
/// <para>Effective outcome = the stored outcome; when unknown, <c>converged</c> if the task's last verification run
/// passed, <c>failed</c> if it failed, <c>unknown</c> without one. Score = base - 10 x (iterations - 1), clamped to
/// 0-100, with base converged 100, unknown 70, escalated 40, failed 10; an interrupted task loses 20 more.</para>
/// </summary>
internal static class TaskIterations
{
    public static List<TaskScore> Score(IReadOnlyList<StoredTask> tasks, IReadOnlyList<AnalyzedCall> calls) => Score(tasks, calls, null);

    /// <summary>Scores every task; adds each task's <see cref="TaskSignals"/> to <paramref name="signals"/> when given.</summary>
    public static List<TaskScore> Score(IReadOnlyList<StoredTask> tasks, IReadOnlyList<AnalyzedCall> calls, List<TaskSignals>? signals)
    {
        var byTask = calls.GroupBy(c => c.TaskId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var scores = new List<TaskScore>(tasks.Count);
        foreach (var task in tasks)
        {
            var list = byTask.GetValueOrDefault(task.Id) ?? [];
            var iterations = 1 + Iterations(list);
            signals?.Add(TaskSignals.Of(task, list, iterations));
            var lastCheck = list.LastOrDefault(c => c.Verifies && c.Success is not null);
            var outcome = task.Outcome != "unknown" || lastCheck is null ? task.Outcome : lastCheck.Failed ? "failed" : "converged";
            scores.Add(new TaskScore(task.Id, iterations, Score(outcome, iterations, task.Interrupted), outcome));
        }

        return scores;
    }

    /// <summary>Failed verification runs after a source edit and before another one in <paramref name="calls"/> (one task, in order, roles assigned).</summary>
    public static int Iterations(IReadOnlyList<AnalyzedCall> calls)
    {
        var last = -1;
        for (var i = 0; i < calls.Count; i++)
        {
            if (calls[i].EditsSource)
            {
                last = i;
            }
        }

        var count = 0;
        var edited = false;
        for (var i = 0; i < last; i++)
        {
            edited |= calls[i].EditsSource;
            if (edited && calls[i].Failed && calls[i].Verifies)
            {
                count++;
            }
        }

        return count;
    }

    public static int Score(string outcome, int iterations, bool interrupted)
    {
        var score = outcome switch
        {
            "converged" => 100,
            "escalated" => 40,
            "failed" => 10,
            _ => 70,
        };
        score -= 10 * (iterations - 1);
        if (interrupted)
        {
            score -= 20;
        }

        return Math.Clamp(score, 0, 100);
    }
}
