using System.Diagnostics;

namespace Outloop.Automation.Routing;

/// <summary>
/// Scores a router on labelled cases (accuracy, abstention accuracy, wrong routes, per-tool precision and recall)
/// and measures decision latency, optionally on a router holding extra synthetic targets.
/// </summary>
internal static class RoutingBenchmark
{
    /// <param name="router">The router whose decisions are scored.</param>
    /// <param name="cases">The labelled requests.</param>
    /// <param name="latencyRouter">The router timed (e.g. with 10,000 synthetic targets); null times <paramref name="router"/>.</param>
    /// <param name="minSamples">At least this many timed decisions (cases are repeated).</param>
    public static RoutingBenchReport Run(Router router, IReadOnlyList<RoutingCase> cases, Router? latencyRouter = null, int minSamples = 20_000)
    {
        var results = cases.Select(c => new RoutingCaseResult(c, router.Decide(c.Input))).ToList();
        var correct = results.Count(r => r.Correct);
        var nullCases = results.Where(r => r.Case.Expected is null).ToList();
        var perTool = new SortedDictionary<string, ToolScore>(StringComparer.Ordinal);
        var toolNames = results.Select(r => r.Case.Expected).Concat(results.Select(r => r.Chosen)).OfType<string>().Distinct();
        foreach (var tool in toolNames)
        {
            var routedTo = results.Count(r => r.Chosen == tool);
            var expected = results.Count(r => r.Case.Expected == tool);
            var hits = results.Count(r => r.Chosen == tool && r.Case.Expected == tool);
            perTool[tool] = new ToolScore(routedTo == 0 ? 0 : (double)hits / routedTo, expected == 0 ? 0 : (double)hits / expected);
        }

        var timed = latencyRouter ?? router;
        var (samples, cpu) = MeasureLatency(timed, cases, minSamples);
        return new RoutingBenchReport(
            results.Count,
            results.Count == 0 ? 0 : (double)correct / results.Count,
            nullCases.Count == 0 ? 1 : (double)nullCases.Count(r => r.Correct) / nullCases.Count,
            results.Count(r => r.WrongRoute),
            perTool,
            Percentile(samples, 0.50),
            Percentile(samples, 0.99),
            samples.Length,
            timed.Targets.Count,
            samples.Length == 0 ? 0 : cpu.TotalMilliseconds / samples.Length,
            results);
    }

    private static (double[] Samples, TimeSpan Cpu) MeasureLatency(Router router, IReadOnlyList<RoutingCase> cases, int minSamples)
    {
        if (cases.Count == 0)
        {
            return ([], TimeSpan.Zero);
        }

        // Warm up the JIT and the per-thread buffers before timing.
        for (var i = 0; i < Math.Min(2_000, minSamples); i++)
        {
            router.Decide(cases[i % cases.Count].Input);
        }

        var rounds = Math.Max(1, (minSamples + cases.Count - 1) / cases.Count);
        var samples = new double[rounds * cases.Count];
        var n = 0;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var c in cases)
            {
                var start = Stopwatch.GetTimestamp();
                router.Decide(c.Input);
                samples[n++] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        Array.Sort(samples);
        return (samples, cpu);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
