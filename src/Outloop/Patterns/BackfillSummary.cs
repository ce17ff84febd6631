namespace Outloop.Patterns;

/// <summary>What a backfill wrote: calls classified, patterns per kind, failures, tasks scored, the time it took, and each task's signals.</summary>
internal sealed record BackfillSummary(
    int Calls,
    IReadOnlyDictionary<string, int> PatternsByKind,
    int Failures,
    int Tasks,
    TimeSpan Elapsed)
{
    /// <summary>Per task, what its calls show (<see cref="TaskSignals"/>).</summary>
    public IReadOnlyList<TaskSignals> Signals { get; init; } = [];
}
