namespace Outloop.Ingestion.Claude;

/// <summary>
/// Finds Claude Code transcripts. A path may be a config folder (holding <c>projects/</c>), a projects folder, one
/// project folder, or one <c>.jsonl</c>; with no path, every folder in <c>CLAUDE_CONFIG_DIR</c> (comma-separated),
/// else <c>~/.claude</c> and <c>~/.config/claude</c>. Subagent transcripts under <c>&lt;session&gt;/subagents/</c> are included.
/// </summary>
internal static class ClaudeFileDiscovery
{
    public static IReadOnlyList<string> DefaultRoots()
    {
        var configured = Environment.GetEnvironmentVariable("CLAUDE_CONFIG_DIR");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return [Path.Combine(home, ".claude"), Path.Combine(home, ".config", "claude")];
    }

    public static IReadOnlyList<ClaudeTranscriptFile> Find(IReadOnlyList<string> paths, bool pathsWereGiven)
    {
        var found = new Dictionary<string, ClaudeTranscriptFile>(StringComparer.Ordinal);
        foreach (var raw in paths)
        {
            var path = Path.GetFullPath(raw);
            if (File.Exists(path))
            {
                Add(found, path);
            }
            else if (Directory.Exists(path))
            {
                var projects = Path.Combine(path, "projects");
                var root = Directory.Exists(projects) ? projects : path;
                foreach (var file in Directory.EnumerateFiles(root, "*.jsonl", new EnumerationOptions
                {
                    RecurseSubdirectories = true,
                    IgnoreInaccessible = true,
                    AttributesToSkip = FileAttributes.None,
                }))
                {
                    Add(found, file);
                }
            }
            else if (pathsWereGiven)
            {
                throw new OutloopException(
                    $"No such file or folder: {raw}. Give a Claude config folder (holding projects/), a projects folder, a project folder or a .jsonl file.");
            }
        }

        return [.. found.Values.OrderBy(f => f.IsSubagent).ThenBy(f => f.Path, StringComparer.Ordinal)];
    }

    private static void Add(Dictionary<string, ClaudeTranscriptFile> found, string file)
    {
        var directory = Path.GetDirectoryName(file)!;
        var isSubagent = Path.GetFileName(directory) == "subagents";
        string? project;
        string fallbackSession;
        if (isSubagent)
        {
            var sessionFolder = Path.GetDirectoryName(directory)!;
            fallbackSession = Path.GetFileName(sessionFolder);
            project = Path.GetFileName(Path.GetDirectoryName(sessionFolder));
        }
        else
        {
            fallbackSession = Path.GetFileNameWithoutExtension(file);
            project = Path.GetFileName(directory);
        }

        found[file] = new ClaudeTranscriptFile(file, project, fallbackSession, isSubagent);
    }
}
