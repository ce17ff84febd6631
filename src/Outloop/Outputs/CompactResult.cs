namespace Outloop.Outputs;

/// <summary>What <see cref="OutputCompactor"/> made of one command's output.</summary>
/// <param name="Text">The compact text the agent reads; ends with the path of the full output when it was saved.</param>
/// <param name="Runner">The tool recognised (<see cref="Runners"/>), <c>generic</c> when none was.</param>
/// <param name="OriginalTokens">Estimated tokens of the output as the command wrote it.</param>
/// <param name="CompactTokens">Estimated tokens of <paramref name="Text"/>.</param>
/// <param name="Failures">Every failing test or error found, in output order.</param>
/// <param name="FullOutputPath">Where the full output was written, null when it was not (short output, no folder).</param>
/// <param name="Recognised">True when a specific runner's format was understood (false: generic compaction).</param>
internal sealed record CompactResult(
    string Text,
    string Runner,
    long OriginalTokens,
    long CompactTokens,
    IReadOnlyList<CompactFailure> Failures,
    string? FullOutputPath,
    bool Recognised)
{
    /// <summary>Share of the original tokens removed, 0 to 1.</summary>
    public double Reduction => OriginalTokens == 0 ? 0 : 1 - ((double)CompactTokens / OriginalTokens);
}
