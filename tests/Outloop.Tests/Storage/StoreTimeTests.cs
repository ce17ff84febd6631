using System.Globalization;
using Outloop.Storage;

namespace Outloop.Tests.Storage;

public sealed class StoreTimeTests
{
    [Theory]
    [InlineData("2026-03-02T09:00:05.123+00:00")]
    [InlineData("2026-12-31T23:59:59.999-05:30")]
    [InlineData("0001-01-01T00:00:00.000+00:00")]
    [InlineData("0999-07-04T01:02:03.004+00:00")]
    [InlineData("9999-12-31T23:59:59.9999999+00:00")]
    public void FormatWritesIsoUtcWithMillisecondsLikeTheFormatString(string input)
    {
        var value = DateTimeOffset.Parse(input, CultureInfo.InvariantCulture);

        var text = StoreTime.Format(value);

        Assert.Equal(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), text);
        Assert.Equal(value.UtcDateTime.AddTicks(-(value.UtcDateTime.Ticks % TimeSpan.TicksPerMillisecond)), StoreTime.Parse(text).UtcDateTime);
    }
}
