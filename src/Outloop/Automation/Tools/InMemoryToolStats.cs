using System.Collections.Concurrent;

namespace Outloop.Automation.Tools;

/// <summary>Run counts kept for the life of the process; optionally seeded with earlier totals.</summary>
internal sealed class InMemoryToolStats : IToolStatsSink
{
    private readonly ConcurrentDictionary<string, ToolUsage> usage = new(StringComparer.Ordinal);

    public ToolUsage Get(string name) => usage.GetValueOrDefault(name, ToolUsage.None);

    public ToolUsage Record(string name, bool succeeded) =>
        usage.AddOrUpdate(name, _ => ToolUsage.None.With(succeeded), (_, current) => current.With(succeeded));

    public void Seed(string name, ToolUsage totals) => usage[name] = totals;
}
