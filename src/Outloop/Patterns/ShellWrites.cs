using System.Text.RegularExpressions;
using Outloop.Patterns.Signatures;

namespace Outloop.Patterns;

/// <summary>
/// The file writes hidden inside a shell line whose signature says something else (<c>sed -i 's/a/b/' x.py &amp;&amp;
/// python repro.py</c> is a run, yet it edits <c>x.py</c>): agents that only have a shell (mini-swe-agent) edit this
/// way, and the roles of their calls depend on it.
/// </summary>
internal static partial class ShellWrites
{
    /// <summary>Files the line writes: redirection targets (<c>&gt; f</c>, <c>&gt;&gt; f</c>, <c>tee f</c>) and the files of <c>sed -i</c> / <c>perl -i</c>.</summary>
    public static IReadOnlyList<string> Files(string? command) => Collect(command, creating: false);

    /// <summary>Files the line may create: targets of <c>&gt;</c>, <c>&gt;|</c> and <c>&amp;&gt;</c> (an append or an in-place edit needs the file already).</summary>
    public static IReadOnlyList<string> Created(string? command) => Collect(command, creating: true);

    private static List<string> Collect(string? command, bool creating)
    {
        List<string>? files = null;
        foreach (var simple in ShellCommandParser.Parse(command))
        {
            if (simple.InSubstitution)
            {
                continue;
            }

            foreach (var redirection in simple.Redirections)
            {
                if (redirection.WritesFile && (!creating || redirection.Operator is ">" or ">|" or "&>"))
                {
                    Add(ref files, redirection.Target);
                }
            }

            if (simple.Argv.Count == 0)
            {
                continue;
            }

            var unwrapped = CommandUnwrapper.Unwrap(simple.Argv);
            if (unwrapped.NestedScript is { } nested)
            {
                foreach (var file in Collect(nested, creating))
                {
                    Add(ref files, file);
                }

                continue;
            }

            if (creating)
            {
                continue;
            }

            foreach (var file in InPlaceFiles(unwrapped.Program, unwrapped.Args))
            {
                Add(ref files, file);
            }
        }

        return files ?? [];
    }

    /// <summary>
    /// True when the line carries code that reads a file and writes one back (<c>open(p).read()</c> ... <c>open(p, 'w')</c>,
    /// <c>read_text</c> ... <c>write_text</c>): a script that edits files, written in a heredoc or run with <c>-c</c>.
    /// </summary>
    public static bool CodeRewritesFiles(string? command) =>
        command is not null && CodeReads().IsMatch(command) && CodeWrites().IsMatch(command);

    private static IEnumerable<string> InPlaceFiles(string program, IReadOnlyList<string> args)
    {
        switch (program)
        {
            case "tee":
                return args.Where(a => !a.StartsWith('-'));
            case "sed" or "gsed" or "perl" when args.Any(a => a.StartsWith("-i", StringComparison.Ordinal) || a == "--in-place" || (program == "perl" && a.StartsWith('-') && a.Contains('i', StringComparison.Ordinal) && !a.StartsWith("--", StringComparison.Ordinal))):
                var files = new List<string>();
                var scriptGiven = false;
                for (var i = 0; i < args.Count; i++)
                {
                    var a = args[i];
                    if (a is "-e" or "-f" or "--expression" or "--file")
                    {
                        scriptGiven = true;
                        i++;
                        continue;
                    }

                    if (a.StartsWith('-'))
                    {
                        if (program == "perl" && a.EndsWith('e'))
                        {
                            scriptGiven = true;
                            i++;
                        }

                        continue;
                    }

                    if (!scriptGiven)
                    {
                        scriptGiven = true;
                        continue;
                    }

                    files.Add(a);
                }

                return files;
            default:
                return [];
        }
    }

    private static void Add(ref List<string>? files, string file)
    {
        if (file.Length == 0 || file.StartsWith('&') || file.StartsWith("$(", StringComparison.Ordinal))
        {
            return;
        }

        files ??= [];
        if (!files.Contains(file))
        {
            files.Add(file);
        }
    }

    [GeneratedRegex(@"\.read\(\)|\.readlines\(\)|\.read_text\(|for\s+\w+\s+in\s+open\(|fileinput\.")]
    private static partial Regex CodeReads();

    [GeneratedRegex(@"open\([^)\n]*['""][wa]\+?b?['""]|\.write_text\(|\.write_bytes\(|fileinput\.input\([^)\n]*inplace")]
    private static partial Regex CodeWrites();
}
