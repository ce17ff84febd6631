using System.Globalization;
using System.Text.RegularExpressions;

namespace Outloop.Outputs;

/// <summary>
/// Compacts an output no reader knows: keeps the first and last lines, and every line with an error word
/// (error, Error, FAIL, failed, Traceback, panic, Exception; up to twice the line cap) with a line of context on each side; repeated
/// identical lines are counted; everything is capped at <see cref="CompactOptions.GenericLines"/> lines.
/// </summary>
internal static partial class GenericDigestReader
{
    private const int HeadLines = 10;
    private const int TailLines = 20;
    private const int Context = 1;

    public static (List<string> Lines, List<CompactFailure> Failures) Read(IReadOnlyList<string> lines, CompactOptions options)
    {
        var keep = new bool[lines.Count];
        var noise = lines.Select(l => Noise().IsMatch(l) || (Frames.IsLibrary(l) && !Frames.HasErrorWord(l))).ToArray();
        for (int i = 0, n = 0; i < lines.Count && n < HeadLines; i++)
        {
            if (!noise[i])
            {
                keep[i] = true;
                n++;
            }
        }

        for (int i = lines.Count - 1, n = 0; i >= 0 && n < TailLines; i--)
        {
            if (!noise[i])
            {
                keep[i] = true;
                n++;
            }
        }

        var failures = new List<CompactFailure>();
        var errorLines = 0;
        var budget = Math.Max(options.GenericLines - HeadLines - TailLines, 10);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!Frames.HasErrorWord(lines[i]))
            {
                continue;
            }

            errorLines++;
            if (errorLines > options.GenericLines * 2)
            {
                continue;
            }

            var location = Location().Match(lines[i]);
            if (location.Success && failures.Count < options.ListedFailures)
            {
                failures.Add(new CompactFailure("error", OutputText.Cut(lines[i].Trim(), 200), location.Groups["file"].Value,
                    int.Parse(location.Groups["line"].Value, CultureInfo.InvariantCulture)));
            }

            // Error lines are never dropped; only their context stops once the budget is spent.
            keep[i] = true;
            if (errorLines <= budget / (1 + (2 * Context)))
            {
                for (var c = Math.Max(0, i - Context); c <= Math.Min(lines.Count - 1, i + Context); c++)
                {
                    keep[c] |= !noise[c];
                }
            }
        }

        var result = new List<string>();
        var skipped = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!keep[i])
            {
                skipped++;
                continue;
            }

            if (skipped > 0)
            {
                result.Add($"… {skipped} lines …");
                skipped = 0;
            }

            var repeats = 0;
            while (i + 1 < lines.Count && keep[i + 1] && lines[i + 1] == lines[i])
            {
                repeats++;
                i++;
            }

            result.Add(OutputText.Cut(lines[i], options.LineChars) + (repeats > 0 ? $"  (×{repeats + 1})" : string.Empty));
        }

        if (errorLines > options.GenericLines * 2)
        {
            result.Add($"… {errorLines - (options.GenericLines * 2)} more error lines in the full output");
        }

        return (result, failures);
    }

    // Build and download chatter: never worth a head or tail line.
    [GeneratedRegex(@"^\s*(Compiling \d+ files?|Generated \S+ app$|==> \S+$|===> |Downloading|Downloaded|Fetching|Resolving|Installing|Collecting|Using cached|Progress:|\[\d+/\d+\]|\d+%|Building |Running setup for|Getting extensions)")]
    private static partial Regex Noise();

    [GeneratedRegex(@"(?<file>[\w./\\-]+\.[A-Za-z]{1,6})[:(](?<line>\d+)")]
    private static partial Regex Location();
}
