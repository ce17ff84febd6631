using Outloop.Patterns;
using Outloop.Review;

namespace Outloop.Tests.Review;

public sealed class ProposalBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IterationPatternBecomesADefinitionOfDoneForItsVerbWithTheChecksItsTasksRan()
    {
        var pattern = new PatternRecord("iteration-1", PatternKind.Iteration, "fix: login flaky test", "fix: the login test is flaky", 4, 4, 2, 30, 0, 0, 0, 0, 0, 75, null, 0.5,
            null, null, "claude", """{"verb":"Fix","averageIterations":3.75,"sharedSignatures":["file:edit:lib","test:mix:all","build:mix:all","vcs:git:diff"]}""");

        var proposal = ProposalBuilder.FromPattern("/p", pattern, ["t1", "t2", "t3", "t4", "t5", "t6"], Now);

        Assert.Equal(("criteria", ".outloop/criteria/fix.md", 0.75), (proposal.Type, proposal.TargetFile, proposal.Confidence));
        Assert.Equal(
            """
            APPEND:
            ## Definition of done: tasks like "fix: login flaky test"
            - The pass criteria are written down before the work starts, and each one is met.
            - These checks, which such tasks ran, pass at the end: `test:mix:all`, `build:mix:all`.
            (Such tasks took 3.8 attempts on average over 4 tasks: pattern iteration-1.)
            """.ReplaceLineEndings("\n"),
            proposal.Change);
        Assert.Equal(["t1", "t2", "t3", "t4", "t5"], proposal.Evidence.ExampleTaskIds);
        Assert.Equal(["iteration-1"], proposal.Evidence.PatternIds);
    }

    [Fact]
    public void CandidatesAreTakenInTurnFromEachTypeKeepingTheirRankWithinAType()
    {
        Proposal Make(string id, string type) => new(id, "/p", type, "patterns", "t.md", "x", "r", 1, new ProposalEvidence([], 1, 1, []), ProposalStatus.Pending, null, Now, null);
        var ranked = new[] { Make("g1", "guideline"), Make("g2", "guideline"), Make("g3", "guideline"), Make("c1", "criteria"), Make("c2", "criteria") };

        Assert.Equal(["g1", "c1", "g2", "c2", "g3"], ProposalBuilder.Interleave(ranked).Select(p => p.Id));
    }
}
