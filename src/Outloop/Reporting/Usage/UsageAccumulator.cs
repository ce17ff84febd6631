using Outloop.Ingestion;

namespace Outloop.Reporting.Usage;

/// <summary>Sums the requests of one row or block, per model in first-seen order.</summary>
internal sealed class UsageAccumulator
{
    private readonly Dictionary<string, ModelSums> _models = new(StringComparer.Ordinal);
    private readonly List<string> _modelOrder = [];
    private readonly List<string> _agents = [];

    public long Input { get; private set; }

    public long Output { get; private set; }

    public long CacheCreation { get; private set; }

    public long CacheRead { get; private set; }

    public decimal Cost { get; private set; }

    public int Entries { get; private set; }

    public DateTimeOffset First { get; private set; }

    public DateTimeOffset Last { get; private set; }

    public string? Project { get; private set; }

    public long TotalTokens => Input + Output + CacheCreation + CacheRead;

    /// <summary>Agents in first-seen order.</summary>
    public IReadOnlyList<string> Agents => _agents;

    /// <summary>Models in first-seen order.</summary>
    public IReadOnlyList<string> Models => _modelOrder;

    public void Add(UsageEntry entry, string model, decimal cost)
    {
        var tokens = entry.Tokens;
        Input += tokens.Input;
        Output += tokens.Output;
        CacheCreation += tokens.CacheCreation;
        CacheRead += tokens.CacheRead;
        Cost += cost;
        First = Entries == 0 || entry.Timestamp < First ? entry.Timestamp : First;
        Last = Entries == 0 || entry.Timestamp > Last ? entry.Timestamp : Last;
        Entries++;
        Project ??= entry.Project;
        if (!_agents.Contains(entry.Agent))
        {
            _agents.Add(entry.Agent);
        }

        if (!_models.TryGetValue(model, out var sums))
        {
            sums = new ModelSums();
            _models[model] = sums;
            _modelOrder.Add(model);
        }

        sums.Add(tokens, cost);
    }

    /// <summary>Per-model sums, most expensive first (ccusage's order).</summary>
    public IReadOnlyList<ModelBreakdown> Breakdowns() =>
        [.. _modelOrder
            .Select(m => _models[m].ToBreakdown(m))
            .OrderByDescending(b => b.Cost)
            .ThenBy(b => b.ModelName, StringComparer.Ordinal)];

    private sealed class ModelSums
    {
        private long _input;
        private long _output;
        private long _creation;
        private long _read;
        private decimal _cost;

        public void Add(TokenCounts tokens, decimal cost)
        {
            _input += tokens.Input;
            _output += tokens.Output;
            _creation += tokens.CacheCreation;
            _read += tokens.CacheRead;
            _cost += cost;
        }

        public ModelBreakdown ToBreakdown(string model) => new(model, _input, _output, _creation, _read, _cost);
    }
}
