namespace Outloop.Reporting.Usage;

/// <summary>
/// How blocks are cut and judged: the clock that decides which block is active, the window length (ccusage's
/// <c>--session-length</c>, 5 hours), and the token limit (<c>--token-limit N</c>, or <see cref="TokenLimitMax"/>
/// for the largest earlier block).
/// </summary>
public sealed record BlockOptions(TimeProvider Clock, TimeSpan? SessionLength = null, long? TokenLimit = null, bool TokenLimitMax = false)
{
    public static readonly TimeSpan DefaultSessionLength = TimeSpan.FromHours(5);

    /// <summary>The share of the limit above which the status is <c>warning</c>.</summary>
    public const double WarningThreshold = 0.8;

    public TimeSpan Length => SessionLength ?? DefaultSessionLength;
}
