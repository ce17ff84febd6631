using System.Text.RegularExpressions;

namespace Outloop.Outputs;

/// <summary>
/// Reads a package installer's output (npm/pnpm/yarn, pip/uv, bundler, mix deps): errors and the outcome
/// lines stay; download logs, progress, resolution chatter and deprecation warnings become counts.
/// </summary>
internal static partial class InstallDigestReader
{
    private const int ErrorCap = 40;

    public static Digest Read(IReadOnlyList<string> lines)
    {
        var head = new List<string>();
        var summary = new List<string>();
        var warnings = 0;
        var satisfied = 0;
        foreach (var line in lines)
        {
            if (Outcome().IsMatch(line))
            {
                summary.Add(line);
            }
            else if (InstallError().IsMatch(line) || Frames.IsStrongError(line))
            {
                if (head.Count < ErrorCap)
                {
                    head.Add(line);
                }
            }
            else if (InstallWarning().IsMatch(line))
            {
                warnings++;
            }
            else if (line.StartsWith("Requirement already satisfied", StringComparison.Ordinal))
            {
                satisfied++;
            }
        }

        var notes = new List<string>();
        if (warnings > 0)
        {
            notes.Add($"({warnings} install warning{(warnings == 1 ? string.Empty : "s")} not shown)");
        }

        if (satisfied > 0)
        {
            notes.Add($"({satisfied} requirements already satisfied)");
        }

        return new Digest(head, [], notes, summary, head.Count > 0 || summary.Count > 0);
    }

    [GeneratedRegex(@"^(added|removed|changed|audited|up to date)\b.*\d+ packages?|^\d+ packages? (are|is) looking for funding|vulnerabilit(y|ies)|^Successfully installed |^Successfully built |^(Installed|Uninstalled|Resolved|Prepared|Audited) \d+ packages? in |^Bundle (complete|updated)!|^Bundled gems are installed|^All dependencies are up to date|^Resolution completed in |^Done in [\d.]+m?s|^Packages: [+-]\d+|^Already up[- ]to[- ]date|^Lockfile is up to date")]
    private static partial Regex Outcome();

    [GeneratedRegex(@"^npm (ERR!|error) |^(ERR_|E[A-Z]{3,}\b)|^ERROR: |^error |^\s*× |^Could not |^No matching distribution|^Failed to build|^Gem::|^An error occurred while installing|^Bundler could not|^\*\* \(Mix\)|^Unchecked dependencies|^ERESOLVE|conflict", RegexOptions.IgnoreCase)]
    private static partial Regex InstallError();

    [GeneratedRegex(@"^npm (WARN|warn) |^warning |^WARNING: |^ WARN |DEPRECATION|deprecated", RegexOptions.IgnoreCase)]
    private static partial Regex InstallWarning();
}
