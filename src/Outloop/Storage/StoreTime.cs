using System.Globalization;

namespace Outloop.Storage;

/// <summary>The one text form of a time in the store: ISO-8601 UTC with milliseconds.</summary>
internal static class StoreTime
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } v ? Format(v) : null;

    public static DateTimeOffset Parse(string text) =>
        TryParseExact(text) ?? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Reads the store's own form directly: reports read tens of thousands of times per run.</summary>
    private static DateTimeOffset? TryParseExact(string text)
    {
        // yyyy-MM-ddTHH:mm:ss.fffZ
        if (text.Length != 24 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || text[19] != '.' || text[23] != 'Z')
        {
            return null;
        }

        int Number(int start, int length)
        {
            var value = 0;
            for (var i = start; i < start + length; i++)
            {
                var digit = text[i] - '0';
                if ((uint)digit > 9)
                {
                    return -1;
                }

                value = (value * 10) + digit;
            }

            return value;
        }

        int year = Number(0, 4), month = Number(5, 2), day = Number(8, 2), hour = Number(11, 2), minute = Number(14, 2),
            second = Number(17, 2), millisecond = Number(20, 3);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23
            || minute > 59 || second > 59 || millisecond < 0)
        {
            return null;
        }

        return new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);
    }

    public static DateTimeOffset? ParseOrNull(object? value) => value is string s && s.Length > 0 ? Parse(s) : null;
}
