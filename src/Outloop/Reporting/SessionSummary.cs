namespace Outloop.Reporting;

/// <summary>A session's totals as <c>outloop sessions</c> shows them; cost is added by the report.</summary>
public sealed record SessionSummary(
    string Id,
    string Agent,
    string? Project,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int Tasks,
    int ToolCalls,
    int FailedToolCalls);
