namespace Outloop.Automation.FileTemplates;

/// <summary>One file behind a template: where it was written, in which session and when.</summary>
internal sealed record TemplateMember(string Path, string SessionId, DateTimeOffset At);
