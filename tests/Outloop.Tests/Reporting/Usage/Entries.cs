using System.Globalization;
using Outloop.Ingestion;
using Outloop.Reporting;

namespace Outloop.Tests.Reporting.Usage;

/// <summary>Short-hand for the requests the report tests feed in.</summary>
internal static class Entries
{
    public static UsageEntry At(
        string utc,
        string model,
        long input,
        long output,
        long cacheWrite5m = 0,
        long cacheRead = 0,
        string session = "s1",
        string? speed = null,
        decimal? sourceCost = null,
        string agent = "claude",
        long cacheWrite1h = 0) =>
        new(
            DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            session,
            "/work/project",
            agent,
            model,
            new TokenCounts(input, output, cacheWrite5m, cacheWrite1h, cacheRead),
            speed,
            sourceCost);
}
