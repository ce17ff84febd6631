using Outloop.Patterns;

namespace Outloop.Tests.Patterns.Roles;

public sealed class CallRolesTests
{
    private const string Repro = "cat <<'EOF' > reproduce_issue.py\nfrom pkg.mod import f\nassert f(-1) == 1\nEOF";
    private const string Fix = "cat <<'EOF' > fix.py\nwith open('pkg/mod.py') as f:\n    s = f.read()\nwith open('pkg/mod.py', 'w') as f:\n    f.write(s.replace('x', 'y'))\nEOF";

    [Fact]
    public void AGrepWithNoMatchIsNotAFailure()
    {
        var calls = new MiniSweCalls()
            .Run("grep -n \"def missing\" pkg/mod.py", 1)
            .Run("grep -rn foo nowhere/", 2, "grep: nowhere/: No such file or directory\n")
            .Analyze();

        Assert.False(calls[0].Failed);
        Assert.True(calls[1].Failed);
    }

    [Fact]
    public void AReproductionFailingBeforeTheFixIsExpectedAndItsRerunAfterAnEditVerifies()
    {
        var calls = new MiniSweCalls()
            .Run(Repro)
            .Run("python3 reproduce_issue.py", 1, "AssertionError\n")
            .Run("sed -i 's/x/y/' pkg/mod.py")
            .Run("python3 reproduce_issue.py", 1, "AssertionError\n")
            .Run("rm reproduce_issue.py")
            .Analyze();

        Assert.False(calls[0].EditsSource); // the scratch script is not the project
        Assert.True(calls[1].Reproduces);
        Assert.False(calls[1].Failed);
        Assert.False(calls[1].Verifies);
        Assert.True(calls[2].EditsSource);
        Assert.True(calls[3].Verifies);
        Assert.True(calls[3].Failed);
        Assert.Equal("AssertionError", calls[3].FailureLine);
    }

    [Fact]
    public void RunningAScriptThatRewritesAProjectFileIsAnEditNotACheck()
    {
        var calls = new MiniSweCalls()
            .Run(Fix)
            .Run("python3 fix.py")
            .Run(Fix.Replace("fix.py", "update_tests.py", StringComparison.Ordinal) + "\npython3 update_tests.py")
            .Analyze();

        Assert.False(calls[0].EditsSource);
        Assert.True(calls[1].EditsSource);
        Assert.False(calls[1].Verifies);
        Assert.True(calls[2].EditsSource);
        Assert.False(calls[2].Verifies); // "test" in its name, yet it edits
    }

    [Fact]
    public void AnEditInsideARunLineIsAnEditAndTheRunChecksIt()
    {
        var calls = new MiniSweCalls()
            .Run(Repro)
            .Run("python3 reproduce_issue.py", 1, "AssertionError\n")
            .Run("sed -i 's/x/y/' pkg/mod.py && python3 reproduce_issue.py")
            .Analyze();

        Assert.Equal("run", calls[2].Operation.Category);
        Assert.True(calls[2].EditsSource);
        Assert.True(calls[2].Verifies);
    }

    [Fact]
    public void AFailedEditChangesNothingAndARestoreIsAnEdit()
    {
        var calls = new MiniSweCalls()
            .Run("sed -i '12c\\\n  x' pkg/mod.py", 2, "bash: -c: line 3: syntax error: unexpected end of file\n")
            .Run("git checkout pkg/mod.py")
            .Analyze();

        Assert.False(calls[0].EditsSource);
        Assert.True(calls[1].EditsSource);
    }

    [Fact]
    public void ATestFileTheTaskWroteRanAndDeletedIsScratchButAnEditedProjectTestIsATestEdit()
    {
        var calls = new MiniSweCalls()
            .Run("cat <<'EOF' > tests/test_neg.py\ndef test_neg():\n    assert True\nEOF")
            .Run("pytest tests/test_neg.py", 1, "==== 1 failed in 0.1s ====\n")
            .Run("rm tests/test_neg.py")
            .Run("sed -i 's/1/2/' tests/test_mod.py")
            .Analyze();

        Assert.False(calls[0].EditsSource);
        Assert.True(calls[1].Reproduces);
        Assert.True(calls[3].EditsSource);
        var signals = TaskSignals.Of(new StoredTask("t", "s", "mini-swe-agent", null, "2026-03-01", "unknown", false), calls, 1);
        Assert.True(signals.EditedTests);
        Assert.Equal(0, signals.TestRuns);
    }

    [Fact]
    public void IterationsCountFailedChecksBetweenEditsOnly()
    {
        var calls = new MiniSweCalls()
            .Run("pytest tests/test_mod.py", 1, "==== 1 failed in 0.1s ====\n") // before any edit: the starting point
            .Run("sed -i 's/x/y/' pkg/mod.py")
            .Run("pytest tests/test_mod.py", 1, "==== 1 failed in 0.1s ====\n") // checked, found wanting
            .Run("sed -i 's/y/z/' pkg/mod.py")
            .Run("pytest tests/test_mod.py", 1, "==== 1 failed in 0.1s ====\n") // not followed by an edit
            .Run("echo COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT && git add -A && git diff --cached")
            .Analyze();

        Assert.Equal(1, TaskIterations.Iterations(calls));
        var signals = TaskSignals.Of(new StoredTask("t", "s", "mini-swe-agent", null, "2026-03-01", "unknown", false), calls, 2);
        Assert.Equal(3, signals.Verifications);
        Assert.Equal(3, signals.FailedVerifications);
        Assert.True(signals.LastVerificationFailed);
        Assert.True(signals.LastTestFailed);
        Assert.Equal(2, signals.SourceEdits);
        Assert.True(signals.Submitted);
        Assert.False(signals.EditedTests);
    }
}
