using System.Diagnostics;

namespace Outloop.Patterns.Templates;

/// <summary>
/// Runs <see cref="TemplateMiner"/> over every system of a Loghub-style folder, online and in file order, and
/// scores it: GA against the original ground truth, FGA, PA and FTA against the corrected one. Speed counts
/// mining only (no file reading): after <see cref="WarmupPasses"/> untimed passes (so the JIT has optimised the
/// hot path), each timed pass mines every system with a fresh miner, and the median pass is kept.
/// </summary>
internal static class TemplateBenchmark
{
    public const int WarmupPasses = 3;

    public static TemplateBenchmarkResult Run(string directory, int passes = 20)
    {
        var systems = LoghubDataset.Load(directory);
        var results = new List<TemplateSystemResult>(systems.Count);
        foreach (var system in systems)
        {
            var parsed = Mine(system.Contents);
            var scores = TemplateMetrics.Score(system.EventIds, system.CorrectedTemplates, parsed);
            results.Add(new TemplateSystemResult(
                system.Name, system.Contents.Count, Round(scores.Ga), Round(scores.Fga), Round(scores.Pa), Round(scores.Fta)));
        }

        var mean = new TemplateMeanResult(
            Round(results.Average(r => r.Ga)),
            Round(results.Average(r => r.Fga)),
            Round(results.Average(r => r.Pa)),
            Round(results.Average(r => r.Fta)));
        var (cpuRate, wallRate) = MeasureLinesPerSecond(systems, Math.Max(1, passes));
        return new TemplateBenchmarkResult(results, mean, cpuRate) { WallLinesPerSecond = wallRate };
    }

    /// <summary>Mines <paramref name="messages"/> in order and returns each one's final template text.</summary>
    public static string[] Mine(IReadOnlyList<string> messages)
    {
        var miner = new TemplateMiner();
        foreach (var message in messages)
        {
            miner.Add(message);
        }

        var text = miner.Templates.ToDictionary(t => t.Id, t => t.Text);
        var parsed = new string[messages.Count];
        for (var i = 0; i < parsed.Length; i++)
        {
            parsed[i] = text[miner.TemplateOf(i)];
        }

        return parsed;
    }

    /// <summary>
    /// Lines per second of mining on one core. The miner is single-threaded, so lines / process CPU time over
    /// all timed passes is its one-core speed even on a busy machine (CPU time also counts the JIT and GC threads,
    /// so the figure can only be too low). The median wall-clock pass is returned too.
    /// </summary>
    private static (long CpuRate, long WallRate) MeasureLinesPerSecond(IReadOnlyList<LoghubSystem> systems, int passes)
    {
        var rates = new double[passes];
        var lines = systems.Sum(s => s.Contents.Count);
        var process = Process.GetCurrentProcess();
        var cpuStart = TimeSpan.Zero;
        for (var p = -WarmupPasses; p < passes; p++)
        {
            if (p == 0)
            {
                process.Refresh();
                cpuStart = process.TotalProcessorTime;
            }

            var ticks = 0L;
            foreach (var system in systems)
            {
                var miner = new TemplateMiner();
                var start = Stopwatch.GetTimestamp();
                foreach (var message in system.Contents)
                {
                    miner.Add(message);
                }

                _ = miner.Templates.Count;
                ticks += Stopwatch.GetTimestamp() - start;
            }

            if (p >= 0)
            {
                rates[p] = lines / ((double)ticks / Stopwatch.Frequency);
            }
        }

        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpuStart).TotalSeconds;
        Array.Sort(rates);
        var cpuRate = cpuSeconds > 0 ? (long)Math.Round((double)lines * passes / cpuSeconds) : 0;
        return (cpuRate, (long)Math.Round(rates[passes / 2]));
    }

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
