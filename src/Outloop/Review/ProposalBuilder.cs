using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Outloop.Patterns;
using Outloop.Patterns.Signatures;

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

    /// <summary>
    /// A criteria proposal from a pattern. An iteration pattern becomes a definition of done for its kind of task in
    /// <c>.outloop/criteria/&lt;verb&gt;.md</c>: pass criteria written first, and the checks (tests, builds, linters)
    /// those tasks shared must pass. A failure pattern becomes a quality criterion.
    /// </summary>
    public static Proposal FromPattern(string project, PatternRecord pattern, IReadOnlyList<string> taskIds, DateTimeOffset now)
    {
        string target, change;
        if (pattern.Kind == PatternKind.Iteration)
        {
            var (verb, averageIterations, checks) = IterationDetails(pattern);
            target = $".outloop/criteria/{verb}.md";
            var lines = new List<string>
            {
                $"## Definition of done: tasks like \"{pattern.Signature}\"",
                "- The pass criteria are written down before the work starts, and each one is met.",
            };
            if (checks.Count > 0)
            {
                lines.Add($"- These checks, which such tasks ran, pass at the end: {string.Join(", ", checks.Select(c => "`" + c + "`"))}.");
            }

            lines.Add(string.Create(CultureInfo.InvariantCulture, $"(Such tasks took {averageIterations:0.#} attempts on average over {pattern.Tasks} tasks: pattern {pattern.Id}.)"));
            change = "APPEND:\n" + string.Join('\n', lines);
        }
        else
        {
            target = ".outloop/criteria/quality.md";
            change = $"APPEND:\n- Work is not done while this failure remains: {pattern.Title}.";
        }

        var evidence = new ProposalEvidence([pattern.Id], pattern.Tasks, pattern.Occurrences, [.. taskIds.Take(5)]);
        var reason = $"{pattern.Kind} pattern {pattern.Id} in {pattern.Tasks} tasks ({pattern.Occurrences} occurrences, confidence {pattern.Confidence}); examples: {string.Join(", ", evidence.ExampleTaskIds)}.";
        return new Proposal(Id(project, "criteria", target, change), project, "criteria", "patterns", target, change, reason, pattern.Confidence / 100.0, evidence,
            ProposalStatus.Pending, null, now, null);
    }

    /// <summary>
    /// Ranked candidates, taken in turn from each type (in the order of each type's best), so that a full review
    /// carries criteria as well as guidelines instead of only the type with the higher confidences.
    /// </summary>
    public static IEnumerable<Proposal> Interleave(IEnumerable<Proposal> ranked)
    {
        var queues = ranked.GroupBy(p => p.Type, StringComparer.Ordinal).Select(g => new Queue<Proposal>(g)).ToList();
        while (queues.Count > 0)
        {
            foreach (var queue in queues)
            {
                yield return queue.Dequeue();
            }

            queues.RemoveAll(q => q.Count == 0);
        }
    }

    private static (string Verb, double AverageIterations, List<string> Checks) IterationDetails(PatternRecord pattern)
    {
        var verb = pattern.Signature.Split(':')[0];
        var average = 0.0;
        var checks = new List<string>();
        if (pattern.Details is { } details)
        {
            using var json = JsonDocument.Parse(details);
            var root = json.RootElement;
            if (root.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String)
            {
                verb = v.GetString()!;
            }

            if (root.TryGetProperty("averageIterations", out var a) && a.ValueKind == JsonValueKind.Number)
            {
                average = a.GetDouble();
            }

            if (root.TryGetProperty("sharedSignatures", out var signatures) && signatures.ValueKind == JsonValueKind.Array)
            {
                checks.AddRange(signatures.EnumerateArray().Select(e => e.GetString() ?? string.Empty)
                    .Where(sig => OperationCategory.IsVerification(sig.Split(':')[0])));
            }
        }

        var safe = new string([.. verb.ToLowerInvariant().Where(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-')]);
        return (safe.Length == 0 ? "done" : safe, average, checks);
    }
}
