using System.Text;
using System.Text.RegularExpressions;

namespace Outloop.Patterns;

/// <summary>
/// Masks what varies between two occurrences of the same error before it reaches the template miner, the same way for
/// every source: file paths (with their <c>:line:column</c>) become <c>&lt;path&gt;</c> and quoted names
/// (<c>'x'</c>, <c>"x"</c>, <c>`x`</c>) become <c>&lt;str&gt;</c>. Numbers, ids and hex are the miner's own masking.
/// </summary>
internal static partial class ErrorLine
{
    public const int MaxLength = 400;

    public static string Normalize(string line)
    {
        if (line.Length > MaxLength)
        {
            line = line[..MaxLength];
        }

        line = Quoted().Replace(line, "<str>");
        var text = new StringBuilder(line.Length);
        foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            var match = PathToken().Match(token);
            text.Append(match.Success ? match.Groups[1].Value + "<path>" + match.Groups[3].Value : token);
        }

        return text.ToString();
    }

    // A path: starts with /, ./, ../ or ~/, or has a folder and a file extension; keeps surrounding brackets/quotes and a trailing colon.
    [GeneratedRegex(@"^([(\[<""']*)((?:\.{0,2}/|~/)[^\s:]+|[\w.@-]+(?:/[\w.@-]+)+\.\w{1,6}|[\w.@-]+(?:/[\w.@-]+)+/?)(?::\d+)*([)\]>""',;:]*)$")]
    private static partial Regex PathToken();

    [GeneratedRegex(@"'[^'\s]{1,120}'|""[^""\s]{1,120}""|`[^`\s]{1,120}`")]
    private static partial Regex Quoted();
}
