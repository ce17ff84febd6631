namespace Outloop.Patterns.Signatures;

/// <summary>
/// The rules that turn project-relative paths into the coarse target of a signature. They are deliberately
/// coarse, so that the same operation repeated across tasks gets the same signature:
/// <list type="bullet">
/// <item>Runners (test, build, lint, format, run): the top folder of the path (<c>backend</c>, <c>test</c>,
/// <c>astropy</c>); when that folder is a generic container (<c>src</c>, <c>lib</c>, <c>packages</c>, <c>apps</c>...)
/// the first two folders (<c>src/marshmallow</c>, <c>packages/web</c>). So <c>mix test test/foo_test.exs:12</c> and
/// <c>mix test test/bar_test.exs</c> are both <c>test:mix:test</c>, while <c>mix test</c> is <c>test:mix:all</c>.</item>
/// <item>File operations and searches: the first two folders of the file's folder (<c>lib/spotter</c> for
/// <c>lib/spotter/services/x.ex</c>), the folder for a file one level deep, the file name for a file at the root.</item>
/// <item>Tests scoped to the conventional test folder (<c>test</c>, <c>tests</c>, <c>spec</c>, <c>__tests__</c>) are
/// runs of the project's suite: <c>all</c>, like the run without a path. So <c>mix test</c>,
/// <c>mix test test/foo_test.exs:12</c> and <c>mix test test/bar_test.exs</c> are all <c>test:mix:all</c> (the masked
/// command keeps the difference of form), while <c>pytest backend/tests</c> is <c>test:pytest:backend</c>.</item>
/// <item>No path: the folder the command ran in when it is below the root, otherwise <c>all</c>.</item>
/// <item>Two different targets are joined with <c>+</c> (sorted); three or more are <c>multi</c>.</item>
/// </list>
/// Version control, dependency and package-script operations use their verb or task instead (<c>vcs:git:status</c>,
/// <c>deps:npm:install</c>), set by the runner table.
/// </summary>
internal static class SignatureTargets
{
    public const string All = "all";
    public const string Multi = "multi";

    /// <summary>True for the folder names that conventionally hold a project's whole test suite.</summary>
    public static bool IsTestRoot(string target) => target is "test" or "tests" or "spec" or "specs" or "__tests__" or "t" or "testing";

    /// <summary>Target of a runner's scope path.</summary>
    public static string Scope(string relative)
    {
        var segments = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return All;
        }

        if (segments.Length >= 2 && IsContainer(segments[0]) && (segments.Length > 2 || !LooksLikeFile(segments[1])))
        {
            return segments[0] + "/" + segments[1];
        }

        return segments[0];
    }

    /// <summary>Target of a file or folder touched by a file operation or a search.</summary>
    public static string File(string relative, bool isFolder)
    {
        var segments = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return All;
        }

        var folders = isFolder ? segments.Length : segments.Length - 1;
        return folders switch
        {
            0 => segments[0],
            1 => segments[0],
            _ => segments[0] + "/" + segments[1],
        };
    }

    /// <summary>Joins distinct targets: one as is, two sorted with <c>+</c>, more as <c>multi</c>.</summary>
    public static string Combine(IReadOnlyList<string> targets)
    {
        string? first = null;
        string? second = null;
        foreach (var target in targets)
        {
            if (first is null || first == target)
            {
                first = target;
                continue;
            }

            if (second is null || second == target)
            {
                second = target;
                continue;
            }

            return Multi;
        }

        if (first is null)
        {
            return All;
        }

        if (second is null)
        {
            return first;
        }

        return string.CompareOrdinal(first, second) < 0 ? first + "+" + second : second + "+" + first;
    }

    /// <summary>The part of a path before its first wildcard segment (<c>src/**/*.ts</c> is <c>src</c>); "." when the first segment is one.</summary>
    public static string BeforeGlob(string path)
    {
        if (path.AsSpan().IndexOfAny("*?[{") < 0)
        {
            return path;
        }

        var segments = path.Split('/');
        var kept = 0;
        while (kept < segments.Length && segments[kept].AsSpan().IndexOfAny("*?[{") < 0)
        {
            kept++;
        }

        return kept == 0 ? "." : string.Join('/', segments, 0, kept) is { Length: > 0 } prefix ? prefix : "/";
    }

    /// <summary>Makes a part safe for <c>a:b:c</c>: no colons or blanks, bounded length.</summary>
    public static string Clean(string part)
    {
        if (part.Length == 0)
        {
            return All;
        }

        var needs = part.Length > 80;
        foreach (var c in part)
        {
            if (c is ':' or ' ' or '\t' or '\n' or '\r')
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return part;
        }

        var chars = part.Length > 80 ? part[..80].ToCharArray() : part.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                ':' => '.',
                ' ' or '\t' or '\n' or '\r' => '_',
                var c => c,
            };
        }

        return new string(chars);
    }

    /// <summary>True for a segment with a short extension (<c>x.py</c>, <c>mix.exs</c>), taken as a file rather than a folder.</summary>
    public static bool LooksLikeFile(string segment)
    {
        var dot = segment.LastIndexOf('.');
        if (dot <= 0 || dot == segment.Length - 1 || segment.Length - dot - 1 > 6)
        {
            return false;
        }

        var hasLetter = false;
        for (var i = dot + 1; i < segment.Length; i++)
        {
            var c = segment[i];
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                // Upper-case "extensions" are name parts: .NET project folders such as Outloop.Cli.
                return false;
            }

            hasLetter |= char.IsAsciiLetter(c);
        }

        return hasLetter;
    }

    private static bool IsContainer(string segment) => segment is "src" or "lib" or "libs" or "packages" or "apps"
        or "services" or "crates" or "modules" or "projects" or "components" or "internal" or "pkg" or "cmd";
}
