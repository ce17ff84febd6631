using System.Text.RegularExpressions;

namespace Outloop.Outputs;

/// <summary>
/// What a compact text must still contain, found in the original output by rules written apart from the
/// readers (so that the benchmark does not grade the compactor with its own parser): the names of failing
/// tests and the file:line of each failure or build error, as the common runners print them.
/// </summary>
internal static partial class FailureOracle
{
    /// <summary>The strings (test names, <c>file:line</c>) that <paramref name="output"/> reports as failures.</summary>
    public static IReadOnlyList<string> MustKeep(string output)
    {
        var lines = OutputText.CleanLines(output);
        var keep = new List<string>();
        void Add(string item)
        {
            item = item.Trim();
            if (item.Length > 0 && !keep.Contains(item))
            {
                keep.Add(item);
            }
        }

        string? pytestLocation = null;
        var pytestInProject = false;
        var inPytestBlock = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (ExUnitTest().Match(line) is { Success: true } ex)
            {
                Add(ex.Groups[1].Value);
                if (i + 1 < lines.Count && ExUnitWhere().Match(lines[i + 1]) is { Success: true } at)
                {
                    Add(at.Groups[1].Value);
                }
            }
            else if (PytestBlock().Match(line) is { Success: true } block)
            {
                if (pytestLocation is not null)
                {
                    Add(pytestLocation);
                }

                pytestLocation = null;
                pytestInProject = false;
                inPytestBlock = true;
                Add(block.Groups[1].Value);
            }
            else if (PytestSection().IsMatch(line))
            {
                if (pytestLocation is not null)
                {
                    Add(pytestLocation);
                }

                pytestLocation = null;
                inPytestBlock = false;
            }
            else if (inPytestBlock && PytestWhere().Match(line) is { Success: true } where)
            {
                // The deepest frame in the project's own code; a library frame only when there is none.
                var inProject = !Installed().IsMatch(line);
                if (inProject || !pytestInProject)
                {
                    pytestLocation = where.Groups[1].Value;
                    pytestInProject = inProject;
                }
            }
            else if (OtherName().Match(line) is { Success: true } name)
            {
                Add(name.Groups["n"].Value);
            }

            if (BuildError().Match(line) is { Success: true } build)
            {
                Add(build.Groups["loc"].Value);
            }
            else if (ErrorHeader().IsMatch(line))
            {
                for (var f = i + 1; f < Math.Min(lines.Count, i + 8); f++)
                {
                    if (Arrow().Match(lines[f]) is { Success: true } arrow)
                    {
                        Add(arrow.Groups["loc"].Value);
                        break;
                    }
                }
            }
        }

        if (pytestLocation is not null)
        {
            Add(pytestLocation);
        }

        return keep;
    }

    /// <summary>
    /// True when <paramref name="text"/> keeps <paramref name="item"/>: verbatim, or for a pytest node id
    /// (<c>path::Class::test</c>) its prefix and its test name on the same line (summaries group node ids).
    /// </summary>
    public static bool IsKept(string text, string item)
    {
        if (text.Contains(item, StringComparison.Ordinal))
        {
            return true;
        }

        var split = item.LastIndexOf("::", StringComparison.Ordinal);
        if (split <= 0)
        {
            return false;
        }

        var prefix = item[..(split + 2)];
        var leaf = item[(split + 2)..];
        return text.Split('\n').Any(l => l.Contains(prefix + " ", StringComparison.Ordinal)
            && l.Contains($" {leaf}", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"site-packages|dist-packages|/lib/python\d")]
    private static partial Regex Installed();

    [GeneratedRegex(@"^\s+\d+\) (?:test|doctest|property) (.+)$")]
    private static partial Regex ExUnitTest();

    [GeneratedRegex(@"^\s+(\S+\.exs?:\d+)$")]
    private static partial Regex ExUnitWhere();

    [GeneratedRegex(@"^_{3,} (.+?) _{3,}$")]
    private static partial Regex PytestBlock();

    [GeneratedRegex(@"^={3,} .+ ={3,}$")]
    private static partial Regex PytestSection();

    [GeneratedRegex(@"^([^\s:]+\.py:\d+): ")]
    private static partial Regex PytestWhere();

    // pytest short summary, unittest, jest, vitest, go, cargo, dotnet, rspec, surefire, gradle.
    [GeneratedRegex(@"^(?:FAILED|ERROR) (?<n>\S+)|^(?:FAIL|ERROR): (?<n>.+)$|^\s+● (?<n>.+)$|^\s*FAIL\s+(?<n>\S.* > .+)$|^\s*--- FAIL: (?<n>\S+)|^---- (?<n>\S+) stdout ----$|^\s+Failed (?<n>\S+) \[|^rspec \./\S+ # (?<n>.+)$|^\[ERROR\] (?<n>\S+?(\(\S+\))?)\s+(--\s+)?Time elapsed: .*<<<|^(?<n>\S.* > .+) FAILED$")]
    private static partial Regex OtherName();

    // Single-line build errors: tsc, msbuild, go, flake8/ruff/mypy style "file:line:col: error".
    [GeneratedRegex(@"^\s*(?<loc>[^\s(:]+\(\d+,\d+\)): error |^(?<loc>[^\s:]+:\d+):\d+ - error |^(?<loc>[^\s:]+\.\w+:\d+):(\d+:)? error: |^\*\* \(\w+\) (?<loc>[^\s:]+:\d+)")]
    private static partial Regex BuildError();

    [GeneratedRegex(@"^\s*error(\[\w+\])?: ")]
    private static partial Regex ErrorHeader();

    [GeneratedRegex(@"(-->|└─) (?<loc>[^\s:]+:\d+)")]
    private static partial Regex Arrow();
}
