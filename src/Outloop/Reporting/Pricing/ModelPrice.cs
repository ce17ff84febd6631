using Outloop.Ingestion;

namespace Outloop.Reporting.Pricing;

/// <summary>
/// What one model costs per token, in USD, with LiteLLM's field meanings: cache writes default to 1.25x input,
/// cache reads to 0.1x input, 1-hour cache writes are 2x input, and the <c>Above200k</c> prices apply to the part
/// of a counter above 200,000 tokens in one request.
/// </summary>
public sealed record ModelPrice(
    decimal Input,
    decimal Output,
    decimal CacheWrite,
    decimal CacheRead,
    decimal? InputAbove200k = null,
    decimal? OutputAbove200k = null,
    decimal? CacheWriteAbove200k = null,
    decimal? CacheReadAbove200k = null,
    decimal FastMultiplier = 1m)
{
    /// <summary>Tokens of one counter in one request billed at the base price before the tier price starts.</summary>
    public const long TierThreshold = 200_000;

    /// <summary>
    /// The cost of one request, as ccusage computes it: each counter tiered on its own, 1-hour cache writes at
    /// twice the input price, and the whole multiplied by the fast-mode multiplier when <paramref name="speed"/> is
    /// <c>fast</c>.
    /// </summary>
    public decimal Cost(TokenCounts tokens, string? speed = null, bool tiered = true)
    {
        var cost = Tiered(tokens.Input, Input, tiered ? InputAbove200k : null)
            + Tiered(tokens.Output, Output, tiered ? OutputAbove200k : null)
            + Tiered(tokens.CacheWrite5m, CacheWrite, tiered ? CacheWriteAbove200k : null)
            + Tiered(tokens.CacheWrite1h, Input * 2m, tiered ? InputAbove200k * 2m : null)
            + Tiered(tokens.CacheRead, CacheRead, tiered ? CacheReadAbove200k : null);
        return IsFast(speed) ? cost * FastMultiplier : cost;
    }

    /// <summary>Whether a request's speed marks fast mode (Claude Code writes <c>usage.speed = "fast"</c>).</summary>
    public static bool IsFast(string? speed) => string.Equals(speed, "fast", StringComparison.OrdinalIgnoreCase);

    private static decimal Tiered(long tokens, decimal price, decimal? above) =>
        above is { } abovePrice && tokens > TierThreshold
            ? (TierThreshold * price) + ((tokens - TierThreshold) * abovePrice)
            : tokens * price;
}
