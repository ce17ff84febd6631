using Outloop.Patterns;
using Outloop.Storage;

namespace Outloop.Automation.Candidates;

/// <summary>
/// Finds the repetitive operations that meet <see cref="CandidateOptions"/> (status detected or candidate), prices
/// their ROI and marks the detected ones <c>candidate</c> through the pattern store, which records who and when.
/// </summary>
internal static class CandidateFinder
{
    /// <summary>Who the status history names when candidates are marked by this command.</summary>
    public const string Actor = "outloop candidates";

    /// <summary>The candidates, most monthly savings first, without changing anything.</summary>
    public static List<AutomationCandidate> Find(SqlitePatternStore store, CandidateOptions options)
    {
        var result = new List<AutomationCandidate>();
        foreach (var listing in store.List(new PatternFilter(PatternKind.Operation)))
        {
            var p = listing.Pattern;
            if (listing.Status is not (PatternStatus.Detected or PatternStatus.Candidate) || !Qualifies(p, options))
            {
                continue;
            }

            result.Add(Price(p, listing.Status, options));
        }

        return [.. result.OrderByDescending(c => c.MonthlySavingsUsd).ThenBy(c => c.Pattern.Id, StringComparer.Ordinal)];
    }

    /// <summary>True when a repetitive operation meets the thresholds, whatever its status.</summary>
    public static bool Qualifies(PatternRecord p, CandidateOptions options) =>
        p.Occurrences >= options.MinOccurrences && p.Confidence >= options.MinConfidence && p.MonthlySavingsUsd >= options.MinMonthlySavingsUsd;

    /// <summary>Finds the candidates and moves the detected ones to <c>candidate</c>.</summary>
    public static List<AutomationCandidate> FindAndMark(SqlitePatternStore store, CandidateOptions options, DateTimeOffset now, string changedBy = Actor)
    {
        var candidates = Find(store, options);
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Status == PatternStatus.Detected)
            {
                store.SetStatus(new StatusChange(c.Pattern.Id, PatternStatus.Candidate, changedBy, now,
                    $"meets the automation thresholds: {c.Pattern.Occurrences} occurrences, confidence {c.Pattern.Confidence}, ${c.MonthlySavingsUsd:0.00}/month"));
                candidates[i] = c with { Status = PatternStatus.Candidate };
            }
        }

        return candidates;
    }

    internal static AutomationCandidate Price(PatternRecord p, string status, CandidateOptions options)
    {
        var perUse = p.Calls == 0 ? 0 : Math.Max(0, p.LlmCostUsd - p.ScriptCostUsd) / p.Calls;
        var cost = options.ImplementationCostUsd;
        var monthly = p.MonthlySavingsUsd;
        var payback = monthly <= 0 ? double.PositiveInfinity : cost / monthly;
        var roi = cost <= 0 ? double.PositiveInfinity : ((12 * monthly) - cost) / cost * 100;
        return new AutomationCandidate(p, status, perUse, cost, payback, roi);
    }
}
