using Outloop.Automation.Tools;
using Outloop.Tests.Support;

namespace Outloop.Tests.Automation.Tools;

/// <summary>Real child processes: bash scripts stand in for tools and for the agent command.</summary>
public sealed class ToolRunnerTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>An "agent" that records how many arguments it got and the last one, byte for byte.</summary>
    private AgentCommand Agent()
    {
        var script = folder.Script("agent.sh", $$"""
            echo "$#" > '{{folder.File("agent-argc")}}'
            printf '%s' "${@: -1}" > '{{folder.File("agent-arg")}}'
            echo "agent answered"
            """);
        return new AgentCommand(["bash", script]);
    }

    private ToolRunner Runner(IToolStatsSink? stats = null, ToolHealthOptions? health = null) =>
        new(new ToolRunnerOptions(folder.Path) { Agent = Agent(), Health = health ?? new() }, stats ?? new InMemoryToolStats());

    [Fact]
    public async Task ASucceedingToolIsRunInTheWorkingFolderWithItsArgumentsAndTheAgentIsNotCalled()
    {
        var script = folder.Script("tool.sh", "pwd; printf '%s|' \"$@\"");
        var tool = new ToolDefinition("t", ["bash", script]);

        var report = await Runner().RunAsync(new ToolInvocation(tool, ["src/a b.py", "-x"], "run it"), TestContext.Current.CancellationToken);

        Assert.True(report.Tool!.Succeeded);
        Assert.Equal(0, report.Tool.ExitCode);
        Assert.Equal($"{folder.Path}\nsrc/a b.py|-x|", report.Tool.Stdout);
        Assert.Null(report.Agent);
        Assert.False(report.FellBack);
        Assert.False(File.Exists(folder.File("agent-arg")));
    }

    [Fact]
    public async Task AFailingToolFallsBackToTheAgentWithTheTextAsOneArgument()
    {
        var script = folder.Script("fail.sh", "echo boom >&2; exit 3");
        var tool = new ToolDefinition("t", ["bash", script]);
        const string text = "run the tests and tell me what fails";

        var report = await Runner().RunAsync(new ToolInvocation(tool, [], text), TestContext.Current.CancellationToken);

        Assert.Equal(3, report.Tool!.ExitCode);
        Assert.Equal("boom\n", report.Tool.Stderr);
        Assert.Contains("exit code 3", report.FallbackReason, StringComparison.Ordinal);
        Assert.Equal("agent answered\n", report.Agent!.Stdout);
        Assert.Equal("1", File.ReadAllText(folder.File("agent-argc")).Trim());
        Assert.Equal(text, File.ReadAllText(folder.File("agent-arg")));
    }

    [Fact]
    public async Task AToolThatCannotStartFallsBackToTheAgent()
    {
        var tool = new ToolDefinition("t", [folder.File("no-such-program")]);

        var report = await Runner().RunAsync(new ToolInvocation(tool, [], "lint it"), TestContext.Current.CancellationToken);

        Assert.NotNull(report.Tool!.StartError);
        Assert.Contains("could not start", report.FallbackReason, StringComparison.Ordinal);
        Assert.Equal("lint it", File.ReadAllText(folder.File("agent-arg")));
    }

    [Fact]
    public async Task AToolPastItsTimeLimitIsKilledWithItsChildrenAndFallsBack()
    {
        var pidFile = folder.File("child.pid");
        var script = folder.Script("slow.sh", $"sleep 60 & echo $! > '{pidFile}'; wait");
        var tool = new ToolDefinition("t", ["bash", script]) { Timeout = TimeSpan.FromSeconds(1) };

        var report = await Runner().RunAsync(new ToolInvocation(tool, [], "build it"), TestContext.Current.CancellationToken);

        Assert.True(report.Tool!.TimedOut);
        Assert.Null(report.Tool.ExitCode);
        Assert.InRange(report.Tool.Duration, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(20));
        Assert.Contains("timed out", report.FallbackReason, StringComparison.Ordinal);
        var child = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await ExitsSoonAsync(child), $"child process {child} survived the kill");
    }

    [Fact]
    public async Task AToolThatLeavesABackgroundProcessReturnsWithItsOutput()
    {
        // Like a dev-server script: it prints the URL and leaves the server running with stdout still open.
        var script = folder.Script("serve.sh", "echo 'listening on http://localhost:4000'; sleep 4 &");
        var tool = new ToolDefinition("serve", ["bash", script]);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var report = await Runner().RunAsync(new ToolInvocation(tool, [], "start the server"), TestContext.Current.CancellationToken);

        Assert.True(report.Tool!.Succeeded);
        Assert.Equal("listening on http://localhost:4000\n", report.Tool.Stdout);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3.9), $"waited {clock.Elapsed} for the background process");
    }

    [Fact]
    public async Task AToolBelowEightyPercentSuccessAfterFiveRunsIsDisabledAndNoLongerRun()
    {
        var count = folder.File("runs");
        var script = folder.Script("flaky.sh", $"echo run >> '{count}'; exit 1");
        var tool = new ToolDefinition("flaky", ["bash", script]);
        var stats = new InMemoryToolStats();
        var runner = Runner(stats);
        var statuses = new List<ToolStatus>();

        for (var i = 0; i < 6; i++)
        {
            var report = await runner.RunAsync(new ToolInvocation(tool, [], "run it"), TestContext.Current.CancellationToken);
            statuses.Add(report.ToolStatusAfter);
        }

        Assert.Equal([ToolStatus.Active, ToolStatus.Active, ToolStatus.Active, ToolStatus.Active, ToolStatus.Disabled, ToolStatus.Disabled], statuses);
        Assert.Equal(5, File.ReadAllLines(count).Length);
        Assert.Equal(ToolStatus.Disabled, runner.StatusOf(tool));
        Assert.Equal(new ToolUsage(5, 0), stats.Get("flaky"));
        var last = await runner.RunAsync(new ToolInvocation(tool, [], "run it"), TestContext.Current.CancellationToken);
        Assert.Null(last.Tool);
        Assert.Contains("disabled: 0/5 runs succeeded", last.FallbackReason, StringComparison.Ordinal);
        Assert.NotNull(last.Agent);
    }

    [Fact]
    public async Task AQuarantinedPatternSendsItsRequestsToTheAgent()
    {
        var count = folder.File("runs");
        var tool = new ToolDefinition("t", ["bash", folder.Script("ok.sh", $"echo run >> '{count}'")]);
        var stats = new InMemoryToolStats();
        stats.Seed("test:pytest:backend", new ToolUsage(6, 3));

        var report = await Runner(stats).RunAsync(
            new ToolInvocation(tool, [], "pytest the backend") { PatternName = "test:pytest:backend" }, TestContext.Current.CancellationToken);

        Assert.Null(report.Tool);
        Assert.Contains("quarantined: 3/6 runs failed", report.FallbackReason, StringComparison.Ordinal);
        Assert.False(File.Exists(count));
    }

    [Theory]
    [InlineData(5, 4, false, "Active")]
    [InlineData(5, 3, false, "Disabled")]
    [InlineData(4, 0, false, "Active")]
    [InlineData(5, 3, true, "Active")]
    [InlineData(5, 2, true, "Quarantined")]
    [InlineData(2, 0, true, "Active")]
    public void HealthFollowsTheConfiguredThresholds(int runs, int successes, bool isPattern, string expected) =>
        Assert.Equal(Enum.Parse<ToolStatus>(expected), ToolHealth.Evaluate(ToolStatus.Active, new ToolUsage(runs, successes), isPattern, new ToolHealthOptions()));

    [Fact]
    public void ThresholdsAreConfigurable()
    {
        var strict = new ToolHealthOptions { DisableBelowSuccess = 0.95, MinRunsToDisable = 2 };

        Assert.Equal(ToolStatus.Disabled, ToolHealth.Evaluate(ToolStatus.Active, new ToolUsage(3, 2), false, strict));
        Assert.Equal(ToolStatus.Active, ToolHealth.Evaluate(ToolStatus.Active, new ToolUsage(3, 2), false, new ToolHealthOptions()));
    }

    private static async Task<bool> ExitsSoonAsync(int pid)
    {
        for (var i = 0; i < 50; i++)
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat))
            {
                return true;
            }

            try
            {
                var text = await File.ReadAllTextAsync(stat);
                if (text[(text.LastIndexOf(')') + 2)..].StartsWith('Z'))
                {
                    return true;
                }
            }
            catch (IOException)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
