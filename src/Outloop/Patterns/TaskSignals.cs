using Outloop.Patterns.Signatures;

namespace Outloop.Patterns;

/// <summary>
/// What a task's calls show about how it went, from the roles <see cref="CallRoles"/> gave them: the figures an
/// outcome study compares with the real outcomes (<c>scripts/outcome-signal.py</c>).
/// </summary>
/// <param name="TaskId">The task.</param>
/// <param name="Outcome">The stored outcome.</param>
/// <param name="Calls">Tool calls.</param>
/// <param name="FailedCalls">Calls that failed (<see cref="AnalyzedCall.Failed"/>: no-match answers and reproductions excluded).</param>
/// <param name="SourceEdits">Calls that changed a project file.</param>
/// <param name="Verifications">Verification runs.</param>
/// <param name="FailedVerifications">Verification runs that failed.</param>
/// <param name="LastVerificationFailed">Whether the last verification run failed; null without one.</param>
/// <param name="TestRuns">Test runs that are not reproductions (the project's tests, or the agent's tests after an edit).</param>
/// <param name="LastTestFailed">Whether the last of those test runs failed; null without one.</param>
/// <param name="EditedTests">Whether a source edit touched a test file or folder.</param>
/// <param name="Submitted">Whether the task ended with a submission or finish step.</param>
/// <param name="Iterations">Iterations as <see cref="TaskIterations"/> counts them.</param>
/// <param name="CheckedEdits">Fix attempts that were checked: runs of source edits followed by a verification run before the next edit.</param>
/// <param name="FailedChecksAfterEdit">Verification runs after the first source edit that failed, the last one included.</param>
/// <param name="Searches">Search calls (grep, find, ...): how much the agent had to look for the place to change.</param>
/// <param name="ExplorationTokens">Estimated tokens of the results of searches and file reads/listings the model read.</param>
/// <param name="PatchFiles">Non-test files in the submitted diff; null without a submission that printed one.</param>
/// <param name="PatchLines">Added plus removed lines of those files; null without a submitted diff.</param>
internal sealed record TaskSignals(
    string TaskId,
    string Outcome,
    int Calls,
    int FailedCalls,
    int SourceEdits,
    int Verifications,
    int FailedVerifications,
    bool? LastVerificationFailed,
    int TestRuns,
    bool? LastTestFailed,
    bool EditedTests,
    bool Submitted,
    int Iterations,
    int CheckedEdits,
    int FailedChecksAfterEdit,
    int Searches,
    long ExplorationTokens,
    int? PatchFiles,
    int? PatchLines)
{
    /// <summary>Signals of one task from its calls (in order, roles assigned) and its iterations.</summary>
    public static TaskSignals Of(StoredTask task, IReadOnlyList<AnalyzedCall> calls, int iterations)
    {
        var checks = calls.Where(c => c.Verifies).ToList();
        var tests = checks.Where(c => c.Operation.Category == OperationCategory.Test).ToList();
        var firstEdit = calls.ToList().FindIndex(c => c.EditsSource);
        var patch = calls.LastOrDefault(c => c.Diff is not null)?.Diff;
        return new TaskSignals(
            task.Id,
            task.Outcome,
            calls.Count,
            calls.Count(c => c.Failed),
            calls.Count(c => c.EditsSource),
            checks.Count,
            checks.Count(c => c.Failed),
            checks.Count == 0 ? null : checks[^1].Failed,
            tests.Count,
            tests.Count == 0 ? null : tests[^1].Failed,
            calls.Any(c => c.EditsSource && c.Operation.Paths.Concat(c.Written).Any(CallRoles.IsTestPath)),
            calls.Any(c => c.Operation.Category == OperationCategory.Agent && c.Operation.Subcategory == "finish"),
            iterations,
            CountCheckedEdits(calls),
            firstEdit < 0 ? 0 : calls.Skip(firstEdit).Count(c => c.Verifies && c.Failed),
            calls.Count(c => c.Operation.Category == OperationCategory.Search),
            calls.Where(IsExploration).Sum(c => c.Cost.ResultTokens),
            patch?.Files,
            patch?.Lines);
    }

    /// <summary>Runs of consecutive source edits (other calls between them allowed) followed by a verification run before the next edit.</summary>
    public static int CountCheckedEdits(IReadOnlyList<AnalyzedCall> calls)
    {
        var count = 0;
        var pending = false;
        foreach (var call in calls)
        {
            if (call.EditsSource)
            {
                pending = true;
            }
            else if (pending && call.Verifies)
            {
                count++;
                pending = false;
            }
        }

        return count;
    }

    private static bool IsExploration(AnalyzedCall call) =>
        call.Operation.Category == OperationCategory.Search
        || (call.Operation.Category == OperationCategory.File && call.Operation.Subcategory is "read" or "list");
}
