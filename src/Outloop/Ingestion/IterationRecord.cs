namespace Outloop.Ingestion;

/// <summary>One attempt of a task (a pipeline's plan-implement-test round); <see cref="Passed"/> null when not judged.</summary>
public sealed record IterationRecord(string TaskId, string SessionId, int Number, bool? Passed, DateTimeOffset? Timestamp);
