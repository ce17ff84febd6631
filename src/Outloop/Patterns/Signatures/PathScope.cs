namespace Outloop.Patterns.Signatures;

/// <summary>
/// Turns the paths a tool call names into project-relative paths, given the project root and the agent's folder.
/// Paths outside a known root (another worktree, a container's <c>/testbed</c> or <c>/workspace/repo</c>) are
/// re-anchored at their first conventional source folder (<c>src</c>, <c>lib</c>, <c>test</c>...), so that the same
/// file gets the same target whichever checkout it was read from.
/// </summary>
internal sealed class PathScope
{
    private readonly string? _root;
    private readonly string? _cwd;

    public PathScope(string? projectRoot, string? cwd)
    {
        _cwd = string.IsNullOrWhiteSpace(cwd) ? null : Normalize(cwd);
        _root = string.IsNullOrWhiteSpace(projectRoot) ? _cwd : Normalize(projectRoot);
        if (_root is "/workspace" or "/" or "/tmp")
        {
            // OpenHands mounts repositories under /workspace/<repo>: its bare folder is no project root.
            _root = null;
        }
        if (_cwd is not null && !_cwd.StartsWith('/') && _root is not null && _root.StartsWith('/'))
        {
            _cwd = Normalize(_root + "/" + _cwd);
        }
    }

    /// <summary>
    /// Locates <paramref name="path"/> as written by a command running in <paramref name="folder"/> (as the shell's
    /// <c>cd</c> left it, or null). <c>Relative</c> is the project-relative path used for targets (empty for the
    /// root); <c>Display</c> is the path to record: project-relative under the root, otherwise absolute or as written.
    /// </summary>
    public (string Relative, string Display) Locate(string path, string? folder)
    {
        var cleaned = StripLocationSuffix(path.Replace('\\', '/'));
        if (cleaned.Length == 0)
        {
            cleaned = ".";
        }

        string? absolute = null;
        if (cleaned.StartsWith('/'))
        {
            absolute = Normalize(cleaned);
        }
        else if (cleaned.StartsWith('~'))
        {
            var home = Normalize(cleaned);
            var anchored = Anchor(home.TrimStart('~', '/'));
            return (anchored, home);
        }
        else
        {
            var baseFolder = ResolveFolder(folder);
            if (baseFolder is not null && baseFolder.StartsWith('/'))
            {
                absolute = Normalize(baseFolder + "/" + cleaned);
            }
            else
            {
                var relative = Normalize(baseFolder is null ? cleaned : baseFolder + "/" + cleaned);
                relative = relative == "." ? string.Empty : relative;
                return (relative.StartsWith("..", StringComparison.Ordinal) ? Anchor(relative) : relative, relative.Length == 0 ? "." : relative);
            }
        }

        if (_root is not null)
        {
            if (absolute == _root)
            {
                return (string.Empty, ".");
            }

            if (absolute.Length > _root.Length && absolute.StartsWith(_root, StringComparison.Ordinal) && absolute[_root.Length] == '/')
            {
                var relative = absolute[(_root.Length + 1)..];
                return (relative, relative);
            }
        }

        return (Anchor(absolute), absolute);
    }

    /// <summary>The project-relative folder a command runs in ("" for the root), or null when unknown or outside the project.</summary>
    public string? RelativeFolder(string? folder)
    {
        if (folder is null || folder == "~")
        {
            return folder is null ? string.Empty : null;
        }

        var (relative, display) = Locate(folder, null);
        return display.StartsWith('/') ? null : relative;
    }

    private string? ResolveFolder(string? folder)
    {
        if (folder is null)
        {
            return _cwd;
        }

        if (folder == "~" || folder.StartsWith('~'))
        {
            return null;
        }

        if (folder.StartsWith('/'))
        {
            return folder;
        }

        return _cwd is null ? folder : _cwd + "/" + folder;
    }

    /// <summary>Removes pytest node ids (<c>::test_x</c>) and line/column suffixes (<c>:12</c>, <c>:12:3</c>).</summary>
    internal static string StripLocationSuffix(string path)
    {
        var node = path.IndexOf("::", StringComparison.Ordinal);
        if (node > 0)
        {
            path = path[..node];
        }

        for (var guard = 0; guard < 2; guard++)
        {
            var colon = path.LastIndexOf(':');
            if (colon <= 0 || colon == path.Length - 1)
            {
                break;
            }

            var allDigits = true;
            for (var i = colon + 1; i < path.Length; i++)
            {
                if (!char.IsAsciiDigit(path[i]))
                {
                    allDigits = false;
                    break;
                }
            }

            if (!allDigits)
            {
                break;
            }

            path = path[..colon];
        }

        return path;
    }

    /// <summary>Collapses <c>.</c>, <c>..</c> and repeated slashes; keeps a leading slash; no trailing slash.</summary>
    internal static string Normalize(string path)
    {
        path = path.Replace('\\', '/');
        if (path.Length > 1 && path[1] == ':' && char.IsAsciiLetter(path[0]))
        {
            path = "/" + path[..1].ToLowerInvariant() + path[2..]; // C:/x -> /c/x
        }

        var absolute = path.StartsWith('/');
        var simple = !path.Contains("//", StringComparison.Ordinal) && !path.Contains("/.", StringComparison.Ordinal)
            && !path.StartsWith("./", StringComparison.Ordinal) && !path.EndsWith('/') && path != ".";
        if (simple)
        {
            return path;
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var stack = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            if (part == ".")
            {
                continue;
            }

            if (part == ".." && stack.Count > 0 && stack[^1] != "..")
            {
                stack.RemoveAt(stack.Count - 1);
                continue;
            }

            if (part == ".." && absolute)
            {
                continue;
            }

            stack.Add(part);
        }

        var joined = string.Join('/', stack);
        return absolute ? "/" + joined : (joined.Length == 0 ? "." : joined);
    }

    /// <summary>Best-effort project-relative form of a path outside the known root.</summary>
    internal static string Anchor(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return string.Empty;
        }

        var first = segments[0];
        if (first is "tmp" || (first is "var" or "private" && segments.Length > 1 && segments[1] == "tmp"))
        {
            return "tmp";
        }

        if (first is "usr" or "opt" or "etc" or "proc" or "sys" or "dev" or "bin" or "sbin" or "nix" or "System" or "Library" or "var" or "root" && segments.Length > 1)
        {
            return first + "/" + segments[1];
        }

        if (first is "testbed" or "repo" or "code" or "project" && segments.Length > 1)
        {
            return Join(segments, 1);
        }

        if (first == "workspace")
        {
            // /workspace/<repo>/... in OpenHands; /workspace/file for loose files.
            return segments.Length > 2 ? Join(segments, 2) : Join(segments, 1);
        }

        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (IsAnchor(segments[i]) || (segments[i].StartsWith('.') && segments[i].Length > 1 && segments[i] != ".."))
            {
                return Join(segments, i);
            }
        }

        return segments.Length >= 2 ? Join(segments, segments.Length - 2) : segments[0];
    }

    private static string Join(string[] segments, int from) => string.Join('/', segments, from, segments.Length - from);

    private static bool IsAnchor(string segment) => segment is "src" or "lib" or "test" or "tests" or "spec" or "specs"
        or "app" or "apps" or "packages" or "pkg" or "cmd" or "internal" or "assets" or "priv" or "config" or "docs"
        or "doc" or "scripts" or "deps" or "include" or "crates" or "public" or "static" or "frontend" or "backend"
        or "server" or "client" or "tools" or "examples" or "benchmarks" or "migrations" or "node_modules";
}
