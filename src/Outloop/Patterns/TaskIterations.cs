namespace Outloop.Patterns;

/// <summary>
/// Iterations and score per task.
/// <para>Iterations = 1 + failed verification runs (test, build/typecheck, lint: failed call or failing output) that
/// were followed by a file write or edit later in the same task.</para>
/// <para>Effective outcome = the stored outcome; when unknown, <c>converged</c> if the task's last verification run
/// passed, <c>failed</c> if it failed, <c>unknown</c> without one. Score = base - 10 x (iterations - 1), clamped to
/// 0-100, with base converged 100, unknown 70, escalated 40, failed 10; an interrupted task loses 20 more.</para>
/// </summary>
internal static class TaskIterations
{
    public static List<TaskScore> Score(IReadOnlyList<StoredTask> tasks, IReadOnlyList<AnalyzedCall> calls)
    {
        var byTask = calls.GroupBy(c => c.TaskId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var scores = new List<TaskScore>(tasks.Count);
        foreach (var task in tasks)
        {
            var list = byTask.GetValueOrDefault(task.Id) ?? [];
            var iterations = 1 + Iterations(list);
            var lastCheck = list.LastOrDefault(c => c.Operation.IsVerification && c.Success is not null);
            var outcome = task.Outcome != "unknown" || lastCheck is null ? task.Outcome : lastCheck.Failed ? "failed" : "converged";
            scores.Add(new TaskScore(task.Id, iterations, Score(outcome, iterations, task.Interrupted), outcome));
        }

        return scores;
    }

    /// <summary>Failed verification runs followed by a later write in <paramref name="calls"/> (one task, in order).</summary>
    public static int Iterations(IReadOnlyList<AnalyzedCall> calls)
    {
        var count = 0;
        var writeAfter = false;
        for (var i = calls.Count - 1; i >= 0; i--)
        {
            var call = calls[i];
            if (call.IsWrite)
            {
                writeAfter = true;
            }
            else if (writeAfter && call.Failed && call.Operation.IsVerification)
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
