namespace Outloop.Bench;

/// <summary>Minimal <c>--name value</c> parsing for bench commands.</summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public BenchArgs(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value', got '{args[i]}'.");
            }

            values[args[i][2..]] = args[++i];
        }
    }

    public string? Get(string name) => values.GetValueOrDefault(name);

    public string Required(string name) =>
        Get(name) ?? throw new ArgumentException($"Missing --{name}.");

    public int Int(string name, int fallback) =>
        Get(name) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
