namespace Outloop.Automation.Compaction;

/// <summary>
/// What the compaction hook needs from its host: where full outputs go, and the words that start this program (the
/// native hook binary, or the CLI) so that a rewritten command runs <c>compact</c> through it.
/// </summary>
internal sealed record CompactionHookOptions(string OutputFolder, IReadOnlyList<string> Launcher)
{
    /// <summary>Least share of an output's tokens compaction must remove before the hook replaces it.</summary>
    public double MinReduction { get; init; } = 0.30;

    /// <summary>
    /// Claude Code caps a hook's output strings at 10,000 characters; a longer compact text is cut in the middle
    /// (keeping its head and the line naming the full output) rather than cut at the end by the agent.
    /// </summary>
    public int MaxReplyChars { get; init; } = 9_500;

    /// <summary>The options a hook process uses: <c>$CLAUDE_PROJECT_DIR</c> or Outloop's home for outputs.</summary>
    public static CompactionHookOptions FromEnvironment(string outloopHome, IReadOnlyList<string> launcher) =>
        new(CompactionOutputFolder.Resolve(Environment.GetEnvironmentVariable("CLAUDE_PROJECT_DIR"), outloopHome), launcher);
}
