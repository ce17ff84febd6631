using System.Text;
using System.Text.RegularExpressions;

namespace Outloop.Outputs;

/// <summary>Turns raw terminal output into plain lines: no ANSI escapes, no progress-bar redraws.</summary>
internal static partial class OutputText
{
    /// <summary>
    /// Splits <paramref name="output"/> into lines without ANSI escapes; a line redrawn with carriage returns
    /// (progress bars, spinners) keeps only its last state.
    /// </summary>
    public static IReadOnlyList<string> CleanLines(string output)
    {
        var text = Ansi().Replace(output, string.Empty);
        var raw = text.Split('\n');
        var lines = new List<string>(raw.Length);
        foreach (var line in raw)
        {
            var trimmed = line.TrimEnd('\r');
            var redraw = trimmed.LastIndexOf('\r');
            if (redraw >= 0)
            {
                trimmed = trimmed[(redraw + 1)..];
            }

            lines.Add(trimmed.TrimEnd());
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>Cuts a line longer than <paramref name="max"/> characters and says how much was cut.</summary>
    public static string Cut(string line, int max) =>
        line.Length <= max ? line : string.Concat(line.AsSpan(0, max), $" …[+{line.Length - max} chars]");

    /// <summary>
    /// True for lines made only of rule and gutter characters (<c>-----</c>, <c>=====</c>, <c>⎯⎯⎯</c>, a code
    /// frame's <c>│ ^^^^</c> underline): they cost tokens (one per symbol) and say nothing.
    /// </summary>
    public static bool IsRule(string line)
    {
        var any = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (c is not ('-' or '=' or '_' or '─' or '⎯' or '━' or '~' or '*' or '#' or '^' or '│' or '|' or '┃'))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>Joins lines, collapsing runs of blank lines into one and dropping leading/trailing blanks.</summary>
    public static string Join(IEnumerable<string> lines)
    {
        var builder = new StringBuilder();
        var blank = true;
        foreach (var line in lines)
        {
            var isBlank = string.IsNullOrWhiteSpace(line);
            if (isBlank && blank)
            {
                continue;
            }

            builder.Append(isBlank ? string.Empty : line).Append('\n');
            blank = isBlank;
        }

        var text = builder.ToString();
        return text.TrimEnd('\n', ' ');
    }

    // CSI sequences (colours, cursor moves), OSC sequences (titles, hyperlinks) and lone two-byte escapes.
    [GeneratedRegex(@"\x1B(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1B]*(?:\x07|\x1B\\)|[@-Z\\-_])")]
    private static partial Regex Ansi();
}
