namespace Outloop.Ingestion;

/// <summary>A human prompt (already redacted).</summary>
public sealed record PromptRecord(string Id, string SessionId, string? TaskId, string Text, DateTimeOffset Timestamp);
