namespace Outloop.Patterns;

/// <summary>Everything one backfill computed, ready to replace the pattern tables.</summary>
internal sealed record PatternAnalysis(
    IReadOnlyList<(string CallId, string Signature)> Signatures,
    IReadOnlyList<PatternRecord> Patterns,
    IReadOnlyList<PatternOccurrence> Occurrences,
    IReadOnlyList<FailureRecord> Failures,
    IReadOnlyList<TaskScore> TaskScores)
{
    /// <summary>Per task, what its calls show (for outcome studies); not stored.</summary>
    public IReadOnlyList<TaskSignals> Signals { get; init; } = [];
}
