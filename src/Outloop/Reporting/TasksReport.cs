using Outloop.Reporting.Pricing;
using Outloop.Reporting.Usage;

namespace Outloop.Reporting;

/// <summary>Tasks oldest first, each with its cost: the source's own cost where a request has one, else the price table's.</summary>
public sealed record TasksReport(IReadOnlyList<TaskRow> Tasks, IReadOnlyList<UnpricedModel> UnpricedModels)
{
    public static TasksReport Build(IEnumerable<TaskSummary> tasks, IEnumerable<UsageEntry> usage, PriceTable prices)
    {
        var pricer = new EntryPricer(prices);
        var byTask = new Dictionary<string, (long Requests, decimal Cost)>(StringComparer.Ordinal);
        foreach (var entry in usage)
        {
            if (entry.TaskId is not { } task)
            {
                continue;
            }

            var seen = byTask.GetValueOrDefault(task);
            byTask[task] = (seen.Requests + 1, seen.Cost + pricer.Cost(entry));
        }

        var rows = tasks
            .Select(t => byTask.TryGetValue(t.Id, out var u) ? new TaskRow(t, u.Requests, u.Cost) : new TaskRow(t, 0, 0m))
            .ToList();
        return new TasksReport(rows, pricer.Unpriced());
    }
}
