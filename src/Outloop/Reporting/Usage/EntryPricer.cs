using Outloop.Ingestion;
using Outloop.Reporting.Pricing;

namespace Outloop.Reporting.Usage;

/// <summary>
/// Prices requests like ccusage's default <c>auto</c> mode: the cost the agent wrote (<c>costUSD</c>) when there is
/// one, else the price table's; requests of unknown models cost 0 and are collected for the report.
/// </summary>
internal sealed class EntryPricer(PriceTable prices)
{
    private readonly Dictionary<string, (long Requests, TokenCounts Tokens)> _unpriced = new(StringComparer.Ordinal);

    /// <summary>The model name the reports show: fast-mode requests are <c>&lt;model&gt;-fast</c>, as in ccusage.</summary>
    public static string Label(UsageEntry entry) => ModelPrice.IsFast(entry.Speed) ? entry.Model + "-fast" : entry.Model;

    public decimal Cost(UsageEntry entry)
    {
        if (entry.SourceCostUsd is { } recorded)
        {
            return recorded;
        }

        if (prices.Cost(entry.Model, entry.Tokens, entry.Speed, tiered: entry.Requests == 1) is { } cost)
        {
            return cost;
        }

        var seen = _unpriced.GetValueOrDefault(entry.Model);
        _unpriced[entry.Model] = (seen.Requests + entry.Requests, Add(seen.Tokens, entry.Tokens));
        return 0m;
    }

    public IReadOnlyList<UnpricedModel> Unpriced() =>
        [.. _unpriced.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new UnpricedModel(p.Key, p.Value.Requests, p.Value.Tokens))];

    private static TokenCounts Add(TokenCounts a, TokenCounts b) => new(
        a.Input + b.Input, a.Output + b.Output, a.CacheWrite5m + b.CacheWrite5m, a.CacheWrite1h + b.CacheWrite1h, a.CacheRead + b.CacheRead);
}
