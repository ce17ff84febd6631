using Outloop.Reporting;
using Outloop.Reporting.Pricing;
using Outloop.Reporting.Usage;

namespace Outloop.Tests.Reporting.Usage;

public sealed class BlockReportsTests
{
    private static readonly BlockOptions LongAgo = new(new FixedClock(DateTimeOffset.Parse("2027-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void BlockStartsAtTheHourAndAGapBlockFillsALongIdleStretch()
    {
        var entries = new[]
        {
            Entries.At("2026-02-10T10:20:00Z", "claude-opus-4-6", 10, 10),
            Entries.At("2026-02-10T11:00:00.250Z", "claude-opus-4-6", 10, 10),
            Entries.At("2026-02-10T18:30:00Z", "claude-opus-4-6", 10, 10),
        };

        var blocks = BlockReports.Build(entries, PriceTable.Default, LongAgo).Blocks;

        Assert.Equal(["2026-02-10T10:00:00.000Z", "gap-2026-02-10T16:00:00.250Z", "2026-02-10T18:00:00.000Z"], blocks.Select(b => b.Id));
        Assert.Equal([2, 0, 1], blocks.Select(b => b.Entries));
        Assert.Equal("2026-02-10T15:00:00.000Z", BlockReports.FormatTime(blocks[0].EndTime));
        Assert.Equal("2026-02-10T11:00:00.250Z", BlockReports.FormatTime(blocks[0].ActualEndTime!.Value));
        Assert.True(blocks[1].IsGap);
        Assert.Null(blocks[1].ActualEndTime);
        Assert.Equal("2026-02-10T18:30:00.000Z", BlockReports.FormatTime(blocks[1].EndTime));
    }

    [Fact]
    public void RequestPastTheBlockEndStartsANewBlockWithoutAGap()
    {
        var entries = new[]
        {
            Entries.At("2026-02-10T10:05:00Z", "claude-opus-4-6", 10, 10),
            Entries.At("2026-02-10T12:00:00Z", "claude-opus-4-6", 10, 10),
            Entries.At("2026-02-10T14:00:00Z", "claude-opus-4-6", 10, 10),
            Entries.At("2026-02-10T15:30:00Z", "claude-opus-4-6", 10, 10),
        };

        var blocks = BlockReports.Build(entries, PriceTable.Default, LongAgo).Blocks;

        Assert.Equal(["2026-02-10T10:00:00.000Z", "2026-02-10T15:00:00.000Z"], blocks.Select(b => b.Id));
        Assert.Equal([3, 1], blocks.Select(b => b.Entries));
    }

    [Fact]
    public void GapIsInsertedOnlyWhenTheIdleStretchIsLongerThanTheSessionLength()
    {
        var entries = new[]
        {
            Entries.At("2026-02-10T10:00:00Z", "claude-opus-4-6", 10, 10),
            Entries.At("2026-02-10T15:00:00Z", "claude-opus-4-6", 10, 10),
        };

        var blocks = BlockReports.Build(entries, PriceTable.Default, LongAgo).Blocks;

        Assert.Single(blocks);
    }

    [Fact]
    public void InactiveBlocksHaveNoBurnRateOrProjection()
    {
        var entries = new[]
        {
            Entries.At("2026-02-10T10:00:00Z", "claude-opus-4-6", 10, 10),
            Entries.At("2026-02-10T11:00:00Z", "claude-opus-4-6", 10, 10),
        };

        var block = Assert.Single(BlockReports.Build(entries, PriceTable.Default, LongAgo with { TokenLimit = 100 }).Blocks);

        Assert.False(block.IsActive);
        Assert.Null(block.BurnRate);
        Assert.Null(block.Projection);
        Assert.Null(block.TokenLimitStatus);
    }

    [Fact]
    public void ActiveBlockMatchesCcusageBurnRateProjectionAndLimit()
    {
        // The same three requests and clock as a ccusage 20.0.24 `blocks --json --token-limit 200000` run whose
        // output is the approved file.
        var entries = ActiveBlockEntries();
        var options = new BlockOptions(new FixedClock(DateTimeOffset.Parse("2026-11-21T19:57:18Z", System.Globalization.CultureInfo.InvariantCulture)), TokenLimit: 200_000);

        var report = BlockReports.Build(entries, PriceTable.Default, options);

        Approvals.Verify(UsageJson.Write(report), "blocks-active");
    }

    [Fact]
    public void BlockIsNoLongerActiveFiveHoursAfterItsLastRequest()
    {
        var clock = new FixedClock(DateTimeOffset.Parse("2026-11-21T23:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        var block = Assert.Single(BlockReports.Build(ActiveBlockEntries(), PriceTable.Default, new BlockOptions(clock)).Blocks);

        Assert.False(block.IsActive);
    }

    [Theory]
    [InlineData(1_000_000, "ok")]
    [InlineData(500_000, "warning")]
    [InlineData(400_000, "exceeds")]
    public void TokenLimitStatusComparesTheProjection(long limit, string status)
    {
        var options = new BlockOptions(new FixedClock(DateTimeOffset.Parse("2026-11-21T19:57:18Z", System.Globalization.CultureInfo.InvariantCulture)), TokenLimit: limit);

        var block = Assert.Single(BlockReports.Build(ActiveBlockEntries(), PriceTable.Default, options).Blocks);

        Assert.Equal(status, block.TokenLimitStatus?.Status);
    }

    [Fact]
    public void MaxTokenLimitIsTheLargestEarlierBlock()
    {
        var entries = new List<UsageEntry>
        {
            Entries.At("2026-11-20T08:00:00Z", "claude-opus-4-6", 100_000, 0),
            Entries.At("2026-11-20T16:00:00Z", "claude-opus-4-6", 300_000, 0),
        };
        entries.AddRange(ActiveBlockEntries());
        var options = new BlockOptions(new FixedClock(DateTimeOffset.Parse("2026-11-21T19:57:18Z", System.Globalization.CultureInfo.InvariantCulture)), TokenLimitMax: true);

        var report = BlockReports.Build(entries, PriceTable.Default, options);

        Assert.Equal(300_000, report.TokenLimit);
        Assert.Equal("exceeds", report.Blocks[^1].TokenLimitStatus?.Status);
    }

    private static UsageEntry[] ActiveBlockEntries() =>
    [
        Entries.At("2026-11-21T18:22:15.000Z", "claude-opus-4-6", 100, 2_000, cacheWrite5m: 5_000, cacheRead: 30_000),
        Entries.At("2026-11-21T18:57:15.007Z", "claude-opus-4-6", 50, 1_500, cacheRead: 40_000),
        Entries.At("2026-11-21T19:37:15.014Z", "claude-opus-4-6", 10, 500, cacheWrite5m: 1_000, cacheRead: 50_000),
    ];
}
