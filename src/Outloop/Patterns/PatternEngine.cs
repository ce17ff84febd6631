using System.Diagnostics;
using Outloop.Storage;

namespace Outloop.Patterns;

/// <summary>
/// The pattern engine: reads the store, classifies and prices every tool call, and recomputes every analysis
/// (repetitive operations, sequences, failure templates, recoveries, iterations and scores, iteration and success
/// patterns) from scratch. Ids are hashes of kind and key and every ordering is fixed, so running it twice leaves
/// identical tables.
/// </summary>
internal static class PatternEngine
{
    /// <summary>Recomputes signatures, patterns, failures and task scores and writes them to <paramref name="store"/>.</summary>
    public static BackfillSummary Backfill(SqliteStore store, BackfillOptions options)
    {
        var clock = Stopwatch.StartNew();
        var source = new SqlitePatternStore(store);
        var analysis = Analyze(source, options);
        source.Replace(analysis);
        var kinds = PatternKind.All.ToDictionary(k => k, k => analysis.Patterns.Count(p => p.Kind == k), StringComparer.Ordinal);
        return new BackfillSummary(analysis.Signatures.Count, kinds, analysis.Failures.Count, analysis.TaskScores.Count, clock.Elapsed) { Signals = analysis.Signals };
    }

    /// <summary>Computes everything without writing it.</summary>
    internal static PatternAnalysis Analyze(SqlitePatternStore source, BackfillOptions options)
    {
        var requests = source.RequestsBySession();
        var calls = new List<AnalyzedCall>();
        var session = new List<StoredCall>();
        foreach (var call in source.Calls())
        {
            if (session.Count > 0 && session[0].SessionId != call.SessionId)
            {
                calls.AddRange(OperationCosting.Analyze(session, requests.GetValueOrDefault(session[0].SessionId) ?? [], options.Prices));
                session.Clear();
            }

            session.Add(call);
        }

        if (session.Count > 0)
        {
            calls.AddRange(OperationCosting.Analyze(session, requests.GetValueOrDefault(session[0].SessionId) ?? [], options.Prices));
        }

        // One global order (time, then id) that every analysis relies on for "first" and "after".
        calls.Sort((a, b) => string.CompareOrdinal(a.Ts, b.Ts) is var c && c != 0 ? c : string.CompareOrdinal(a.Id, b.Id));
        calls = CallRoles.Assign(calls);

        var tasks = source.Tasks();
        var timed = calls.Where(c => c.Ts is not null).ToList();
        var oldest = timed.Count == 0 ? null : timed[0].Ts;
        var newest = timed.Count == 0 ? null : timed[^1].Ts;
        var observedDays = oldest is null ? 1 : Math.Max(1, (StoreTime.Parse(newest!) - StoreTime.Parse(oldest)).TotalDays);
        var totalTasks = calls.Select(c => c.TaskId).Concat(tasks.Select(t => t.Id)).Distinct(StringComparer.Ordinal).Count();

        var patterns = new List<PatternRecord>();
        var occurrences = new List<PatternOccurrence>();
        var failures = new List<FailureRecord>();
        RepetitiveOperations.Find(calls, options, observedDays, patterns, occurrences);
        SequenceMiner.Find(calls, options, totalTasks, patterns, occurrences);
        var templateOf = FailureTemplates.Find(calls, options, tasks, newest, patterns, occurrences, failures);
        var templateText = patterns.Where(p => p.Kind == PatternKind.Failure).ToDictionary(p => p.Id, p => p.Signature, StringComparer.Ordinal);
        RecoveryPatterns.Find(calls, templateOf, templateText, options, patterns, occurrences);
        var signals = new List<TaskSignals>(tasks.Count);
        var scores = TaskIterations.Score(tasks, calls, signals);
        TaskGroups.Find(tasks, scores, calls, options, patterns, occurrences);

        return new PatternAnalysis(calls.Select(c => (c.Id, c.Signature)).ToList(), patterns, occurrences, failures, scores) { Signals = signals };
    }
}
