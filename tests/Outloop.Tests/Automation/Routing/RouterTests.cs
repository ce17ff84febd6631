using Outloop.Automation.Routing;
using Outloop.Automation.Tools;

namespace Outloop.Tests.Automation.Routing;

public sealed class RouterTests
{
    private static readonly Router Router = Router.Build(RouteTarget.FromRegistry(RoutingData.HandMade()));

    [Theory]
    [InlineData("run the tests", "test-runner")]
    [InlineData("Run the unit tests please", "test-runner")]
    [InlineData("jest", "test-runner")]
    [InlineData("are all tests green?", "test-runner")]
    [InlineData("does the backend compile?", "builder")]
    [InlineData("build it", "builder")]
    [InlineData("prettier everything", "formatter")]
    [InlineData("fix the formatting of the python files", "formatter")]
    [InlineData("show me what I modified", "changes")]
    [InlineData("git diff", "changes")]
    public void RoutesRequestsPhrasedDifferentlyFromThePatterns(string text, string tool)
    {
        var decision = Router.Decide(text);

        Assert.True(decision.Routed, decision.Why);
        Assert.Equal(tool, decision.Target!.Name);
        Assert.InRange(decision.Confidence, 70, 100);
    }

    [Theory]
    [InlineData("fix the failing login test")]
    [InlineData("write tests for the invoice parser")]
    [InlineData("why does the build fail on CI?")]
    [InlineData("how do I run the tests?")]
    [InlineData("don't run the tests")]
    [InlineData("build a landing page for the shop")]
    [InlineData("format the date in the header as ISO")]
    [InlineData("make the test suite faster")]
    [InlineData("commit my changes")]
    [InlineData("the app crashes with a KeyError")]
    [InlineData("add a dark mode toggle")]
    [InlineData("")]
    public void AbstainsWhenTheRequestAsksForWorkRatherThanAScript(string text)
    {
        var decision = Router.Decide(text);

        Assert.False(decision.Routed, decision.Why);
        Assert.Null(decision.Target);
        Assert.InRange(decision.Confidence, 0, 69);
        Assert.StartsWith("abstain", decision.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void AWorkVerbTheToolDeclaresItselfDoesNotAbstain()
    {
        Assert.True(Router.Decide("fix formatting").Routed);
        Assert.False(Router.Decide("fix the tests").Routed);
    }

    [Fact]
    public void TwoToolsAskedForAtOnceLowerTheConfidence()
    {
        var single = Router.Decide("run the tests");
        var both = Router.Decide("run the tests and build the project");

        Assert.True(both.Confidence < single.Confidence, both.Why);
        Assert.False(both.Routed, both.Why);
        Assert.NotNull(both.RunnerUp);
    }

    [Fact]
    public void WhyNamesTheMatchedWordsThePhraseAndTheUnexplainedWords()
    {
        var decision = Router.Decide("run the tests and the benchmarks");

        Assert.Contains("tests=test", decision.Why, StringComparison.Ordinal);
        Assert.Contains("\"run the tests\"", decision.Why, StringComparison.Ordinal);
        Assert.Contains("not explained: benchmarks", decision.Why, StringComparison.Ordinal);
        Assert.Equal("run the tests", decision.MatchedPhrase);
    }

    [Fact]
    public void MinimumConfidenceIsConfigurable()
    {
        var text = "run the tests and the benchmarks";
        var strict = Router.Build(RouteTarget.FromRegistry(RoutingData.HandMade()), new RoutingOptions { MinConfidence = 99 });
        var lenient = Router.Build(RouteTarget.FromRegistry(RoutingData.HandMade()), new RoutingOptions { MinConfidence = 40 });

        var confidence = Router.Decide(text).Confidence;

        Assert.InRange(confidence, 41, 98);
        Assert.False(strict.Decide(text).Routed);
        Assert.True(lenient.Decide(text).Routed);
    }

    [Fact]
    public void LearnedPatternsAreRoutedToTheToolThatImplementsThem()
    {
        var tool = new ToolDefinition("pytest-backend", ["bash", "pytest_backend.sh"]);
        var pattern = RouteTarget.ForPattern("test:pytest:backend", tool, ["run the backend unit tests with pytest"]);
        var router = Router.Build([.. RouteTarget.FromRegistry(RoutingData.HandMade()).Where(t => t.Name != "test-runner"), pattern]);

        var decision = router.Decide("pytest the backend");

        Assert.True(decision.Routed, decision.Why);
        Assert.Equal(RouteTargetKind.Pattern, decision.Target!.Kind);
        Assert.Equal("test:pytest:backend", decision.Target.Name);
        Assert.Equal("pytest-backend", decision.Target.Tool.Name);
    }

    [Fact]
    public void AnEmptyRegistryAlwaysAbstains()
    {
        var decision = Router.Build([]).Decide("run the tests");

        Assert.False(decision.Routed);
        Assert.Null(decision.Best);
    }

    [Fact]
    public void DecisionsOnManySyntheticTargetsStillFindTheRealTool()
    {
        var router = Router.Build(RouteTarget.FromRegistry(RoutingData.HandMade()).Concat(SyntheticTargets.Generate(2_000)));

        var decision = router.Decide("pytest");

        Assert.Equal(2_004, router.Targets.Count);
        Assert.Equal("test-runner", decision.Best?.Name);
    }
}
