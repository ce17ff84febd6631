using System.Text;
using System.Text.RegularExpressions;
using Outloop.Patterns.Signatures;

namespace Outloop.Patterns;

/// <summary>
/// Reads a shell call's exit code from its result text (mini-swe-agent's <c>&lt;returncode&gt;N&lt;/returncode&gt;</c>,
/// Claude Code's leading <c>Exit code N</c>) and decides when a non-zero code is an answer rather than a failure:
/// exit 1 of <c>grep</c>/<c>rg</c>/<c>ag</c>/<c>ack</c>/<c>git grep</c> is "no match" (123 through <c>xargs</c>), exit 1 of
/// <c>find</c> is a search that met a missing folder, exit 1 of <c>diff</c>/<c>cmp</c> is "the files differ", and exit 1
/// of <c>test</c>/<c>[</c> is "false". Only the command whose status the shell reports counts: the last one of the line.
/// </summary>
internal static partial class ExitStatus
{
    /// <summary>The exit code the result text reports, or null when it shows none.</summary>
    public static int? Code(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var match = ReturnCode().Match(text);
        if (match.Success && match.Index < 64)
        {
            return int.TryParse(match.Groups[1].ValueSpan.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null;
        }

        match = ClaudeExitCode().Match(text);
        return match.Success ? int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>True when <paramref name="command"/> exiting with <paramref name="code"/> is an answer (no match, differ, false), not a failure.</summary>
    public static bool IsAnswer(string? command, int code) => command is not null && IsAnswer(command, code, 0);

    /// <summary>
    /// The output a failed call's error line should come from: without mini-swe-agent's <c>&lt;returncode&gt;</c>,
    /// <c>&lt;output&gt;</c> and truncation wrappers, or Claude Code's <c>Exit code N</c> line; when nothing else is
    /// left, <c>Exit code N</c> alone (the same text for every agent, so such failures share one template).
    /// </summary>
    public static string Output(string text)
    {
        var code = Code(text);
        string body;
        if (ReturnCode().Match(text) is { Success: true, Index: < 64 } wrapped)
        {
            var rest = text[(wrapped.Index + wrapped.Length)..];
            rest = Warning().Replace(rest, string.Empty);
            rest = Elided().Replace(rest, "\n...\n");
            body = Tag().Replace(rest, string.Empty);
        }
        else if (text.StartsWith("Exit code ", StringComparison.Ordinal))
        {
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            body = newline < 0 ? string.Empty : text[(newline + 1)..];
        }
        else
        {
            return text;
        }

        if (!string.IsNullOrWhiteSpace(body))
        {
            return body;
        }

        return code is { } c ? new StringBuilder("Exit code ").Append(c).ToString() : text;
    }

    private static bool IsAnswer(string command, int code, int depth)
    {
        var commands = ShellCommandParser.Parse(command);
        SimpleCommand? last = null;
        for (var i = commands.Count - 1; i >= 0; i--)
        {
            if (!commands[i].InSubstitution && commands[i].Argv.Count > 0)
            {
                last = commands[i];
                break;
            }
        }

        if (last is null)
        {
            return false;
        }

        var unwrapped = CommandUnwrapper.Unwrap(last.Argv);
        if (unwrapped.NestedScript is { } nested)
        {
            return depth < 3 && IsAnswer(nested, code, depth + 1);
        }

        var program = unwrapped.Program;
        var searches = program is "grep" or "egrep" or "fgrep" or "zgrep" or "rg" or "ag" or "ack"
            || (program == "git" && unwrapped.Args.Count > 0 && unwrapped.Args[0] == "grep");
        if (searches)
        {
            return code == 1 || (code == 123 && last.Argv[0] == "xargs");
        }

        return code == 1 && program is "find" or "diff" or "cmp" or "test" or "[" or "[[";
    }

    [GeneratedRegex(@"<returncode>\s*(-?\d+)\s*</returncode>")]
    private static partial Regex ReturnCode();

    [GeneratedRegex(@"\AExit code (\d+)")]
    private static partial Regex ClaudeExitCode();

    [GeneratedRegex(@"<warning>.*?</warning>", RegexOptions.Singleline)]
    private static partial Regex Warning();

    [GeneratedRegex(@"<elided_chars>.*?</elided_chars>", RegexOptions.Singleline)]
    private static partial Regex Elided();

    [GeneratedRegex(@"</?(?:output|output_head|output_tail)>")]
    private static partial Regex Tag();
}
