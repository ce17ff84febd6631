namespace Outloop.Reporting.Usage;

/// <summary>One session as <c>outloop sessions</c> shows it: its counts from the store and its priced usage.</summary>
public sealed record SessionUsage(
    string Id,
    string Agent,
    string? Project,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int Tasks,
    int ToolCalls,
    int FailedToolCalls,
    long InputTokens,
    long OutputTokens,
    long CacheCreationTokens,
    long CacheReadTokens,
    decimal CostUsd);
