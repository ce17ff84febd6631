using System.Text.RegularExpressions;

namespace Outloop.Ingestion;

/// <summary>
/// The task inside a benchmark harness's prompt. SWE-agent, mini-swe-agent and OpenHands wrap the issue in a long
/// instruction template that is the same for every task; stored as the description, it would group every task with
/// every other and hide the issue from reports. The issue is the part between the harness's own markers:
/// <c>&lt;pr_description&gt;</c>, <c>&lt;issue_description&gt;</c>, <c>ISSUE:</c> ... <c>INSTRUCTIONS:</c>,
/// <c># Problem Statement</c> ... <c>IMPORTANT:</c>, a CTF challenge's description. A prompt without markers is kept whole.
/// </summary>
internal static partial class HarnessPrompt
{
    public static string Task(string prompt)
    {
        foreach (var pattern in Markers)
        {
            // The last match: SWE-agent puts a demonstration (with its own issue) before the real one.
            var matches = pattern.Matches(prompt);
            if (matches.Count > 0 && matches[^1].Groups["task"].Value.Trim() is { Length: > 0 } task)
            {
                return LeadIn().Replace(task, string.Empty, 1).Trim();
            }
        }

        return prompt;
    }

    private static readonly Regex[] Markers =
    [
        PrDescription(), IssueDescription(), IssueThenInstructions(), ProblemStatement(), CtfChallenge(),
    ];

    [GeneratedRegex(@"<pr_description>(?<task>.*?)</pr_description>", RegexOptions.Singleline)]
    private static partial Regex PrDescription();

    [GeneratedRegex(@"<issue_description>(?<task>.*?)</issue_description>", RegexOptions.Singleline)]
    private static partial Regex IssueDescription();

    [GeneratedRegex(@"(?m)^ISSUE:[ \t]*\r?\n(?<task>.*?)(?:^INSTRUCTIONS:|\z)", RegexOptions.Singleline)]
    private static partial Regex IssueThenInstructions();

    [GeneratedRegex(@"(?m)^#+[ \t]*Problem Statement[ \t]*\r?\n(?<task>.*?)(?:^IMPORTANT:|\z)", RegexOptions.Singleline)]
    private static partial Regex ProblemStatement();

    [GeneratedRegex(@"solving the following CTF challenge\.\s*(?<task>.*?)(?:^INSTRUCTIONS:|\z)", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CtfChallenge();

    /// <summary>The harness's own first sentence inside the markers ("Consider the following PR description:").</summary>
    [GeneratedRegex(@"\A\s*Consider the following (?:PR|issue) description:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadIn();
}
