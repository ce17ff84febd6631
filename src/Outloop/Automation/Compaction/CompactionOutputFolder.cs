namespace Outloop.Automation.Compaction;

/// <summary>
/// Where full outputs are kept: <c>PROJECT/.outloop/outputs</c> when Claude Code names the project
/// (<c>$CLAUDE_PROJECT_DIR</c>, so the agent can read them without leaving it), else <c>~/.outloop/outputs</c>.
/// A project folder gets a <c>.gitignore</c> of <c>*</c>: outputs are never committed. Files older than
/// <see cref="KeepFor"/> are deleted, at most once a day.
/// </summary>
internal static class CompactionOutputFolder
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(14);

    private const string PruneMarker = ".pruned";

    public static string Resolve(string? claudeProjectDir, string outloopHome) =>
        !string.IsNullOrWhiteSpace(claudeProjectDir) && Directory.Exists(claudeProjectDir)
            ? Path.Combine(Path.GetFullPath(claudeProjectDir), ".outloop", "outputs")
            : Path.Combine(outloopHome, "outputs");

    /// <summary>Creates <paramref name="folder"/> with its <c>.gitignore</c> and prunes old outputs once a day.</summary>
    public static void Prepare(string folder, DateTimeOffset now)
    {
        Directory.CreateDirectory(folder);
        var ignore = Path.Combine(folder, ".gitignore");
        if (!File.Exists(ignore))
        {
            File.WriteAllText(ignore, "# Full outputs kept by Outloop's output compaction; never committed.\n*\n");
        }

        var marker = Path.Combine(folder, PruneMarker);
        if (File.Exists(marker) && now.UtcDateTime - File.GetLastWriteTimeUtc(marker) < TimeSpan.FromDays(1))
        {
            return;
        }

        File.WriteAllText(marker, string.Empty);
        foreach (var file in Directory.EnumerateFiles(folder, "*.log"))
        {
            if (now.UtcDateTime - File.GetLastWriteTimeUtc(file) > KeepFor)
            {
                File.Delete(file);
            }
        }
    }
}
