using System.Globalization;

namespace Outloop.Storage;

/// <summary>The one text form of a time in the store: ISO-8601 UTC with milliseconds.</summary>
internal static class StoreTime
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } v ? Format(v) : null;

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ParseOrNull(object? value) => value is string s && s.Length > 0 ? Parse(s) : null;
}
