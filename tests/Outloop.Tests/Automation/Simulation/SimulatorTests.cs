using Outloop.Automation.Candidates;
using Outloop.Automation.Simulation;
using Outloop.Ingestion;
using Outloop.Outputs;
using Outloop.Patterns;
using Outloop.Storage;
using Outloop.Tests.Support;

namespace Outloop.Tests.Automation.Simulation;

public sealed class SimulatorTests : IDisposable
{
    private const int S = OperationCosting.ScriptCallTokens;
    private static readonly DateTimeOffset Start = SimulationStoreBuilder.Start;
    private readonly TempFolder _temp = new();
    private readonly SqliteStore _store;
    private readonly SimulationStoreBuilder _build;

    public SimulatorTests()
    {
        _store = SqliteStore.Open(_temp.File("outloop.db"));
        _build = new SimulationStoreBuilder(_store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void RoutedWrongAndCompactedCallsAreCountedWithTheDocumentedArithmetic()
    {
        // Training: five sessions on five days, each running `git status` issued by a 2,000-token request.
        // Savings (2000 - 20) x $15/M x 5 calls x 30 / 4 days = $1.11/month; confidence 40 x 0.5 + 30 + 30 = 80.
        for (var i = 0; i < 5; i++)
        {
            _build.OneCall("a" + i, Start.AddDays(i), "git status", "nothing to commit", output: 2000, readers: 1);
        }

        // Replay: the same command (routed), another form of it (wrong route), and a long pytest run (compacted).
        var split = Start.AddDays(10);
        _build.OneCall("b0", split, "git status", "clean", output: 400, readers: 2);
        _build.OneCall("b1", split.AddDays(1), "git status --short", "M a.txt", output: 300, readers: 1);
        var pytest = SimulationStoreBuilder.PytestOutput(60);
        _build.OneCall("b2", split.AddDays(2), "pytest -v", pytest, output: 500, readers: 3);

        var report = Simulator.Run(_store, new SimulationOptions(SimulationStoreBuilder.Prices) { Until = split });

        var price = SimulationStoreBuilder.Price;
        Assert.Equal(new SimulationPart(5, 5, 5, Start, Start.AddDays(4).AddHours(1)), report.Training);
        Assert.Equal(new SimulationPart(3, 3, 3, split, split.AddDays(2).AddHours(1)), report.Replay);
        var tool = Assert.Single(report.Tools);
        Assert.Equal("vcs:git:status", tool.Tool.Signature);
        Assert.Equal("git status", tool.Tool.Command);
        Assert.Equal(80, tool.Tool.Pattern.Confidence);
        Assert.Equal((2000 - S) * (double)price.Output * 5 * 30 / 4, tool.Tool.Pattern.MonthlySavingsUsd, 1e-9);

        // b0: routed. out 400, result "clean" read once and re-read once (k = 1); short, so nothing to compact.
        var routed = Assert.Single(report.Operations, o => o.SessionId == "b0");
        Assert.Equal(ReplayOutcome.Routed, routed.Outcome);
        Assert.Equal(new Savings(400 - S, 0, 0, (400 - S) * price.Output, 0m, 0m), routed.Savings);
        Assert.Equal(1, routed.Rereads);

        // b1: wrong route. The script's call and a result as large as the agent's are wasted; k = 0.
        var wrong = Assert.Single(report.Operations, o => o.SessionId == "b1");
        var shortResult = TokenEstimator.Estimate("M a.txt");
        Assert.Equal(ReplayOutcome.WrongRoute, wrong.Outcome);
        Assert.Equal("vcs:git:status", wrong.Signature);
        Assert.Equal("git status --short", wrong.Command);
        Assert.Equal(new Savings(0, 0, S + shortResult, 0m, 0m, (S * price.Output) + (shortResult * price.Input)), wrong.Savings);

        // b2: not a learned signature; the hook compacts pytest's output, read once and re-read twice (k = 2).
        var compacted = Assert.Single(report.Operations, o => o.SessionId == "b2");
        var res = TokenEstimator.Estimate(pytest);
        var compact = OutputCompactor.Compact("pytest -v", pytest, 0, new CompactOptions()).CompactTokens;
        Assert.True(compact < res / 2, $"{compact} of {res}");
        Assert.Equal(ReplayOutcome.Compacted, compacted.Outcome);
        Assert.Equal(Runners.Pytest, compacted.Runner);
        Assert.Equal(new Savings(0, res - compact, 0, 0m, (res - compact) * (price.Input + (2 * price.CacheRead)), 0m), compacted.Savings);

        Assert.Equal((1, 1, 1), (report.Routed, report.WrongRoutes, report.Compacted));
        var expected = routed.Savings.Add(wrong.Savings).Add(compacted.Savings);
        Assert.Equal(expected, report.Totals);
        Assert.Equal(400 - S + res - compact - S - shortResult, report.Totals.NetTokens);
        Assert.Equal(
            ((400 - S) * price.Output) + ((res - compact) * (price.Input + (2 * price.CacheRead))) - (S * price.Output) - (shortResult * price.Input),
            report.Totals.NetUsd);
        Assert.Equal((1, 1, 1), (tool.Calls - 1, tool.Routed, tool.WrongRoutes));
        Assert.Equal(routed.Savings.Add(wrong.Savings), tool.Savings);
        Assert.Equal(compacted.Savings, Assert.Single(report.Runners).Savings);
    }

    [Fact]
    public void RoutedSavingsEqualThePatternsLlmMinusScriptCost()
    {
        for (var i = 0; i < 5; i++)
        {
            _build.OneCall("a" + i, Start.AddDays(i), "pytest -v", SimulationStoreBuilder.PytestOutput(40 + i), output: 2000, readers: 2);
        }

        _build.OneCall("b0", Start.AddDays(9), "pytest -v", SimulationStoreBuilder.PytestOutput(80), output: 700, readers: 4);

        var report = Simulator.Run(_store, new SimulationOptions(SimulationStoreBuilder.Prices) { TrainFraction = 0.9 });

        var operation = Assert.Single(report.Operations);
        Assert.Equal(ReplayOutcome.Routed, operation.Outcome);
        var source = new SqlitePatternStore(_store);
        var calls = source.Calls().Where(c => c.SessionId == "b0").ToList();
        var cost = Assert.Single(OperationCosting.Analyze(calls, source.RequestsBySession()["b0"], SimulationStoreBuilder.Prices)).Cost;
        Assert.Equal(cost.LlmTokens - cost.ToolTokens, operation.Savings.NetTokens);
        Assert.Equal(cost.LlmCostUsd - cost.ScriptCostUsd, (double)operation.Savings.NetUsd, 1e-12);
        Assert.True(operation.Savings.CompactionTokens > 0);
    }

    [Fact]
    public void ASignatureSeenOnlyAfterTheCutoffIsNeverRouted()
    {
        // `git log` with a long output in six sessions, all after the cutoff: learned from everything, it is a candidate.
        var log = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"commit {i:x40}\nAuthor: a <a@b.c>\n\n    change number {i}\n"));
        for (var i = 0; i < 2; i++)
        {
            _build.OneCall("a" + i, Start.AddDays(i), "git status", "clean", output: 100, readers: 1);
        }

        var split = Start.AddDays(5);
        for (var i = 0; i < 6; i++)
        {
            _build.OneCall("b" + i, split.AddDays(i), "git log", log, output: 3000, readers: 1);
        }

        PatternEngine.Backfill(_store, new BackfillOptions(SimulationStoreBuilder.Prices));
        Assert.Contains(CandidateFinder.Find(new SqlitePatternStore(_store), new CandidateOptions()), c => c.Pattern.Signature == "vcs:git:log");

        var report = Simulator.Run(_store, new SimulationOptions(SimulationStoreBuilder.Prices) { Until = split });

        Assert.Empty(report.Tools);
        Assert.Equal(0, report.Routed);
        Assert.DoesNotContain(report.Operations, o => o.Outcome != ReplayOutcome.Compacted);
        Assert.Equal(6, report.Replay.Operations);
    }

