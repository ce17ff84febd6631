using Outloop.Patterns;

namespace Outloop.Tests.Patterns.Roles;

public sealed class TaskSignalsTests
{
    private const string Submission = """
        diff --git a/pkg/mod.py b/pkg/mod.py
        index 1111111..2222222 100644
        --- a/pkg/mod.py
        +++ b/pkg/mod.py
        @@ -1,3 +1,4 @@
         def f(x):
        -    return x
        +    if x < 0:
        +        return -x
        +    return x
        diff --git a/tests/test_mod.py b/tests/test_mod.py
        new file mode 100644
        --- /dev/null
        +++ b/tests/test_mod.py
        @@ -0,0 +1,2 @@
        +def test_neg():
        +    assert f(-1) == 1
        \ No newline at end of file

        """;

    private static TaskSignals Signals(List<AnalyzedCall> calls) =>
        TaskSignals.Of(new StoredTask("t", "s", "mini-swe-agent", null, "2026-03-01", "unknown", false), calls, TaskIterations.Iterations(calls) + 1);

    [Fact]
    public void ASubmittedDiffIsMeasuredWithoutItsTestFiles()
    {
        var calls = new MiniSweCalls()
            .Run("sed -i 's/x/y/' pkg/mod.py")
            .Run("echo COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT && git add -A && git diff --cached", 0, Submission)
            .Analyze();

        var signals = Signals(calls);
        Assert.Equal(1, signals.PatchFiles);
        Assert.Equal(4, signals.PatchLines);
    }

    [Fact]
    public void ATaskWithoutASubmittedDiffHasNoPatchSize()
    {
        var calls = new MiniSweCalls()
            .Run("git diff", 0, Submission) // the agent looking at its diff is not a submission
            .Run("sed -i 's/x/y/' pkg/mod.py")
            .Analyze();

        Assert.Null(Signals(calls).PatchLines);
        Assert.Null(DiffSize.Of("nothing to commit, working tree clean\n"));
    }

    [Fact]
    public void ARenamedFileCountsUnderItsNewPath()
    {
        var size = DiffSize.Of("diff --git a/tests/helper.py b/pkg/helper.py\nsimilarity index 90%\n--- a/tests/helper.py\n+++ b/pkg/helper.py\n@@ -1 +1 @@\n-a\n+b\n");

        Assert.Equal(new DiffSize(1, 2), size);
    }

    [Fact]
    public void CheckedEditsCountFixAttemptsFollowedByACheckAndFailedChecksIncludeTheLast()
    {
        var calls = new MiniSweCalls()
            .Run("pytest tests/test_mod.py", 1, "==== 1 failed in 0.1s ====\n") // before any edit: not counted
            .Run("sed -i 's/x/y/' pkg/mod.py")
            .Run("sed -i 's/y/z/' pkg/mod.py")
            .Run("pytest tests/test_mod.py", 1, "==== 1 failed in 0.1s ====\n") // attempt 1, failed
            .Run("pytest tests/test_mod.py", 1, "==== 1 failed in 0.1s ====\n") // same attempt, checked again
            .Run("sed -i 's/z/w/' pkg/mod.py")
            .Run("pytest tests/test_mod.py", 1, "==== 1 failed in 0.1s ====\n") // attempt 2, the last check, failed
            .Run("sed -i 's/w/v/' pkg/mod.py") // never checked
            .Analyze();

        var signals = Signals(calls);
        Assert.Equal(2, signals.CheckedEdits);
        Assert.Equal(3, signals.FailedChecksAfterEdit);
        Assert.Equal(4, signals.Iterations); // 1 + the three failed checks that a later edit answered
    }

    [Fact]
    public void SearchesAndReadsAreExplorationButEditsAndRunsAreNot()
    {
        var calls = new MiniSweCalls()
            .Run("grep -rn \"def f\" pkg", 0, "pkg/mod.py:1:def f(x):\n")
            .Run("find . -name '*.py'", 0, "./pkg/mod.py\n")
            .Run("cat pkg/mod.py", 0, string.Concat(Enumerable.Repeat("def f(x):\n    return x\n", 50)))
            .Run("sed -i 's/x/y/' pkg/mod.py")
            .Run("python3 -c 'import pkg'", 0, string.Concat(Enumerable.Repeat("noise\n", 500)))
            .Analyze();

        var signals = Signals(calls);
        Assert.Equal(2, signals.Searches);
        Assert.Equal(calls.Take(3).Sum(c => c.Cost.ResultTokens), signals.ExplorationTokens);
        Assert.True(calls[2].Cost.ResultTokens > 100);
    }
}
