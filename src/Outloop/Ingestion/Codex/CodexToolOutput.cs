using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Outloop.Ingestion.Codex;

/// <summary>
/// Reads a <c>*_output</c> item: its text and, where the output says so, whether the call failed and how long it
/// took. Codex wrote shell results three ways over time: a JSON string <c>{"output","metadata":{"exit_code",
/// "duration_seconds"}}</c>, plain text with <c>Exit code: N</c> / <c>Process exited with code N</c> and
/// <c>Wall time: S seconds</c> lines, and an object <c>{"content","success"}</c>.
/// </summary>
internal static partial class CodexToolOutput
{
    public static (string Text, bool Success, long? DurationMs) Read(JsonElement output)
    {
        switch (output.ValueKind)
        {
            case JsonValueKind.String:
                return ReadText(output.GetString() ?? string.Empty);
            case JsonValueKind.Object:
                var text = output.TryGetProperty("content", out var content) ? Flatten(content)
                    : output.TryGetProperty("output", out var inner) ? Flatten(inner)
                    : output.GetRawText();
                if (output.TryGetProperty("success", out var success) && success.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    return (text, success.GetBoolean(), null);
                }

                if (output.TryGetProperty("metadata", out var metadata))
                {
                    return FromMetadata(text, metadata);
                }

                return ReadText(text);
            case JsonValueKind.Array:
                return ReadText(Flatten(output));
            default:
                return (output.GetRawText(), true, null);
        }
    }

    private static (string Text, bool Success, long? DurationMs) ReadText(string text)
    {
        if (text.StartsWith('{') && text.Contains("\"metadata\"", StringComparison.Ordinal))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("metadata", out var metadata))
                {
                    var inner = root.TryGetProperty("output", out var o) ? Flatten(o) : text;
                    return FromMetadata(inner, metadata);
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: read it as text.
            }
        }

        bool? ok = null;
        var exit = ExitCode().Match(text);
        if (exit.Success)
        {
            ok = exit.Groups[1].Value == "0";
        }

        long? duration = null;
        var wall = WallTime().Match(text);
        if (wall.Success && double.TryParse(wall.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            duration = (long)Math.Round(seconds * 1000);
        }

        ok ??= !ErrorText().IsMatch(text);
        return (text, ok.Value, duration);
    }

    private static (string Text, bool Success, long? DurationMs) FromMetadata(string text, JsonElement metadata)
    {
        var ok = !(metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("exit_code", out var code)
            && code.ValueKind == JsonValueKind.Number
            && code.GetInt64() != 0);
        long? duration = metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("duration_seconds", out var seconds)
            && seconds.ValueKind == JsonValueKind.Number
            ? (long)Math.Round(seconds.GetDouble() * 1000)
            : null;
        return (text, ok, duration);
    }

    /// <summary>A string as is; an array of content items as their texts joined by newlines; anything else as JSON.</summary>
    internal static string Flatten(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString() ?? string.Empty;
            case JsonValueKind.Array:
                var builder = new StringBuilder();
                foreach (var item in value.EnumerateArray())
                {
                    var part = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("text", out var text) ? Flatten(text) : Flatten(item);
                    if (builder.Length > 0)
                    {
                        builder.Append('\n');
                    }

                    builder.Append(part);
                }

                return builder.ToString();
            default:
                return value.GetRawText();
        }
    }

    [GeneratedRegex(@"(?:^Exit code: |Process exited with code )(-?\d+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ExitCode();

    [GeneratedRegex(@"^Wall time: ([0-9.]+) seconds", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex WallTime();

    [GeneratedRegex(@"\A\s*(?:error|failed|aborted|execution error|apply_patch verification failed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ErrorText();
}
