using Outloop.Storage;

namespace Outloop.Automation.Issues;

/// <summary>
/// Files the drafted issues, never twice for one pattern and repository: a number recorded in the store is used as
/// is; otherwise GitHub is searched for an earlier issue carrying the pattern's marker (recorded if found); only
/// then is a new issue created, and its number recorded.
/// </summary>
internal static class IssueFiler
{
    public static async Task<List<FiledIssue>> FileAsync(
        IReadOnlyList<IssueDraft> drafts, string repo, GitHubIssueClient client, SqliteAutomationStore store, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var result = new List<FiledIssue>();
        foreach (var draft in drafts)
        {
            if (store.IssueFor(draft.PatternId, repo) is { } known)
            {
                result.Add(known with { Outcome = "recorded" });
                continue;
            }

            var body = draft.Body.Contains(IssueMarkdown.Marker(draft.PatternId), StringComparison.Ordinal)
                ? draft.Body
                : IssueMarkdown.Marker(draft.PatternId) + "\n" + draft.Body;
            var found = await client.FindAsync(repo, IssueMarkdown.Label, IssueMarkdown.Marker(draft.PatternId), cancellationToken).ConfigureAwait(false);
            var (number, url) = found ?? await client.CreateAsync(repo, draft.Title, body, [IssueMarkdown.Label], cancellationToken).ConfigureAwait(false);
            var filed = new FiledIssue(draft.PatternId, number, url, found is null ? "filed" : "found");
            store.RecordIssue(filed, repo, now);
            result.Add(filed);
        }

        return result;
    }
}
