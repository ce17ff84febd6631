namespace Outloop.Patterns.Templates;

/// <summary>
/// Turns multi-line error output (a failed tool call's stderr, a stack trace, a test failure) into the one line
/// the template miner should see: the most telling error line, with its whitespace collapsed.
/// </summary>
internal static class ErrorText
{
    private static readonly string[] Markers =
    [
        "error", "exception", "failed", "failure", "fatal", "panic", "denied", "not found", "no such", "cannot",
        "can't", "unable", "invalid", "timed out", "timeout", "refused", "traceback", "assert",
    ];

    /// <summary>
    /// The salient line of <paramref name="text"/>: the last line naming an error (in a Python traceback the
    /// exception comes last), else the first non-empty line; stack frames and blank lines never win.
    /// </summary>
    public static string SalientLine(string text)
    {
        string? first = null;
        string? salient = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || IsStackFrame(line))
            {
                continue;
            }

            first ??= line;
            if (Markers.Any(m => line.Contains(m, StringComparison.OrdinalIgnoreCase)) &&
                !line.StartsWith("Traceback", StringComparison.Ordinal))
            {
                salient = line;
            }
        }

        return Collapse(salient ?? first ?? string.Empty);
    }

    /// <summary>All non-empty lines of <paramref name="text"/> joined into one line with single spaces.</summary>
    public static string OneLine(string text) => Collapse(text);

    private static bool IsStackFrame(string line) =>
        line.StartsWith("at ", StringComparison.Ordinal) ||
        line.StartsWith("File \"", StringComparison.Ordinal) ||
        line.StartsWith("...", StringComparison.Ordinal) ||
        line.StartsWith('^') || line.StartsWith('~');

    private static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
