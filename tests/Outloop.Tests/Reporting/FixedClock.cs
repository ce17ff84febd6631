namespace Outloop.Tests.Reporting;

/// <summary>A clock that always says the same time, so active blocks and projections are reproducible.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