    [Fact]
    public void TrainFractionSplitsBySessionStartNotById()
    {
        // Ids sort the other way round from start times.
        string[] ids = ["z", "y", "x", "w"];
        for (var i = 0; i < ids.Length; i++)
        {
            _build.OneCall(ids[i], Start.AddDays(i), "git status", "clean", output: 100, readers: 1);
        }

        var report = Simulator.Run(_store, new SimulationOptions(SimulationStoreBuilder.Prices) { TrainFraction = 0.5 });

        Assert.Equal(new SimulationPart(2, 2, 2, Start, Start.AddDays(1).AddHours(1)), report.Training);
        Assert.Equal(new SimulationPart(2, 2, 2, Start.AddDays(2), Start.AddDays(3).AddHours(1)), report.Replay);
        Assert.Equal(Start.AddDays(2), report.Cutoff);
    }

    [Fact]
    public void ASplitWithNothingToLearnOrReplayIsAUsageError()
    {
        _build.OneCall("a", Start, "git status", "clean", output: 100, readers: 1);
        _build.OneCall("b", Start.AddDays(1), "git status", "clean", output: 100, readers: 1);
        var options = new SimulationOptions(SimulationStoreBuilder.Prices);

        var early = Assert.Throws<OutloopException>(() => Simulator.Run(_store, options with { Until = Start }));
        var late = Assert.Throws<OutloopException>(() => Simulator.Run(_store, options with { Until = Start.AddDays(5) }));
        var neither = Assert.Throws<OutloopException>(() => Simulator.Run(_store, options));
        var bad = Assert.Throws<OutloopException>(() => Simulator.Run(_store, options with { TrainFraction = 1.5 }));

        Assert.Contains("No session to learn from", early.Message, StringComparison.Ordinal);
        Assert.Contains("No session to replay", late.Message, StringComparison.Ordinal);
        Assert.Contains("--until DATE or --train-fraction F", neither.Message, StringComparison.Ordinal);
        Assert.Contains("between 0 and 1", bad.Message, StringComparison.Ordinal);
    }
}
