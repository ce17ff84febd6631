namespace Outloop.Reporting;

/// <summary>A task as <c>outloop tasks</c> shows it, before its cost is added by <c>TasksReport</c>.</summary>
public sealed record TaskSummary(
    string Id,
    string SessionId,
    string Agent,
    string? Description,
    DateTimeOffset StartedAt,
    string Outcome,
    int? Iterations,
    int? Score,
    int ToolCalls,
    int FailedToolCalls,
    string? OutcomeEvidence = null,
    string? WorkflowType = null);
