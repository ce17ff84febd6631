using Outloop.Reporting.Pricing;

namespace Outloop.Reporting.Usage;

/// <summary>The sessions the store knows, in the store's order (oldest first), with the models that had no price.</summary>
public sealed record SessionsReport(IReadOnlyList<SessionUsage> Sessions, IReadOnlyList<UnpricedModel> UnpricedModels)
{
    /// <summary>Joins each session's counts with the tokens and cost of its requests.</summary>
    public static SessionsReport Build(IEnumerable<SessionSummary> sessions, IEnumerable<UsageEntry> usage, PriceTable prices)
    {
        var pricer = new EntryPricer(prices);
        var bySession = new Dictionary<string, UsageAccumulator>(StringComparer.Ordinal);
        foreach (var entry in usage)
        {
            if (!bySession.TryGetValue(entry.SessionId, out var sums))
            {
                sums = new UsageAccumulator();
                bySession[entry.SessionId] = sums;
            }

            sums.Add(entry, EntryPricer.Label(entry), pricer.Cost(entry));
        }

        var rows = sessions
            .Select(s => bySession.GetValueOrDefault(s.Id) is { } u
                ? new SessionUsage(s.Id, s.Agent, s.Project, s.StartedAt, s.EndedAt, s.Tasks, s.ToolCalls, s.FailedToolCalls,
                    u.Input, u.Output, u.CacheCreation, u.CacheRead, u.Cost)
                : new SessionUsage(s.Id, s.Agent, s.Project, s.StartedAt, s.EndedAt, s.Tasks, s.ToolCalls, s.FailedToolCalls, 0, 0, 0, 0, 0m))
            .ToList();
        return new SessionsReport(rows, pricer.Unpriced());
    }
}
