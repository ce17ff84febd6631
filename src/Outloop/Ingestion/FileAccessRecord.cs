namespace Outloop.Ingestion;

/// <summary>A file a tool call read, wrote or searched.</summary>
public sealed record FileAccessRecord(
    string ToolCallId,
    string SessionId,
    string? TaskId,
    string Path,
    FileAccessKind Kind,
    DateTimeOffset? Timestamp);
