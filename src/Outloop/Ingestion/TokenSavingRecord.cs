namespace Outloop.Ingestion;

/// <summary>
/// Tokens Outloop kept out of an agent's context by one act, for example a Bash output the hook compacted.
/// <see cref="TokensSaved"/> is <see cref="OriginalTokens"/> minus <see cref="FinalTokens"/> (estimated tokens).
/// </summary>
public sealed record TokenSavingRecord(
    string Id,
    DateTimeOffset At,
    string? SessionId,
    string? ToolUseId,
    string Kind,
    string? Runner,
    string? Command,
    long OriginalTokens,
    long FinalTokens,
    string? FullOutputPath)
{
    /// <summary>What the PostToolUse hook records when it replaced a Bash tool's output with its compact form.</summary>
    public const string HookCompaction = "hook-compaction";

    /// <summary>What <c>outloop compact</c> records (a generated script, or a command the PreToolUse hook rewrote).</summary>
    public const string CompactCommand = "compact-command";

    public long TokensSaved => Math.Max(0, OriginalTokens - FinalTokens);
}
