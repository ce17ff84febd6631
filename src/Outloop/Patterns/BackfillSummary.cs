namespace Outloop.Patterns;

/// <summary>What a backfill wrote: calls classified, patterns per kind, failures, tasks scored, and the time it took.</summary>
internal sealed record BackfillSummary(
    int Calls,
    IReadOnlyDictionary<string, int> PatternsByKind,
    int Failures,
    int Tasks,
    TimeSpan Elapsed);
