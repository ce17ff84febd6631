using Outloop.Automation.Candidates;
using Outloop.Storage;

namespace Outloop.Automation.Issues;

/// <summary>Writes one Markdown issue per candidate to <c>PROJECT/.outloop/issues/&lt;pattern-id&gt;.md</c>.</summary>
internal static class IssueDrafter
{
    public static string Folder(string project) => Path.Combine(project, ".outloop", "issues");

    public static List<IssueDraft> Draft(string project, IReadOnlyList<AutomationCandidate> candidates, SqlitePatternStore patterns)
    {
        var folder = Folder(project);
        Directory.CreateDirectory(folder);
        var drafts = new List<IssueDraft>();
        foreach (var c in candidates)
        {
            var draft = new IssueDraft(c.Pattern.Id, IssueMarkdown.Title(c), IssueMarkdown.Body(c, patterns.Evidence(c.Pattern.Id)),
                Path.Combine(folder, c.Pattern.Id + ".md"));
            File.WriteAllText(draft.Path, IssueMarkdown.ToFile(draft));
            drafts.Add(draft);
        }

        return drafts;
    }

    /// <summary>The drafts in the project's issue folder, by file name; files without a pattern marker are skipped.</summary>
    public static List<IssueDraft> Load(string project)
    {
        var folder = Folder(project);
        return !Directory.Exists(folder)
            ? []
            : [.. Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal).Select(IssueMarkdown.FromFile).OfType<IssueDraft>()];
    }
}
