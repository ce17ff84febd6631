namespace Outloop.Ingestion;

/// <summary>A lesson a source wrote down for a task (already redacted); <see cref="Id"/> is its de-duplication key.</summary>
public sealed record LearningRecord(string Id, string SessionId, string? TaskId, string Agent, string Text, DateTimeOffset? Timestamp);
