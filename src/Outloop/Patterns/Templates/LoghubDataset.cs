using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Outloop.Patterns.Templates;

/// <summary>
/// Reads a folder laid out like <c>data/loghub2k</c>: <c>settings.json</c> with each system's <c>log_format</c>,
/// and per system the raw <c>.log</c>, the original <c>_structured.csv</c> and the corrected ground truth in
/// <c>loghub2.0_2k/</c> or else <c>corrected_icse22/</c>. Only <c>log_format</c> is read from the settings: the
/// per-system regexes and thresholds there belong to the Drain baseline and are never used.
/// </summary>
internal static class LoghubDataset
{
    private static readonly string[] CorrectedFolders = ["loghub2.0_2k", "corrected_icse22"];

    public static IReadOnlyList<LoghubSystem> Load(string directory)
    {
        var settingsPath = Path.Combine(directory, "settings.json");
        if (!File.Exists(settingsPath))
        {
            throw new OutloopException(
                $"{settingsPath} not found: the benchmark folder needs settings.json with each system's log_format (see data/loghub2k).");
        }

        using var settings = JsonDocument.Parse(File.ReadAllText(settingsPath));
        if (!settings.RootElement.TryGetProperty("datasets", out var datasets))
        {
            throw new OutloopException($"{settingsPath} has no 'datasets' object.");
        }

        var systems = new List<LoghubSystem>();
        foreach (var entry in datasets.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var folder = Path.Combine(directory, entry.Name);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            systems.Add(LoadSystem(directory, entry.Name, entry.Value));
        }

        if (systems.Count == 0)
        {
            throw new OutloopException($"No system folder of settings.json was found in {directory}.");
        }

        return systems;
    }

    private static LoghubSystem LoadSystem(string root, string name, JsonElement setting)
    {
        var format = setting.GetProperty("log_format").GetString()
            ?? throw new OutloopException($"settings.json: {name} has no log_format.");
        var logFile = setting.TryGetProperty("log_file", out var file) && file.GetString() is { } relative
            ? Path.Combine(root, relative)
            : Path.Combine(root, name, $"{name}_2k.log");

        var structuredPath = Path.Combine(root, name, $"{name}_2k.log_structured.csv");
        var structured = CsvTable.Read(structuredPath);
        var eventIds = structured.Column("EventId", structuredPath);

        var contents = ReadContents(logFile, format);
        if (contents.Count != eventIds.Length)
        {
            throw new OutloopException(
                $"{logFile}: {contents.Count} lines match the log_format but the ground truth has {eventIds.Length}; check settings.json.");
        }

        string[]? corrected = null;
        var source = "original";
        foreach (var sub in CorrectedFolders)
        {
            var path = Path.Combine(root, name, sub, $"{name}_2k.log_structured_corrected.csv");
            if (File.Exists(path))
            {
                var candidate = CsvTable.Read(path).Column("EventTemplate", path);
                if (candidate.Length == eventIds.Length)
                {
                    corrected = candidate;
                    source = sub;
                    break;
                }
            }
        }

        corrected ??= structured.Column("EventTemplate", structuredPath);
        return new LoghubSystem(name, contents, eventIds, corrected, source);
    }

    /// <summary>The Content field of every line that matches <paramref name="logFormat"/>, in file order.</summary>
    public static List<string> ReadContents(string logFile, string logFormat)
    {
        if (!File.Exists(logFile))
        {
            throw new OutloopException($"{logFile} not found.");
        }

        var header = HeaderRegex(logFormat);
        var contents = new List<string>();
        foreach (var line in File.ReadLines(logFile, Encoding.UTF8))
        {
            var match = header.Match(line.Trim());
            if (match.Success)
            {
                contents.Add(match.Groups["Content"].Value);
            }
        }

        return contents;
    }

    /// <summary>
    /// Turns a Loghub log_format (<c>&lt;Date&gt; &lt;Time&gt; &lt;Level&gt;: &lt;Content&gt;</c>) into an anchored
    /// regex: each placeholder a lazy named group, the text between them regex source with spaces as <c>\s+</c>.
    /// </summary>
    public static Regex HeaderRegex(string logFormat)
    {
        var pattern = new StringBuilder("^");
        foreach (var part in Regex.Split(logFormat, "(<[^<>]+>)"))
        {
            if (part.Length > 2 && part[0] == '<' && part[^1] == '>')
            {
                pattern.Append("(?<").Append(part.AsSpan(1, part.Length - 2)).Append(">.*?)");
            }
            else
            {
                pattern.Append(Regex.Replace(part, " +", @"\s+"));
            }
        }

        pattern.Append('$');
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
    }
}
