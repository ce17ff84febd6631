using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Outloop.Ingestion;

/// <summary>Lenient reads of optional JSON fields, shared by the trajectory adapters (missing or mistyped is null).</summary>
internal static class JsonFields
{
    public static JsonElement? Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? Str(this JsonElement element, string name) => element.Get(name) is { } v
        ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        }
        : null;

    public static long? Long(this JsonElement element, string name) => element.Get(name) is { } v
        ? v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n
          : v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s
          : null
        : null;

    public static decimal? Decimal(this JsonElement element, string name) => element.Get(name) is { } v
        ? v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var n) ? n
          : v.ValueKind == JsonValueKind.String && decimal.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s
          : null
        : null;

    public static bool? Bool(this JsonElement element, string name) => element.Get(name) is { } v
        ? v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(v.GetString(), out var b) => b,
            _ => null,
        }
        : null;

    /// <summary>An ISO-8601 time; one without a zone (OpenHands writes those) is taken as UTC.</summary>
    public static DateTimeOffset? Time(this JsonElement element, string name) =>
        element.Str(name) is { } text && DateTimeOffset.TryParse(
            text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    /// <summary>A chat message's <c>content</c>: a string, or the text blocks of a block array joined.</summary>
    public static string? ContentText(this JsonElement message)
    {
        if (message.Get("content") is not { } content)
        {
            return null;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString();
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var block in content.EnumerateArray())
        {
            if (block.ValueKind == JsonValueKind.String)
            {
                text.Append(block.GetString());
            }
            else if (block.Str("text") is { } part)
            {
                text.Append(part);
            }
        }

        return text.ToString();
    }
}
