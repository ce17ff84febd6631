namespace Outloop.Reporting;

/// <summary>One task of <see cref="TasksReport"/>: its counts and the cost of its model requests.</summary>
public sealed record TaskRow(TaskSummary Task, long Requests, decimal CostUsd);
