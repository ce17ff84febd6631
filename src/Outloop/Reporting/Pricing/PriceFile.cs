using System.Globalization;
using System.Text.Json;

namespace Outloop.Reporting.Pricing;

/// <summary>
/// Reads a price file in LiteLLM's <c>model_prices_and_context_window.json</c> format: an object of model name to
/// per-token prices. Fields Outloop does not use are ignored, so a LiteLLM entry can be pasted as it is; keys that
/// start with <c>$</c> are comments.
/// </summary>
internal static class PriceFile
{
    public static IReadOnlyDictionary<string, ModelPrice> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutloopException($"Cannot read the price file {path}: {e.Message}. Fix the path given by --prices or OUTLOOP_PRICES.", e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses <paramref name="json"/>; <paramref name="source"/> names the file in error messages.</summary>
    public static IReadOnlyDictionary<string, ModelPrice> Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new OutloopException($"The price file {source} is not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new OutloopException($"The price file {source} must hold a JSON object of model name to prices, like {{\"my-model\": {{\"input_cost_per_token\": 3e-06, \"output_cost_per_token\": 1.5e-05}}}}.");
            }

            var prices = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (entry.Name.StartsWith('$') || entry.Name == "sample_spec")
                {
                    continue;
                }

                prices[entry.Name] = ParseEntry(entry, source);
            }

            return prices;
        }
    }

    private static ModelPrice ParseEntry(JsonProperty entry, string source)
    {
        if (entry.Value.ValueKind != JsonValueKind.Object)
        {
            throw Error(source, entry.Name, null, "must be an object of per-token prices");
        }

        var value = entry.Value;
        var input = Required(value, entry.Name, "input_cost_per_token", source);
        var output = Required(value, entry.Name, "output_cost_per_token", source);
        var fast = 1m;
        if (value.TryGetProperty("provider_specific_entry", out var specific) && specific.ValueKind == JsonValueKind.Object
            && Optional(specific, entry.Name, "fast", source, "provider_specific_entry.fast") is { } multiplier)
        {
            fast = multiplier;
        }

        return new ModelPrice(
            input,
            output,
            Optional(value, entry.Name, "cache_creation_input_token_cost", source) ?? input * 1.25m,
            Optional(value, entry.Name, "cache_read_input_token_cost", source) ?? input * 0.1m,
            Optional(value, entry.Name, "input_cost_per_token_above_200k_tokens", source),
            Optional(value, entry.Name, "output_cost_per_token_above_200k_tokens", source),
            Optional(value, entry.Name, "cache_creation_input_token_cost_above_200k_tokens", source),
            Optional(value, entry.Name, "cache_read_input_token_cost_above_200k_tokens", source),
            fast);
    }

    private static decimal Required(JsonElement value, string model, string field, string source) =>
        Optional(value, model, field, source) ?? throw Error(source, model, field, "is required (USD per token, for example 3e-06)");

    private static decimal? Optional(JsonElement value, string model, string field, string source, string? shownField = null)
    {
        if (!value.TryGetProperty(field, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (property.ValueKind != JsonValueKind.Number || !TryGetDecimal(property, out var number))
        {
            throw Error(source, model, shownField ?? field, $"must be a number, not {property.GetRawText()}");
        }

        if (number < 0)
        {
            throw Error(source, model, shownField ?? field, "must not be negative");
        }

        return number;
    }

    private static bool TryGetDecimal(JsonElement property, out decimal number)
    {
        if (property.TryGetDecimal(out number))
        {
            return true;
        }

        return decimal.TryParse(property.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    private static OutloopException Error(string source, string model, string? field, string problem) =>
        new(field is null
            ? $"The price file {source}: entry \"{model}\" {problem}."
            : $"The price file {source}: field \"{field}\" of \"{model}\" {problem}.");
}
