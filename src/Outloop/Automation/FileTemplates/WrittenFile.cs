namespace Outloop.Automation.FileTemplates;

/// <summary>A file an agent wrote whole (a <c>Write</c> call or an editor's <c>create</c>), with its (redacted) content.</summary>
internal sealed record WrittenFile(string ToolCallId, string SessionId, DateTimeOffset At, string Path, string Content);
