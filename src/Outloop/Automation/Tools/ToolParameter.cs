using System.Text.RegularExpressions;

namespace Outloop.Automation.Tools;

/// <summary>
/// One argument a tool accepts, taken from the request text. The value must match <see cref="Pattern"/> as a whole;
/// it is passed as its own argv item (after <see cref="Flag"/> when one is given), never through a shell.
/// </summary>
internal sealed record ToolParameter(string Name, string Pattern)
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);

    private Regex? regex;

    /// <summary>When true and no valid value is found, the tool is not run and the request goes to the agent.</summary>
    public bool Required { get; init; }

    /// <summary>An option name placed before the value (<c>--path</c>); null passes the value positionally.</summary>
    public string? Flag { get; init; }

    /// <summary>Words the value follows in the request ("on src", "for the frontend"); empty means anywhere.</summary>
    public IReadOnlyList<string> After { get; init; } = [];

    /// <summary>The value used when the request holds none; null means no argument.</summary>
    public string? Default { get; init; }

    /// <summary>The compiled, anchored pattern; bounded in time so a hostile input cannot stall a decision.</summary>
    public Regex Regex => regex ??= Compile(Pattern);

    /// <summary>Why <paramref name="value"/> is refused, or null when it may be passed to the tool.</summary>
    public string? Reject(string value)
    {
        if (value.Length == 0)
        {
            return "it is empty";
        }

        // A value starting with '-' would be read as an option by most programs (argument injection).
        if (value[0] == '-')
        {
            return "it starts with '-'";
        }

        if (value.Any(char.IsControl))
        {
            return "it holds a control character";
        }

        try
        {
            return Regex.IsMatch(value) ? null : $"it does not match /{Pattern}/";
        }
        catch (RegexMatchTimeoutException)
        {
            return $"matching /{Pattern}/ took too long";
        }
    }

    /// <summary>Compiles a parameter pattern the way the registry does; throws <see cref="ArgumentException"/> when invalid.</summary>
    public static Regex Compile(string pattern) =>
        new($"^(?:{pattern})$", RegexOptions.CultureInvariant, MatchTimeout);
}
