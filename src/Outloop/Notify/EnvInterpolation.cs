using System.Text.RegularExpressions;

namespace Outloop.Notify;

/// <summary>Expands <c>${NAME}</c> references from the environment in a webhook's URL, headers and secret.</summary>
internal static partial class EnvInterpolation
{
    /// <summary>The text with every reference replaced; null with <paramref name="missing"/> set when a variable is not set.</summary>
    public static string? Expand(string text, Func<string, string?> environment, out string? missing)
    {
        string? absent = null;
        var expanded = Reference().Replace(text, match =>
        {
            var value = environment(match.Groups[1].Value);
            if (value is null)
            {
                absent ??= match.Groups[1].Value;
                return string.Empty;
            }

            return value;
        });
        missing = absent;
        return absent is null ? expanded : null;
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Reference();
}
