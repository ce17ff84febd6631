namespace Outloop.Ingestion.SweAgent;

/// <summary>
/// Maps SWE-agent's <c>info.exit_status</c> to an outcome. <c>submitted</c> with a patch converged (unless a label
/// beside the trajectory says otherwise); <c>submitted</c> without a patch failed. A run stopped by a limit
/// (<c>exit_cost</c>, <c>exit_context</c>, <c>exit_total_execution_time</c>, <c>exit_command_timeout</c>) was
/// escalated, also when SWE-agent auto-submitted what it had (<c>submitted (exit_cost)</c>): nobody decided the work
/// was done, a person has to look at it. Every other <c>exit_*</c> (format, API, environment, forfeit, error) failed.
/// </summary>
internal static class SweAgentOutcome
{
    private static readonly HashSet<string> Limits = new(StringComparer.Ordinal)
    {
        "exit_cost", "exit_context", "exit_total_execution_time", "exit_command_timeout",
    };

    public static (TaskOutcome Outcome, string? Evidence) From(string? exitStatus, string? submission)
    {
        if (string.IsNullOrWhiteSpace(exitStatus))
        {
            return (TaskOutcome.Unknown, null);
        }

        var status = exitStatus.Trim();
        var hasPatch = !string.IsNullOrWhiteSpace(submission);
        var patch = hasPatch ? $"a {submission!.Length}-character submission" : "no submission";
        var evidence = $"exit_status={status} with {patch}";
        if (status == "submitted")
        {
            return (hasPatch ? TaskOutcome.Converged : TaskOutcome.Failed, evidence);
        }

        var reason = status.StartsWith("submitted (", StringComparison.Ordinal) ? status["submitted (".Length..].TrimEnd(')') : status;
        return Limits.Contains(reason) ? (TaskOutcome.Escalated, evidence) : (TaskOutcome.Failed, evidence);
    }
}
