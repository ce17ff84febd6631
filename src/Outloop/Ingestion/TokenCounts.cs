namespace Outloop.Ingestion;

/// <summary>Tokens of one model request by kind, as billed (cache tokens are not part of <see cref="Input"/>).</summary>
public readonly record struct TokenCounts(long Input, long Output, long CacheWrite5m, long CacheWrite1h, long CacheRead)
{
    /// <summary>All cache writes (5-minute and 1-hour).</summary>
    public long CacheCreation => CacheWrite5m + CacheWrite1h;

    /// <summary>Every token of every kind.</summary>
    public long Total => Input + Output + CacheCreation + CacheRead;

    /// <summary>The larger of each counter: repeated lines of one response carry growing placeholders.</summary>
    public TokenCounts Max(TokenCounts other) => new(
        Math.Max(Input, other.Input),
        Math.Max(Output, other.Output),
        Math.Max(CacheWrite5m, other.CacheWrite5m),
        Math.Max(CacheWrite1h, other.CacheWrite1h),
        Math.Max(CacheRead, other.CacheRead));
}
