using System.Diagnostics;

namespace Outloop.Patterns.Templates;

/// <summary>
/// Runs <see cref="TemplateMiner"/> over every system of a Loghub-style folder, online and in file order, and
/// scores it: GA against the original ground truth, FGA, PA and FTA against the corrected one. Speed counts
/// mining only (no file reading): each pass mines every system with a fresh miner, and the median pass is kept.
/// </summary>
internal static class TemplateBenchmark
{
    public static TemplateBenchmarkResult Run(string directory, int passes = 5)
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
        return new TemplateBenchmarkResult(results, mean, MeasureLinesPerSecond(systems, Math.Max(1, passes)));
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

    private static long MeasureLinesPerSecond(IReadOnlyList<LoghubSystem> systems, int passes)
    {
        var rates = new double[passes];
        var lines = systems.Sum(s => s.Contents.Count);
        for (var p = 0; p < passes; p++)
        {
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

            rates[p] = lines / ((double)ticks / Stopwatch.Frequency);
        }

        Array.Sort(rates);
        return (long)Math.Round(rates[passes / 2]);
    }

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
