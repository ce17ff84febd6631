namespace Outloop.Automation.Issues;

/// <summary>A drafted issue: the pattern it is about, its title and body, and the Markdown file it lives in.</summary>
internal sealed record IssueDraft(string PatternId, string Title, string Body, string Path);
