using Outloop.Ingestion;

namespace Outloop.Reporting;

/// <summary>One de-duplicated model request as the usage reports see it.</summary>
public sealed record UsageEntry(
    DateTimeOffset Timestamp,
    string SessionId,
    string? Project,
    string Agent,
    string Model,
    TokenCounts Tokens,
    string? Speed,
    decimal? SourceCostUsd,
    string? TaskId = null);
