namespace Outloop.Ingestion;

/// <summary>One raw hook event as the agent sent it (already redacted).</summary>
public sealed record HookEventRecord(
    string Id,
    string? SessionId,
    string EventName,
    string? ToolUseId,
    DateTimeOffset ReceivedAt,
    string PayloadJson);
