namespace Outloop.Ingestion;

/// <summary>
/// What is known of one tool call from one source line or hook event. Several records with the same
/// <see cref="Id"/> (the tool_use id) merge into one row: a field left null keeps what the row already has.
/// </summary>
public sealed record ToolCallRecord(
    string Id,
    string SessionId,
    string? TaskId,
    string Agent,
    string? Name,
    DateTimeOffset? StartedAt = null,
    string? InputJson = null,
    string? ResultText = null,
    string? ErrorText = null,
    bool? Success = null,
    long? DurationMs = null,
    long? ResultBytes = null,
    string? RequestId = null,
    DateTimeOffset? EndedAt = null,
    bool IsSidechain = false);
