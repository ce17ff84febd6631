using Outloop.Automation.Routing;
using Outloop.Automation.Tools;

namespace Outloop.Tests.Automation.Routing;

public sealed class ArgumentExtractorTests
{
    private static ToolDefinition Tool(params ToolParameter[] parameters) =>
        new("test-runner", ["bash", "run-tests.sh"]) { InputPatterns = ["run the tests"], Parameters = parameters };

    [Fact]
    public void TakesTheWordAfterADeclaredPreposition()
    {
        var tool = Tool(new ToolParameter("target", "[A-Za-z0-9_./-]+") { After = ["on", "in"] });

        var arguments = ArgumentExtractor.Extract(tool, "run the tests on src/api/users.py please");

        Assert.Equal(["src/api/users.py"], arguments.Argv);
        Assert.Equal("src/api/users.py", arguments.Values["target"]);
    }

    [Fact]
    public void QuotedValuesComeFirstAndFlagsPrecedeTheirValue()
    {
        var tool = Tool(new ToolParameter("filter", "[a-z_ ]+") { Flag = "-k" });

        var arguments = ArgumentExtractor.Extract(tool, "run the tests matching \"login and logout\"");

        Assert.Equal(["-k", "login and logout"], arguments.Argv);
    }

    [Fact]
    public void WithoutPrepositionsTheFirstWordTheToolDoesNotKnowIsTried()
    {
        var tool = Tool(new ToolParameter("scope", "frontend|backend"));

        Assert.Equal(["backend"], ArgumentExtractor.Extract(tool, "run the backend tests").Argv);
        Assert.Empty(ArgumentExtractor.Extract(tool, "run the tests").Argv);
    }

    [Theory]
    [InlineData("run the tests on $(touch pwned)")]
    [InlineData("run the tests on `touch pwned`")]
    [InlineData("run the tests on src;rm")]
    [InlineData("run the tests on --delete-everything")]
    public void ValuesThatDoNotMatchThePatternOrLookLikeOptionsAreRefused(string text)
    {
        var tool = Tool(new ToolParameter("target", "[A-Za-z0-9_./-]+") { After = ["on"] });

        var arguments = ArgumentExtractor.Extract(tool, text);

        Assert.Empty(arguments.Argv);
        Assert.NotEmpty(arguments.Refused);
    }

    [Fact]
    public void AMissingRequiredArgumentMakesTheRouterAbstain()
    {
        var tool = Tool(new ToolParameter("target", "[a-z]+/[a-z]+") { After = ["on"], Required = true });
        var router = Router.Build([RouteTarget.ForTool(tool)]);

        var without = router.Decide("run the tests");
        var with = router.Decide("run the tests on src/api");

        Assert.False(without.Routed);
        Assert.Contains("required argument 'target'", without.Why, StringComparison.Ordinal);
        Assert.True(with.Routed, with.Why);
        Assert.Equal(["src/api"], with.Arguments.Argv);
    }

    [Fact]
    public void ADefaultFillsAnAbsentValue()
    {
        var tool = Tool(new ToolParameter("target", "[a-z]+") { After = ["on"], Default = "all" });

        Assert.Equal(["all"], ArgumentExtractor.Extract(tool, "run the tests").Argv);
    }
}
