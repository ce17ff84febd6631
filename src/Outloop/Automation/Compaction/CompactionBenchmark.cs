using System.Diagnostics;
using Outloop.Outputs;

namespace Outloop.Automation.Compaction;

/// <summary>
/// Runs <see cref="OutputCompactor"/> over real outputs and reports, per runner, the tokens before and after
/// and whether every failing test name and error location (<see cref="FailureOracle"/>) was kept. Outputs
/// below the short-output threshold are returned unchanged by design: they are counted apart and left out of
/// the token figures, which measure only what the compactor is for.
/// </summary>
internal static class CompactionBenchmark
{
    public static CompactionBenchmarkReport Run(IEnumerable<RealOutput> outputs, CompactOptions options)
    {
        var rows = new Dictionary<string, (int Outputs, int Short, long Original, long Compact, int MustKeep, int Kept)>(StringComparer.Ordinal);
        var misses = new List<string>();
        var each = new List<(string, string, string, long, long)>();
        var times = new List<double>();
        foreach (var output in outputs)
        {
            var watch = Stopwatch.StartNew();
            var result = OutputCompactor.Compact(output.Command, output.Output, output.ExitCode, options);
            times.Add(watch.Elapsed.TotalMicroseconds);
            var row = rows.GetValueOrDefault(result.Runner);
            row.Outputs++;
            if (result.OriginalTokens < options.ShortOutputTokens)
            {
                row.Short++;
                rows[result.Runner] = row;
                continue;
            }

            each.Add((output.Source, output.Command, result.Runner, result.OriginalTokens, result.CompactTokens));
            row.Original += result.OriginalTokens;
            row.Compact += result.CompactTokens;
            foreach (var item in FailureOracle.MustKeep(output.Output))
            {
                row.MustKeep++;
                if (FailureOracle.IsKept(result.Text, item))
                {
                    row.Kept++;
                }
                else
                {
                    misses.Add($"{output.Source}: {item}");
                }
            }

            rows[result.Runner] = row;
        }

        times.Sort();
        var stats = rows
            .Select(r => new CompactionRunnerStats(r.Key, r.Value.Outputs, r.Value.Short, r.Value.Original, r.Value.Compact, r.Value.MustKeep, r.Value.Kept))
            .OrderByDescending(r => r.OriginalTokens)
            .ToList();
        return new CompactionBenchmarkReport(stats, each, misses, options.ShortOutputTokens,
            times.Count == 0 ? 0 : times[times.Count / 2], times.Count == 0 ? 0 : times[^1]);
    }
}
