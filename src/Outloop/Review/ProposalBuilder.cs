using System.Security.Cryptography;
using System.Text;
using Outloop.Patterns;

namespace Outloop.Review;

/// <summary>Turns promoted learnings and strong failure/iteration patterns into proposals with their evidence.</summary>
internal static class ProposalBuilder
{
    public static string Id(string project, string type, string target, string change) =>
        "prop-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(project + "\n" + type + "\n" + target + "\n" + change)))[..10];

    /// <summary>A guideline file for a learning: testing, context or coding, by its words.</summary>
    public static string GuidelineTarget(string text)
    {
        var lower = text.ToLowerInvariant();
        var topic = lower.Contains("test", StringComparison.Ordinal) ? "testing"
            : lower.Contains("context", StringComparison.Ordinal) || lower.Contains("read ", StringComparison.Ordinal) ? "context"
            : "coding";
        return $".outloop/guidelines/{topic}.md";
    }

    public static Proposal FromLearning(string project, Learning learning, IReadOnlyDictionary<string, PatternRecord> patterns, DateTimeOffset now)
    {
        var target = GuidelineTarget(learning.Text);
        var change = "APPEND:\n- " + learning.Text;
        var known = learning.PatternIds.Where(patterns.ContainsKey).Select(id => patterns[id]).ToList();
        var confidence = known.Count > 0 ? known.Max(p => p.Confidence) / 100.0 : Math.Min(1, 0.5 + (0.1 * learning.References));
        var evidence = new ProposalEvidence(learning.PatternIds, learning.References, known.Sum(p => p.Occurrences), [.. learning.TaskIds.Take(5)]);
        var reason = $"Learning from {learning.Source} seen in {learning.References} tasks"
            + (learning.PatternIds.Count > 0 ? $" (patterns {string.Join(", ", learning.PatternIds)})" : string.Empty)
            + $"; examples: {string.Join(", ", evidence.ExampleTaskIds)}.";
        return new Proposal(Id(project, "guideline", target, change), project, "guideline", "patterns", target, change, reason, Math.Round(confidence, 2), evidence,
            ProposalStatus.Pending, null, now, null);
    }

    public static Proposal FromPattern(string project, PatternRecord pattern, IReadOnlyList<string> taskIds, DateTimeOffset now)
    {
        var (target, line) = pattern.Kind == PatternKind.Iteration
            ? (".outloop/criteria/done.md", $"- Tasks like \"{pattern.Signature}\" are done only when their pass criteria are written down first and met (they took several attempts: {pattern.Title}).")
            : (".outloop/criteria/quality.md", $"- Work is not done while this failure remains: {pattern.Title}.");
        var change = "APPEND:\n" + line;
        var evidence = new ProposalEvidence([pattern.Id], pattern.Tasks, pattern.Occurrences, [.. taskIds.Take(5)]);
        var reason = $"{pattern.Kind} pattern {pattern.Id} in {pattern.Tasks} tasks ({pattern.Occurrences} occurrences, confidence {pattern.Confidence}); examples: {string.Join(", ", evidence.ExampleTaskIds)}.";
        return new Proposal(Id(project, "criteria", target, change), project, "criteria", "patterns", target, change, reason, pattern.Confidence / 100.0, evidence,
            ProposalStatus.Pending, null, now, null);
    }
}
