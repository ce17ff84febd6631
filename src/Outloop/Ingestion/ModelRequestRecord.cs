namespace Outloop.Ingestion;

/// <summary>
/// One billed model request. <see cref="Id"/> is the de-duplication key (for Claude Code the message id), so
/// writing the same request twice keeps one row with the larger of each counter.
/// </summary>
public sealed record ModelRequestRecord(
    string Id,
    string SessionId,
    string? TaskId,
    string Agent,
    string Model,
    DateTimeOffset Timestamp,
    TokenCounts Tokens,
    bool IsSidechain = false,
    string? RequestId = null,
    string? Speed = null,
    decimal? SourceCostUsd = null,
    string? Project = null);
