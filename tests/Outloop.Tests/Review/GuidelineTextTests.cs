using Outloop.Patterns;
using Outloop.Review;

namespace Outloop.Tests.Review;

public sealed class GuidelineTextTests
{
    [Fact]
    public void RecoveryWithStepsSaysWhatFixedItAndHowOften()
    {
        var text = GuidelineText.For(Pattern(PatternKind.Recovery, "ModuleNotFoundError: No module named <*>",
            """{"template":"ModuleNotFoundError: No module named <*>","selfHeal":true,"attempts":5,"recovered":4,"usualFix":"deps:pip:install > test:pytest:all"}"""));

        Assert.Equal("After `ModuleNotFoundError: No module named <*>`, what fixed it: `deps:pip:install`, then `test:pytest:all` (worked 4 of 5 times)", text);
    }

    [Fact]
    public void RecoveryWithoutStepsAsksToCorrectTheCallNotRepeatIt()
    {
        var text = GuidelineText.For(Pattern(PatternKind.Recovery, "fatal: The current branch <*> has no upstream branch.",
            $$"""{"template":"fatal: The current branch <*> has no upstream branch.","attempts":4,"recovered":4,"usualFix":"{{RecoveryPatterns.SameOperation}}"}"""));

        Assert.StartsWith("After `fatal: The current branch <*> has no upstream branch.`, the same operation succeeded on a later try (worked 4 of 4 times)", text);
        Assert.DoesNotContain("self-heal", text);
    }

    [Fact]
    public void FailureNamesTheErrorItsTaskCountAndWhereItCameFrom()
    {
        var text = GuidelineText.For(Pattern(PatternKind.Failure, "<path>: No module named pytest", """{"signature":"test:pytest:sympy"}""", tasks: 3));

        Assert.Equal("Before finishing, check that this error is gone: `<path>: No module named pytest` (seen in 3 tasks, from `test:pytest:sympy`)", text);
    }

    [Fact]
    public void SuccessAndIterationQuoteTheGroupsFirstTaskAndWhatTheTasksShare()
    {
        const string details = """{"verb":"fix","averageIterations":2.25,"sharedWords":["fix","login","session","timeout"],"sharedSignatures":["file:read:lib","test:mix:all"],"sharedFiles":["lib/auth.ex"]}""";

        Assert.Equal("Tasks like \"Fix the login session timeout on mobile...\" converged first time (4 tasks); what they did: `file:read:lib`, `test:mix:all`",
            GuidelineText.For(Pattern(PatternKind.Success, "fix: login session", details, tasks: 4, title: "fix: Fix the login session timeout on mobile...")));
        Assert.Equal("Tasks like \"Fix the login session timeout on mobile...\" took 2.3 attempts on average (4 tasks): write the pass criteria and the check to run down before starting; they touch `lib/auth.ex`",
            GuidelineText.For(Pattern(PatternKind.Iteration, "fix: login session", details, tasks: 4, title: "fix: Fix the login session timeout on mobile...")));
    }

    [Fact]
    public void MissingOrBrokenDetailsFallBackToTheSignature()
    {
        Assert.Equal("Tasks like \"deploy: staging\" converged first time (1 task)", GuidelineText.For(Pattern(PatternKind.Success, "deploy: staging", "{not json", tasks: 1)));
        Assert.Equal("Before finishing, check that this error is gone: `boom` (seen in 2 tasks)", GuidelineText.For(Pattern(PatternKind.Failure, "boom", null, tasks: 2)));
    }

    private static PatternRecord Pattern(string kind, string signature, string? details, int tasks = 2, string? title = null) =>
        new("p-1", kind, signature, title ?? signature, tasks, tasks, 1, tasks, 0, 0, 0, 0, 0, 80, null, null, null, null, "claude", details);
}
