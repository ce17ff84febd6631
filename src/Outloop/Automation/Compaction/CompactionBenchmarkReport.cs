namespace Outloop.Automation.Compaction;

/// <summary>The compactor measured on real outputs: figures per runner, the misses, and timings.</summary>
/// <param name="Runners">One row per runner, most tokens first.</param>
/// <param name="Misses">Failing names or locations lost, as <c>source: item</c>.</param>
/// <param name="ShortOutputTokens">The threshold below which outputs are returned unchanged.</param>
/// <param name="MedianMicroseconds">Median time to compact one output.</param>
/// <param name="MaxMicroseconds">Slowest output.</param>
/// <param name="Outputs">Every output above the threshold: source, runner, tokens before and after.</param>
internal sealed record CompactionBenchmarkReport(
    IReadOnlyList<CompactionRunnerStats> Runners,
    IReadOnlyList<(string Source, string Command, string Runner, long Original, long Compact)> Outputs,
    IReadOnlyList<string> Misses,
    int ShortOutputTokens,
    double MedianMicroseconds,
    double MaxMicroseconds)
{
    public long OriginalTokens => Runners.Sum(r => r.OriginalTokens);

    public long CompactTokens => Runners.Sum(r => r.CompactTokens);

    public double Reduction => OriginalTokens == 0 ? 0 : 1 - ((double)CompactTokens / OriginalTokens);
}
