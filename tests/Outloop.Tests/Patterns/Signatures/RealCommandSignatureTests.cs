using System.Diagnostics;
using Outloop.Patterns.Signatures;

namespace Outloop.Tests.Patterns.Signatures;

public sealed class RealCommandSignatureTests
{
    private const string ElixirProject = "claude:-home-marco-projects-spotter";

    private static List<(string Source, ToolInvocation Call)> LoadOrSkip()
    {
        var data = RealToolCalls.DataFolder();
        if (data is null)
        {
            Assert.Skip("../shared/data is not present next to this checkout; the real-command tests need it.");
        }

        return RealToolCalls.Load(data);
    }

    [Fact]
    public void EveryRealToolCallGetsAWellFormedStableSignatureWithoutThrowing()
    {
        var calls = LoadOrSkip();
        var output = TestContext.Current.TestOutputHelper!;

        foreach (var (source, call) in calls)
        {
            var first = OperationClassifier.ClassifyStrict(call);
            var second = OperationClassifier.ClassifyStrict(call);

            var parts = first.ToString().Split(':');
            Assert.True(parts.Length == 3 && parts.All(p => p.Length > 0), $"{source}: '{first}' is not category:subcategory:target for {call.ToolName} {call.Command}");
            Assert.Equal(first.ToString(), second.ToString());
            Assert.Equal(first.NormalizedCommand, second.NormalizedCommand);
            Assert.Equal(first.Paths, second.Paths);
        }

        foreach (var group in calls.GroupBy(c => c.Source.Split(':')[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Key}: {group.Count()} tool calls");
        }

        Assert.True(calls.Count > 3000, $"expected the shared data to hold thousands of tool calls, found {calls.Count}");
        Assert.Contains(calls, c => c.Source == "swe-agent");
        Assert.Contains(calls, c => c.Source == "mini-swe-agent");
        Assert.Contains(calls, c => c.Source == "openhands");
        Assert.Contains(calls, c => c.Source == "codex");
    }

    [Fact]
    public void ElixirProjectsTopShellSignaturesAreItsTestAndCompileRuns()
    {
        var calls = LoadOrSkip();
        var output = TestContext.Current.TestOutputHelper!;
        var bash = calls.Where(c => c.Source == ElixirProject && c.Call.ToolName == "Bash").Select(c => c.Call).ToList();

        var top = bash
            .Select(OperationClassifier.Classify)
            .GroupBy(s => s.Category + ":" + s.Subcategory)
            .Select(g => (Runner: g.Key, Count: g.Count(), Targets: g.GroupBy(s => s.Target).OrderByDescending(t => t.Count()).Select(t => $"{t.Key} {t.Count()}")))
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Runner, StringComparer.Ordinal)
            .ToList();
        var signatures = bash
            .Select(c => OperationClassifier.Classify(c).ToString())
            .GroupBy(s => s)
            .Select(g => (Signature: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Signature, StringComparer.Ordinal)
            .ToList();

        output.WriteLine($"{bash.Count} Bash calls in {ElixirProject}; top 15 signatures:");
        foreach (var (signature, count) in signatures.Take(15))
        {
            output.WriteLine($"{count,5}  {signature}");
        }

        output.WriteLine("By runner (category:subcategory):");
        foreach (var (runner, count, targets) in top.Take(10))
        {
            output.WriteLine($"{count,5}  {runner}  [{string.Join(", ", targets)}]");
        }

        Assert.Equal(["test:mix:all", "build:mix:all"], signatures.Take(2).Select(s => s.Signature));
    }

    [Fact(Explicit = true)]
    public void ClassificationThroughputOnRealCalls()
    {
        var calls = LoadOrSkip().Select(c => c.Call).ToArray();
        var output = TestContext.Current.TestOutputHelper!;
        foreach (var call in calls)
        {
            OperationClassifier.Classify(call);
        }

        var rates = new List<double>();
        for (var round = 0; round < 7; round++)
        {
            var watch = Stopwatch.StartNew();
            var repeats = 0;
            while (watch.ElapsedMilliseconds < 500)
            {
                foreach (var call in calls)
                {
                    OperationClassifier.Classify(call);
                }

                repeats++;
            }

            watch.Stop();
            rates.Add(repeats * calls.Length / watch.Elapsed.TotalSeconds);
        }

        rates.Sort();
        var shell = calls.Where(c => c.Command is not null).ToArray();
        var shellWatch = Stopwatch.StartNew();
        var shellRepeats = 0;
        while (shellWatch.ElapsedMilliseconds < 1000)
        {
            foreach (var call in shell)
            {
                OperationClassifier.Classify(call);
            }

            shellRepeats++;
        }

        output.WriteLine($"{calls.Length} real tool calls; 7 rounds of 0.5 s; median {rates[3]:N0} calls/s (min {rates[0]:N0}, max {rates[^1]:N0}); mean {1e6 / rates[3]:N2} us/call");
        output.WriteLine($"shell-only ({shell.Length} calls): {shellRepeats * shell.Length / shellWatch.Elapsed.TotalSeconds:N0} calls/s");
        Assert.True(rates[3] > 10_000, $"classification must be cheap; measured {rates[3]:N0} calls/s");
    }
}
