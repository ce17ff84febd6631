using Outloop.Ingestion;

namespace Outloop.Reporting;

/// <summary>
/// One de-duplicated model request as the usage reports see it, or several summed by the store
/// (<see cref="Requests"/> &gt; 1): those were each below the 200k-token price tier, so they are priced linearly.
/// </summary>
public sealed record UsageEntry(
    DateTimeOffset Timestamp,
    string SessionId,
    string? Project,
    string Agent,
    string Model,
    TokenCounts Tokens,
    string? Speed,
    decimal? SourceCostUsd,
    string? TaskId = null,
    int Requests = 1);
