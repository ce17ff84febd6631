using System.Text;
using System.Text.RegularExpressions;
using Outloop.Patterns;

namespace Outloop.Automation.FileTemplates;

/// <summary>
/// The file-pattern miner and template generator (MISSION AUTO-002/008). Files written whole by agents are grouped
/// by path shape (same last folder, same extension, a file-name pattern with a fixed part such as
/// <c>*Controller.cs</c> or <c>*_add_*.exs</c>) and by content (line similarity to the group's first file), within a
/// time window of the first file (24 hours by default); a group of two or more becomes a <see cref="FileTemplate"/>.
/// </summary>
/// <remarks>
/// Members have different file names: the same file written again (in another worktree, say) is a new version of
/// one file, not a second file of the same shape. A path written more than once counts once, with its last content. The content is what the store keeps of the
/// write: redacted, and cut in the middle past 64 KiB.
/// </remarks>
internal static partial class FileTemplateMiner
{
    public static List<FileTemplate> Mine(IEnumerable<WrittenFile> written, FileTemplateOptions options)
    {
        var files = written
            .Where(f => options.Since is not { } since || f.At >= since)
            .GroupBy(f => f.Path, StringComparer.Ordinal)
            .Select(g => g.OrderBy(f => f.At).ThenBy(f => f.ToolCallId, StringComparer.Ordinal).Last())
            .OrderBy(f => f.At).ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var alignments = new Dictionary<WrittenFile, LineAlignment>(ReferenceEqualityComparer.Instance);
        LineAlignment AlignmentOf(WrittenFile f) => alignments.TryGetValue(f, out var a) ? a : alignments[f] = LineAlignment.Of(f.Content);

        var groups = new List<List<WrittenFile>>();
        foreach (var file in files)
        {
            var key = ShapeKey(file.Path);
            var home = groups.FirstOrDefault(g =>
                ShapeKey(g[0].Path) == key
                && file.At - g[0].At <= options.Window
                && g.All(m => !string.Equals(Path.GetFileName(m.Path), Path.GetFileName(file.Path), StringComparison.Ordinal))
                && NamePattern([g[0].Path, file.Path]) is not null
                && LineAlignment.Similarity(AlignmentOf(g[0]), AlignmentOf(file)) >= options.MinSimilarity);
            if (home is null)
            {
                groups.Add([file]);
            }
            else
            {
                home.Add(file);
            }
        }

        var templates = new List<FileTemplate>();
        foreach (var group in groups.Where(g => g.Count >= options.MinMembers))
        {
            var groupAlignments = group.Select(AlignmentOf).ToList();
            var (text, variables) = TemplateBuilder.Build(group, groupAlignments);
            var pattern = PathPattern(group.Select(f => f.Path).ToList());
            var similarity = group.Skip(1).Min(f => LineAlignment.Similarity(groupAlignments[0], AlignmentOf(f)));
            templates.Add(new FileTemplate(
                PatternIds.Make("tpl", pattern + "\n" + group[0].Path),
                pattern,
                [.. group.Select(f => new TemplateMember(f.Path, f.SessionId, f.At))],
                text,
                variables,
                Math.Round(similarity, 3)));
        }

        return templates;
    }

    /// <summary>The last folder (numbers as <c>*</c>) and the extension.</summary>
    internal static string ShapeKey(string path)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(path) ?? string.Empty) ?? string.Empty;
        return Digits().Replace(folder, "*") + "|" + Path.GetExtension(path).ToLowerInvariant();
    }

    /// <summary>
    /// The shared folder (its common tail, after <c>**/</c> when the folders differ above it) and file-name pattern
    /// of the paths: the common start and end of the names, cut at a separator or a capital, around a <c>*</c>.
    /// </summary>
    internal static string PathPattern(IReadOnlyList<string> paths)
    {
        var folders = paths.Select(p => (Path.GetDirectoryName(p) ?? string.Empty).Replace('\\', '/').Split('/')).ToList();
        var common = 0;
        while (folders.All(f => f.Length > common) && folders.All(f => f[^(common + 1)] == folders[0][^(common + 1)]))
        {
            common++;
        }

        var folder = string.Join('/', folders[0][^common..]);
        var prefix = folders.All(f => f.Length == common) ? folder : "**/" + folder;
        var name = NamePattern(paths) ?? "*" + Path.GetExtension(paths[0]);
        return prefix.Length == 0 ? name : prefix.TrimEnd('/') + "/" + name;
    }

    /// <summary>The file-name pattern of the paths, or null when they share nothing but the extension.</summary>
    internal static string? NamePattern(IReadOnlyList<string> paths)
    {
        var names = paths.Select(p => Digits().Replace(Path.GetFileName(p), "#")).ToList();
        var extension = Path.GetExtension(names[0]);
        if (names.Any(n => !string.Equals(Path.GetExtension(n), extension, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (names.All(n => n == names[0]))
        {
            return names[0].Replace("#", "*", StringComparison.Ordinal);
        }

        var stems = names.Select(n => n[..^extension.Length]).ToList();
        var start = CommonPrefix(stems);
        while (start > 0 && !stems.All(s => IsCut(s, start)))
        {
            start--;
        }

        var end = CommonSuffix(stems, start);
        while (end > 0 && !stems.All(s => IsCut(s, s.Length - end)))
        {
            end--;
        }

        var head = stems[0][..start];
        var tail = stems[0][^end..];
        var pattern = new StringBuilder().Append(head).Append('*').Append(tail).Append(extension).ToString().Replace("#", "*", StringComparison.Ordinal);

        // "*_*.exs" or "*.cs" says no more than the extension: not a shared name shape.
        return (head + tail).Any(char.IsLetter) ? pattern : null;
    }

    private static bool IsCut(string stem, int at) =>
        at <= 0 || at >= stem.Length || stem[at - 1] is '_' or '-' or '.' || stem[at] is '_' or '-' or '.' || char.IsUpper(stem[at]);

    private static int CommonPrefix(List<string> items)
    {
        var n = 0;
        while (items.All(s => s.Length > n) && items.All(s => s[n] == items[0][n]))
        {
            n++;
        }

        return n;
    }

    private static int CommonSuffix(List<string> items, int taken)
    {
        var n = 0;
        while (items.All(s => s.Length - n > taken) && items.All(s => s[^(n + 1)] == items[0][^(n + 1)]))
        {
            n++;
        }

        return n;
    }

    [GeneratedRegex("[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}
