using Outloop.Automation.Routing;
using Outloop.Automation.Tools;
using Outloop.Ingestion;
using Outloop.Tests.Support;

namespace Outloop.Tests.Automation.Routing;

/// <summary>End to end with real child processes: decide, run the tool or the agent, record the outcome.</summary>
public sealed class RouteExecutorTests : IDisposable
{
    private readonly TempFolder folder = new();

    public static TheoryData<string> HostileTexts => new()
    {
        "; touch pwned-semicolon",
        "; rm -rf ./victim",
        "$(touch pwned-dollar)",
        "`touch pwned-backtick`",
        "&& echo hacked > pwned-and",
        "' ; touch pwned-single ; '",
        "\" ; touch pwned-double ; \"",
        "first line\ntouch pwned-newline\n",
        "| touch pwned-pipe",
        "> pwned-redirect",
    };

    public void Dispose() => folder.Dispose();

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public async Task HostileTextReachesTheAgentAsOneLiteralArgumentAndRunsNothing(string text)
    {
        var executor = Executor(Router.Build([]));

        var execution = await executor.ExecuteAsync(text, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(execution.Outcome.AgentRan);
        Assert.Equal("1", File.ReadAllText(folder.File("agent-argc")).Trim());
        Assert.Equal(text, File.ReadAllText(folder.File("agent-arg")));
        AssertNothingInjected();
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public async Task HostileTextInsideARoutedRequestReachesTheToolOnlyAsALiteralArgument(string hostile)
    {
        var text = $"run the tests on \"{hostile.Replace("\"", "", StringComparison.Ordinal)}\"";
        var executor = Executor(Router.Build([RouteTarget.ForTool(PermissiveTool())]));

        var execution = await executor.ExecuteAsync(text, cancellationToken: TestContext.Current.CancellationToken);

        AssertNothingInjected();
        if (execution.Outcome.ToolSucceeded)
        {
            // The tool got the quoted value as one argv item, byte for byte, and no shell interpreted it.
            var value = Assert.Single(execution.Decision.Arguments.Argv);
            Assert.Equal("1", File.ReadAllText(folder.File("tool-argc")).Trim());
            Assert.Equal(value, File.ReadAllText(folder.File("tool-arg")));
        }
        else
        {
            Assert.Equal(text, File.ReadAllText(folder.File("agent-arg")));
        }
    }

    [Fact]
    public async Task ARoutedToolThatSucceedsRecordsTheTokensTheAgentDidNotSpend()
    {
        var executor = Executor(Router.Build([RouteTarget.ForTool(PermissiveTool() with { AgentTokens = 7_000 })]));
        const string text = "run the tests on src";

        var execution = await executor.ExecuteAsync(text, cancellationToken: TestContext.Current.CancellationToken);

        var outcome = execution.Outcome;
        Assert.True(outcome.Routed && outcome.ToolSucceeded, outcome.Why);
        Assert.Equal(["bash", folder.File("tool.sh"), "src"], outcome.ToolArgv);
        Assert.Equal(0, outcome.ToolExitCode);
        Assert.Null(outcome.FallbackReason);
        Assert.False(outcome.AgentRan);
        Assert.Equal(TokenEstimator.Estimate(text) + TokenEstimator.Estimate("tool ran\n") + 7_000, outcome.TokensSaved);
        Assert.Equal("pattern_offload", RouteOutcome.OptimizationType);
    }

    [Fact]
    public async Task ALowConfidenceRequestGoesToTheAgentAndSavesNothing()
    {
        var executor = Executor(Router.Build([RouteTarget.ForTool(PermissiveTool())]));

        var execution = await executor.ExecuteAsync("refactor the payment service", cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(execution.Outcome.Routed);
        Assert.Contains("below 70", execution.Outcome.FallbackReason, StringComparison.Ordinal);
        Assert.True(execution.Outcome.AgentRan);
        Assert.Equal(0, execution.Outcome.AgentExitCode);
        Assert.Equal(0, execution.Outcome.TokensSaved);
        Assert.False(File.Exists(folder.File("tool-arg")));
    }

    [Fact]
    public async Task ADryRunDecidesButRunsNothing()
    {
        var executor = Executor(Router.Build([RouteTarget.ForTool(PermissiveTool())]));

        var execution = await executor.ExecuteAsync("run the tests on src", dryRun: true, TestContext.Current.CancellationToken);

        Assert.True(execution.Outcome.DryRun);
        Assert.True(execution.Decision.Routed);
        Assert.Null(execution.Report);
        Assert.False(File.Exists(folder.File("tool-arg")));
    }

    private ToolDefinition PermissiveTool()
    {
        // A deliberately permissive pattern: even a value full of shell syntax is harmless without a shell.
        var script = folder.Script("tool.sh", $"""
            echo "$#" > '{folder.File("tool-argc")}'
            printf '%s' "$1" > '{folder.File("tool-arg")}'
            echo "tool ran"
            """);
        return new ToolDefinition("test-runner", ["bash", script])
        {
            InputPatterns = ["run the tests"],
            Parameters = [new ToolParameter("target", "[^-].*") { After = ["on"] }],
        };
    }

    private RouteExecutor Executor(Router router)
    {
        Directory.CreateDirectory(folder.File("victim"));
        File.WriteAllText(folder.File("victim/keep.txt"), "still here");
        var agent = folder.Script("agent.sh", $"""
            echo "$#" > '{folder.File("agent-argc")}'
            printf '%s' "$1" > '{folder.File("agent-arg")}'
            """);
        var runner = new ToolRunner(new ToolRunnerOptions(folder.Path) { Agent = new AgentCommand(["bash", agent]) }, new InMemoryToolStats());
        return new RouteExecutor(router, runner);
    }

    private void AssertNothingInjected()
    {
        var markers = Directory.GetFiles(folder.Path, "pwned*").Concat(Directory.GetFiles(folder.Path, "hacked*"));
        Assert.Empty(markers);
        Assert.Equal("still here", File.ReadAllText(folder.File("victim/keep.txt")));
    }
}
