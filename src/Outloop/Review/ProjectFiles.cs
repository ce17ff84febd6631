namespace Outloop.Review;

/// <summary>
/// Writes proposal changes inside one project folder. A target that is absolute, climbs out with <c>..</c>, or goes
/// through a symbolic link that leads outside the folder is refused before anything is written.
/// </summary>
internal sealed class ProjectFiles(string root)
{
    public const string ManagedBegin = "<!-- outloop:begin (managed by outloop review; edits here are replaced) -->";
    public const string ManagedEnd = "<!-- outloop:end -->";

    public string Root { get; } = RealPath(Path.GetFullPath(root));

    /// <summary>The full path of a project-relative target, or an <see cref="OutloopException"/> if it would leave the folder.</summary>
    public string Resolve(string relative)
    {
        if (string.IsNullOrWhiteSpace(relative) || Path.IsPathRooted(relative) || relative.StartsWith('~'))
        {
            throw new OutloopException($"Refused target '{relative}': a proposal may only write a relative path inside {Root}.");
        }

        var full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!Inside(full))
        {
            throw new OutloopException($"Refused target '{relative}': it leaves the project folder {Root}.");
        }

        // Every existing part of the path must stay inside the folder once its links are followed.
        var current = Root;
        foreach (var part in Path.GetRelativePath(Root, full).Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, part);
            if (!Path.Exists(current))
            {
                break;
            }

            var real = RealPath(current);
            if (!Inside(real))
            {
                throw new OutloopException($"Refused target '{relative}': {current} is a link to {real}, outside the project folder {Root}.");
            }

            current = real;
        }

        return full;
    }

    /// <summary>Applies an <c>APPEND:</c>, <c>PREPEND:</c>, <c>REPLACE:</c> or <c>REMOVE:</c> change (no prefix appends) to a target file.</summary>
    public void Apply(string target, string change)
    {
        var path = Resolve(target);
        var (mode, text) = ProposalChange.Parse(change);
        var managed = string.Equals(Path.GetFileName(target), "AGENTS.md", StringComparison.OrdinalIgnoreCase);
        var existing = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        var (before, body, after) = managed ? SplitManaged(existing) : (string.Empty, existing, string.Empty);
        body = mode switch
        {
            ChangeMode.Replace => text,
            ChangeMode.Remove => Without(body, text),
            ChangeMode.Prepend => text + (body.Length > 0 ? "\n" + body : string.Empty),
            _ => body.Length == 0 ? text : body.TrimEnd('\n') + "\n" + text,
        };
        body = body.TrimEnd('\n') + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, managed ? before + ManagedBegin + "\n" + body + ManagedEnd + "\n" + after : body);
    }

    /// <summary>Makes CLAUDE.md import a guideline file (<c>@.outloop/guidelines/x.md</c>), once; true if it added the line.</summary>
    public bool ImportInClaudeMd(string guidelineTarget)
    {
        var claude = Resolve("CLAUDE.md");
        var line = "@" + guidelineTarget.Replace('\\', '/');
        var existing = File.Exists(claude) ? File.ReadAllText(claude) : string.Empty;
        if (existing.Split('\n').Any(l => l.Trim() == line))
        {
            return false;
        }

        File.WriteAllText(claude, (existing.Length == 0 || existing.EndsWith('\n') ? existing : existing + "\n") + line + "\n");
        return true;
    }

    /// <summary>
    /// Publishes the guidelines in <c>.outloop/guidelines/*.md</c> to the files agents read: CLAUDE.md imports each
    /// one, and AGENTS.md (read by Codex and others, which do not follow imports) gets their text in its managed
    /// section. AGENTS.md is written only when it exists or <paramref name="createAgentsMd"/> is set. Returns the
    /// files it changed.
    /// </summary>
    public IReadOnlyList<string> PublishGuidelines(bool createAgentsMd)
    {
        var folder = Path.Combine(Root, ".outloop", "guidelines");
        var guidelines = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal).Select(f => ".outloop/guidelines/" + Path.GetFileName(f)).ToList()
            : [];
        var changed = new List<string>();
        foreach (var guideline in guidelines)
        {
            if (ImportInClaudeMd(guideline))
            {
                changed.Add("CLAUDE.md");
            }
        }

        var agents = Resolve("AGENTS.md");
        if (createAgentsMd || File.Exists(agents))
        {
            var before = File.Exists(agents) ? File.ReadAllText(agents) : null;
            var body = guidelines.Count == 0
                ? "Outloop has no guidelines for this project yet."
                : string.Join("\n", guidelines.Select(g => File.ReadAllText(Resolve(g)).TrimEnd('\n')));
            Apply("AGENTS.md", "REPLACE:\n" + body);
            if (File.ReadAllText(agents) != before)
            {
                changed.Add("AGENTS.md");
            }
        }

        return [.. changed.Distinct(StringComparer.Ordinal)];
    }

    private static (string Before, string Body, string After) SplitManaged(string text)
    {
        var begin = text.IndexOf(ManagedBegin, StringComparison.Ordinal);
        var end = text.IndexOf(ManagedEnd, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            return (text.Length == 0 || text.EndsWith('\n') ? text : text + "\n", string.Empty, string.Empty);
        }

        var bodyStart = begin + ManagedBegin.Length + 1;
        return (text[..begin], bodyStart <= end ? text[bodyStart..end] : string.Empty, text[(end + ManagedEnd.Length)..].TrimStart('\n'));
    }

    /// <summary><paramref name="body"/> without the first occurrence of <paramref name="text"/> and the line break after it; unchanged when absent.</summary>
    internal static string Without(string body, string text)
    {
        var normalised = body.ReplaceLineEndings("\n");
        var at = text.Length == 0 ? -1 : normalised.IndexOf(text, StringComparison.Ordinal);
        if (at < 0)
        {
            return body;
        }

        var end = at + text.Length;
        end += end < normalised.Length && normalised[end] == '\n' ? 1 : 0;
        return normalised[..at] + normalised[end..];
    }

    private bool Inside(string path) =>
        path == Root || path.StartsWith(Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string RealPath(string path)
    {
        var info = new FileInfo(path);
        var target = info.Exists || Directory.Exists(path) ? (File.ResolveLinkTarget(path, returnFinalTarget: true) ?? Directory.ResolveLinkTarget(path, returnFinalTarget: true)) : null;
        var resolved = target?.FullName ?? path;
        var parent = Path.GetDirectoryName(resolved);
        return parent is null || parent == resolved ? resolved : Path.Combine(RealPath(parent), Path.GetFileName(resolved));
    }
}
