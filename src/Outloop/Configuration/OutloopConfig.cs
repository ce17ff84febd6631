using System.Globalization;

namespace Outloop.Configuration;

/// <summary>The effective configuration: every known key with its value and where the value came from.</summary>
internal sealed class OutloopConfig(IReadOnlyDictionary<string, ConfigValue> values)
{
    /// <summary>Only the defaults, for callers that have no project.</summary>
    public static OutloopConfig Defaults { get; } = new(ConfigKeys.All.ToDictionary(k => k.Name, k => new ConfigValue(k, k.Default, "default"), StringComparer.Ordinal));

    /// <summary>Every key in the order of <see cref="ConfigKeys.All"/>.</summary>
    public IEnumerable<ConfigValue> Values => ConfigKeys.All.Select(k => values[k.Name]);

    public ConfigValue this[string key] => values.TryGetValue(key, out var value)
        ? value
        : throw new ArgumentException($"Unknown configuration key {key}.", nameof(key));

    public int Integer(string key) => Convert.ToInt32(this[key].Value, CultureInfo.InvariantCulture);

    public long Long(string key) => Convert.ToInt64(this[key].Value, CultureInfo.InvariantCulture);

    public double Number(string key) => Convert.ToDouble(this[key].Value, CultureInfo.InvariantCulture);

    public string? Text(string key) => this[key].Value as string;

    public bool Boolean(string key) => this[key].Value is true;

    public IReadOnlyList<double> Numbers(string key) => (IReadOnlyList<double>)this[key].Value!;

    /// <summary>The configured webhooks, as written (<c>${ENV}</c> references not yet expanded).</summary>
    public IReadOnlyList<WebhookConfig> Webhooks() => (IReadOnlyList<WebhookConfig>)this[ConfigKeys.Webhooks].Value!;

    /// <summary>A copy with one value replaced (a command-line option over the files).</summary>
    public OutloopConfig With(string key, object? value, string source)
    {
        var copy = new Dictionary<string, ConfigValue>(values, StringComparer.Ordinal) { [key] = this[key] with { Value = value, Source = source } };
        return new OutloopConfig(copy);
    }
}
