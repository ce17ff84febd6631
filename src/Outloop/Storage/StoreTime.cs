using System.Globalization;

namespace Outloop.Storage;

/// <summary>The one text form of a time in the store: ISO-8601 UTC with milliseconds.</summary>
internal static class StoreTime
{
    /// <summary>Writes yyyy-MM-ddTHH:mm:ss.fffZ by hand: the import formats a few times per line, and the format-string path cost more than the line's parse.</summary>
    public static string Format(DateTimeOffset value) => string.Create(24, value.UtcDateTime, static (text, utc) =>
    {
        static void Digits(Span<char> into, int number)
        {
            for (var i = into.Length - 1; i >= 0; i--)
            {
                into[i] = (char)('0' + (number % 10));
                number /= 10;
            }
        }

        Digits(text[..4], utc.Year);
        text[4] = '-';
        Digits(text.Slice(5, 2), utc.Month);
        text[7] = '-';
        Digits(text.Slice(8, 2), utc.Day);
        text[10] = 'T';
        Digits(text.Slice(11, 2), utc.Hour);
        text[13] = ':';
        Digits(text.Slice(14, 2), utc.Minute);
        text[16] = ':';
        Digits(text.Slice(17, 2), utc.Second);
        text[19] = '.';
        Digits(text.Slice(20, 3), utc.Millisecond);
        text[23] = 'Z';
    });

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
