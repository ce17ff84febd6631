using Outloop.Automation.Routing;
using Outloop.Automation.Specs;
using Outloop.Automation.Tools;
using Outloop.Patterns;
using Outloop.Storage;
using Outloop.Tests.Automation.Candidates;
using Outloop.Tests.Reporting;
using Outloop.Tests.Support;

namespace Outloop.Tests.Automation.Tools;

/// <summary>
/// Real child processes and a real store: a tool implementing a pattern fails more and more often until the pattern
/// is quarantined in the store, with its history, and requests for it go to the agent.
/// </summary>
public sealed class PatternQuarantineTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);

    // Tool disabling (below 80% success) is switched off so that the pattern rule alone is under test.
    private static readonly ToolHealthOptions Health = new() { DisableBelowSuccess = 0, QuarantineFailureRate = 0.40 };

    private readonly TempFolder _folder = new();
    private readonly SqliteStore _store;
    private readonly SqlitePatternStore _patterns;
    private readonly SqliteToolStore _tools;
    private readonly PatternRecord _pattern = HandMadePatterns.Op("test:pytest:backend", 6, 90, 5.0);

    public PatternQuarantineTests()
    {
        _store = SqliteStore.Open(_folder.File("store.db"));
        _patterns = new SqlitePatternStore(_store);
        _tools = new SqliteToolStore(_store, Health);
        HandMadePatterns.Write(_store, _pattern);
        foreach (var status in new[] { PatternStatus.Candidate, PatternStatus.Approved, PatternStatus.Implemented, PatternStatus.Active })
        {
            PatternLifecycle.Move(_patterns, _pattern.Id, status, "anna", Now.AddDays(-1), null);
        }
    }

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    /// <summary>A tool that exits with the next code listed in <c>codes</c> and counts its runs.</summary>
    private ToolDefinition ScriptedTool(params int[] exitCodes)
    {
        File.WriteAllLines(_folder.File("codes"), exitCodes.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var script = _folder.Script("pytest-backend.sh", $$"""
            echo run >> '{{_folder.File("runs")}}'
            n=$(wc -l < '{{_folder.File("runs")}}')
            exit "$(sed -n "${n}p" '{{_folder.File("codes")}}')"
            """);
        var tool = new ToolDefinition("test-pytest-backend", ["bash", script]);
        _tools.Upsert(tool, _pattern.Id);
        return tool;
    }

    private int Runs => File.Exists(_folder.File("runs")) ? File.ReadAllLines(_folder.File("runs")).Length : 0;

    private ToolRunner Runner()
    {
        var agent = _folder.Script("agent.sh", "echo agent answered");
        return new ToolRunner(new ToolRunnerOptions(_folder.Path) { Agent = new AgentCommand(["bash", agent]), Health = Health },
            _tools, new PatternQuarantine(_patterns, _tools, Health, new FixedClock(Now)));
    }

    [Fact]
    public async Task APatternIsQuarantinedWhenItsToolRunsReachFortyPercentFailuresAndIsNoLongerRun()
    {
        var tool = ScriptedTool(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0);
        var runner = Runner();
        var statuses = new List<string>();

        for (var i = 0; i < 10; i++)
        {
            var report = await runner.RunAsync(new ToolInvocation(tool, [], "run the backend tests"), TestContext.Current.CancellationToken);
            statuses.Add(_patterns.Find(_pattern.Id)!.Value.Status);
            Assert.Equal(i == 9, report.PatternChange is not null);
        }

        // 3/9 failed (33%) keeps it active; 4/10 (40%) quarantines it.
        Assert.Equal([.. Enumerable.Repeat(PatternStatus.Active, 9), PatternStatus.Quarantined], statuses);
        var change = _patterns.History(_pattern.Id)[^1];
        Assert.Equal((PatternStatus.Quarantined, "outloop", Now), (change.Status, change.ChangedBy, change.ChangedAt));
        Assert.StartsWith("4/10 tool runs failed (40", change.Note, StringComparison.Ordinal);
        Assert.Equal(new ToolUsage(10, 6), _tools.Get(_pattern.Id));

        var after = await runner.RunAsync(new ToolInvocation(tool, [], "run the backend tests"), TestContext.Current.CancellationToken);

        Assert.Equal(10, Runs);
        Assert.Null(after.Tool);
        Assert.Equal("agent answered\n", after.Agent!.Stdout);
        Assert.Contains($"pattern {_pattern.Id} (test:pytest:backend) is quarantined (4/10 tool runs failed", after.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARouteToAQuarantinedPatternGoesToTheAgent()
    {
        var tool = ScriptedTool(1, 1, 1, 0);
        var router = Router.Build([RouteTarget.ForPattern("test:pytest:backend", tool, ["run the backend tests"])]);
        var executor = new RouteExecutor(router, Runner());

        for (var i = 0; i < 3; i++)
        {
            await executor.ExecuteAsync("run the backend tests", cancellationToken: TestContext.Current.CancellationToken);
        }

        var execution = await executor.ExecuteAsync("run the backend tests", cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(execution.Decision.Routed);
        Assert.Equal(PatternStatus.Quarantined, _patterns.Find(_pattern.Id)!.Value.Status);
        Assert.Equal(3, Runs);
        Assert.True(execution.Outcome.AgentRan);
        Assert.Contains("is quarantined", execution.Outcome.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APatternLetOutOfQuarantineStartsItsCountsAfresh()
    {
        var tool = ScriptedTool(1, 1, 1, 1, 0);
        var runner = Runner();
        for (var i = 0; i < 3; i++)
        {
            await runner.RunAsync(new ToolInvocation(tool, [], "run the backend tests"), TestContext.Current.CancellationToken);
        }

        Assert.Equal(PatternStatus.Quarantined, _patterns.Find(_pattern.Id)!.Value.Status);
        new PatternSpecWriter(_patterns, _tools, _folder.Path, new PatternSpecOptions(), new FixedClock(Now))
            .ChangeStatus(_pattern.Id, PatternStatus.Active, "anna", "fixed the script");

        var report = await runner.RunAsync(new ToolInvocation(tool, [], "run the backend tests"), TestContext.Current.CancellationToken);

        Assert.False(report.Tool!.Succeeded);
        Assert.Null(report.PatternChange);
        Assert.Equal(PatternStatus.Active, _patterns.Find(_pattern.Id)!.Value.Status);
        Assert.Equal(new ToolUsage(1, 0), _tools.Get(_pattern.Id));
    }
}
