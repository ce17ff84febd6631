using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Outloop.Ingestion;
using Outloop.Storage;

namespace Outloop.Reporting.Pricing;

/// <summary>
/// Model prices: an embedded table (LiteLLM's values, as ccusage uses them) plus the user's overrides. A model
/// resolves exactly, then after normalising its name, then to the longest table key it contains; a model that
/// resolves to nothing has no price, and the reports list it instead of guessing.
/// </summary>
public sealed partial class PriceTable
{
    private const string ResourceName = "Outloop.Reporting.Pricing.prices.json";
    private static readonly Lazy<PriceTable> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, ModelPrice> _entries;
    private readonly Dictionary<string, string> _byNormalisedKey;
    private readonly string[] _normalisedKeysLongestFirst;
    private readonly ConcurrentDictionary<string, PriceMatch?> _matches = new(StringComparer.Ordinal);

    internal PriceTable(IReadOnlyDictionary<string, ModelPrice> entries)
    {
        _entries = new Dictionary<string, ModelPrice>(entries, StringComparer.OrdinalIgnoreCase);
        _byNormalisedKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in _entries.Keys.Order(StringComparer.Ordinal))
        {
            _byNormalisedKey.TryAdd(Normalise(key), key);
        }

        _normalisedKeysLongestFirst = [.. _byNormalisedKey.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)];
    }

    /// <summary>The embedded table without overrides.</summary>
    public static PriceTable Default => Embedded.Value;

    /// <summary>Every entry by its key.</summary>
    public IReadOnlyDictionary<string, ModelPrice> Entries => _entries;

    /// <summary>
    /// The embedded table with the user's overrides applied: <paramref name="pricesOption"/> (<c>--prices</c>), else
    /// <c>OUTLOOP_PRICES</c>, else <c>~/.outloop/prices.json</c> when it exists.
    /// </summary>
    public static PriceTable Load(string? pricesOption)
    {
        var path = OverridePath(pricesOption);
        return path is null ? Default : Default.WithOverrides(PriceFile.Load(path));
    }

    /// <summary>Where the override file is, or null when none is configured; a named file that is missing is an error.</summary>
    public static string? OverridePath(string? pricesOption)
    {
        var named = !string.IsNullOrWhiteSpace(pricesOption) ? pricesOption : Environment.GetEnvironmentVariable("OUTLOOP_PRICES");
        if (!string.IsNullOrWhiteSpace(named))
        {
            var full = Path.GetFullPath(named);
            return File.Exists(full)
                ? full
                : throw new OutloopException($"The price file {full} does not exist. Fix --prices or OUTLOOP_PRICES, or remove it to use the built-in prices.");
        }

        var home = Path.Combine(StoreLocation.OutloopHome(), "prices.json");
        return File.Exists(home) ? home : null;
    }

    /// <summary>A table where <paramref name="overrides"/> replace entries of the same name and add the others.</summary>
    public PriceTable WithOverrides(IReadOnlyDictionary<string, ModelPrice> overrides)
    {
        var merged = new Dictionary<string, ModelPrice>(_entries, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, price) in overrides)
        {
            merged[key] = price;
        }

        return new PriceTable(merged);
    }

    /// <summary>The price of <paramref name="model"/>, or null when the table has nothing for it.</summary>
    public PriceMatch? Find(string model) => _matches.GetOrAdd(model, Resolve);

    /// <summary>The cost of one request in USD, or null when the model has no price.</summary>
    public decimal? Cost(string model, TokenCounts tokens, string? speed = null, bool tiered = true) =>
        Find(model)?.Price.Cost(tokens, speed, tiered);

    /// <summary>
    /// The name used for matching: lower case, without a provider prefix (<c>anthropic/</c>, <c>openai/</c>,
    /// <c>google/</c>...), with <c>.</c> and <c>@</c> turned into <c>-</c>.
    /// </summary>
    public static string Normalise(string model)
    {
        var name = model.Trim().ToLowerInvariant();
        var slash = name.LastIndexOf('/');
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        return name.Replace('.', '-').Replace('@', '-');
    }

    private PriceMatch? Resolve(string model)
    {
        if (_entries.TryGetValue(model, out var exact))
        {
            return new PriceMatch(model, exact, PriceMatchKind.Exact);
        }

        var name = Normalise(model);
        if (name.Length == 0)
        {
            return null;
        }

        if (_byNormalisedKey.TryGetValue(name, out var key))
        {
            return new PriceMatch(key, _entries[key], PriceMatchKind.Normalised);
        }

        var undated = DateSuffix().Replace(name, string.Empty);
        if (undated != name && _byNormalisedKey.TryGetValue(undated, out key))
        {
            return new PriceMatch(key, _entries[key], PriceMatchKind.Normalised);
        }

        foreach (var candidate in _normalisedKeysLongestFirst)
        {
            if (ContainsAtBoundaries(name, candidate))
            {
                key = _byNormalisedKey[candidate];
                return new PriceMatch(key, _entries[key], PriceMatchKind.Contained);
            }
        }

        return null;
    }

    private static bool ContainsAtBoundaries(string name, string candidate)
    {
        for (var at = name.IndexOf(candidate, StringComparison.Ordinal); at >= 0; at = name.IndexOf(candidate, at + 1, StringComparison.Ordinal))
        {
            var end = at + candidate.Length;
            if ((at == 0 || IsBoundary(name[at - 1])) && (end == name.Length || IsBoundary(name[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBoundary(char c) => c is '-' or '_' or ':';

    private static PriceTable LoadEmbedded()
    {
        using var stream = typeof(PriceTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded price table {ResourceName} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return new PriceTable(PriceFile.Parse(reader.ReadToEnd(), "(built-in prices)"));
    }

    [GeneratedRegex(@"-(\d{8}|\d{4}-\d{2}-\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateSuffix();
}
