namespace Outloop.Ingestion.TaskLog;

/// <summary>A task started in a task log: the session and agent its other records belong to.</summary>
internal sealed record TaskLogTask(string SessionId, string Agent, DateTimeOffset StartedAt);
