using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Outloop.Automation.Candidates;
using Outloop.Patterns;

namespace Outloop.Automation.Issues;

/// <summary>
/// Renders a candidate as seed 001's issue template (pattern, frequency, savings, LLM vs tool cost, typical
/// operations, recommended script, recent examples) and reads drafts back. The body carries a hidden marker
/// <c>&lt;!-- outloop-pattern: ID --&gt;</c> by which <see cref="IssueFiler"/> finds its own earlier issue.
/// </summary>
internal static partial class IssueMarkdown
{
    public const string Label = "automation-candidate";

    public static string Marker(string patternId) => $"<!-- outloop-pattern: {patternId} -->";

    public static string Title(AutomationCandidate c) => $"Automation opportunity: {c.Pattern.Signature}";

    /// <summary>A script name for the pattern: its signature with every run of non-alphanumerics as one dash.</summary>
    public static string ToolName(string signature) => NonWord().Replace(signature.ToLowerInvariant(), "-").Trim('-');

    public static string Body(AutomationCandidate c, IReadOnlyList<PatternEvidence> evidence)
    {
        var p = c.Pattern;
        var inv = CultureInfo.InvariantCulture;
        var calls = Math.Max(1, p.Calls);
        var llmPerUse = p.LlmCostUsd / calls;
        var toolPerUse = p.ScriptCostUsd / calls;
        var percent = llmPerUse <= 0 ? 0 : (llmPerUse - toolPerUse) / llmPerUse * 100;
        var tool = ToolName(p.Signature);
        var forms = evidence.Select(e => e.Command).OfType<string>()
            .GroupBy(x => x, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(5).ToList();
        var b = new StringBuilder();
        b.AppendLine(Marker(p.Id));
        b.AppendLine("## Automation opportunity detected");
        b.AppendLine();
        b.AppendLine(inv, $"**Pattern:** `{p.Signature}` ({p.Id})");
        b.AppendLine(inv, $"**Frequency:** observed in {p.Occurrences} tasks ({p.Calls} calls, {p.Sessions} sessions, {p.FirstSeen?[..10]} to {p.LastSeen?[..10]})");
        b.AppendLine(inv, $"**Potential savings:** ${p.MonthlySavingsUsd:0.00}/month (${c.AnnualSavingsUsd:0.00}/year)");
        b.AppendLine(inv, $"**Confidence:** {p.Confidence}%");
        b.AppendLine(inv, $"**ROI:** payback in {Months(c.PaybackMonths)} for an estimated ${c.ImplementationCostUsd:0.##} of implementation; annual ROI {Percent(c.AnnualRoiPercent)}");
        b.AppendLine();
        b.AppendLine("### Analysis");
        b.AppendLine();
        b.AppendLine("**Current approach (LLM):**");
        b.AppendLine(inv, $"- Avg tokens: {p.LlmTokens / calls:N0}");
        b.AppendLine(inv, $"- Avg cost: ${llmPerUse:0.0000}");
        b.AppendLine();
        b.AppendLine("**Optimized approach (tool):**");
        b.AppendLine(inv, $"- Estimated tokens: {p.ToolTokens / calls:N0}");
        b.AppendLine(inv, $"- Estimated cost: ${toolPerUse:0.0000}");
        b.AppendLine(inv, $"- **Savings per use:** ${c.SavingsPerUseUsd:0.0000} ({percent:0}%)");
        b.AppendLine();
        b.AppendLine("### Typical operations");
        b.AppendLine();
        if (forms.Count == 0)
        {
            b.AppendLine(inv, $"- `{p.Title}`");
        }

        foreach (var form in forms)
        {
            b.AppendLine(inv, $"- `{Cut(form.Key, 160)}` ({form.Count()}x)");
        }

        b.AppendLine();
        b.AppendLine("### Recommended implementation");
        b.AppendLine();
        b.AppendLine(inv, $"Generate the script with `outloop tools generate {p.Id}`: `.outloop/tools/{tool}.sh` runs `{p.Title}` and prints a compact result (summary, every failure with its location; the full output stays in a file).");
        b.AppendLine();
        b.AppendLine(inv, $"**Input patterns:** {string.Join(", ", InputPatterns(p).Select(x => $"\"{x}\""))}");
        b.AppendLine("**Expected behavior:** same exit code as the command; output reduced to what the agent needs.");
        b.AppendLine();
        b.AppendLine("### Recent examples");
        b.AppendLine();
        foreach (var e in evidence.OrderByDescending(e => e.Occurrence.Ts, StringComparer.Ordinal).Take(5))
        {
            var o = e.Occurrence;
            b.AppendLine(inv, $"- {o.Ts?[..Math.Min(16, o.Ts.Length)]} task `{o.TaskId}` ({o.Agent}): {Cut(e.TaskDescription ?? "(no description)", 80)}");
        }

        b.AppendLine();
        b.AppendLine("---");
        b.AppendLine(inv, $"**Labels:** {Label}, cost-optimization");
        b.AppendLine(inv, $"**Priority:** {Priority(p.MonthlySavingsUsd)}");
        return b.ToString();
    }

    /// <summary>Phrases a request for this operation is likely to contain: its command and signature parts.</summary>
    public static IReadOnlyList<string> InputPatterns(PatternRecord p)
    {
        var parts = p.Signature.Split(':');
        var list = new List<string> { p.Title };
        if (parts.Length >= 2)
        {
            list.Add($"{parts[0]} {parts[1]}");
            list.Add($"run {parts[1]}");
        }

        return [.. list.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Writes a draft as <c># Title</c>, a blank line, then the body.</summary>
    public static string ToFile(IssueDraft draft) => $"# {draft.Title}\n\n{draft.Body}";

    /// <summary>Reads a draft file (possibly edited by a person); null when it carries no pattern marker.</summary>
    public static IssueDraft? FromFile(string path)
    {
        var text = File.ReadAllText(path);
        var match = MarkerPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var firstLine = text.Split('\n', 2);
        var title = firstLine[0].StartsWith("# ", StringComparison.Ordinal) ? firstLine[0][2..].Trim() : $"Automation opportunity: {match.Groups[1].Value}";
        var body = firstLine[0].StartsWith("# ", StringComparison.Ordinal) && firstLine.Length > 1 ? firstLine[1].TrimStart('\n') : text;
        return new IssueDraft(match.Groups[1].Value, title, body, path);
    }

    /// <summary>The pattern id in a body's marker, or null.</summary>
    public static string? PatternIdIn(string? body) => body is not null && MarkerPattern().Match(body) is { Success: true } m ? m.Groups[1].Value : null;

    private static string Priority(double monthly) => monthly >= 10 ? "high" : monthly >= 2 ? "medium" : "low";

    private static string Months(double value) => double.IsFinite(value) ? value.ToString("0.#", CultureInfo.InvariantCulture) + " months" : "never";

    private static string Percent(double value) => double.IsFinite(value) ? value.ToString("0", CultureInfo.InvariantCulture) + "%" : "n/a";

    private static string Cut(string text, int width)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= width ? line : line[..(width - 1)] + "…";
    }

    [GeneratedRegex("<!-- outloop-pattern: ([A-Za-z0-9_-]+) -->")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
