namespace Outloop.Automation.Compaction;

/// <summary>How the compactor did on one runner's real outputs.</summary>
/// <param name="Runner">The runner detected.</param>
/// <param name="Outputs">Outputs found for this runner.</param>
/// <param name="ShortOutputs">Outputs below the threshold, returned unchanged and left out of the token figures.</param>
/// <param name="OriginalTokens">Tokens of the outputs above the threshold.</param>
/// <param name="CompactTokens">Tokens of their compact texts.</param>
/// <param name="MustKeep">Failing test names and error locations the oracle found in the outputs above the threshold.</param>
/// <param name="Kept">How many of them the compact texts still contain.</param>
internal sealed record CompactionRunnerStats(
    string Runner, int Outputs, int ShortOutputs, long OriginalTokens, long CompactTokens, int MustKeep, int Kept)
{
    /// <summary>Share of tokens removed on the outputs above the threshold, 0 to 1.</summary>
    public double Reduction => OriginalTokens == 0 ? 0 : 1 - ((double)CompactTokens / OriginalTokens);
}
