namespace Outloop.Ingestion;

/// <summary>
/// One unit of requested work: a human prompt and everything done for it until the next one, or a whole
/// trajectory. Aggregates (tokens, cost, tool calls) are derived from the rows that point at it.
/// </summary>
public sealed record TaskRecord(
    string Id,
    string SessionId,
    string Agent,
    string? Description,
    DateTimeOffset StartedAt,
    bool Interrupted = false,
    TaskOutcome Outcome = TaskOutcome.Unknown,
    string? OutcomeEvidence = null,
    string? WorkflowType = null,
    int? Score = null,
    int? Iterations = null);
