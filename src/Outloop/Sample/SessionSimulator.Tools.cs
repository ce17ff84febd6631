using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Outloop.Sample;

/// <summary>The tools the sample assistant calls; each call is one response (with any text queued before it).</summary>
internal sealed partial class SessionSimulator
{
    private TranscriptFile? subagentFile;

    private TranscriptFile CurrentFile => subagentFile ?? main;

    private string CurrentModel => subagentFile is null ? model : HaikuModel;

    private (int Input, long Created, long Cached, long Output) lastUsage;

    private void Bash(string command, string description, string output, int exitCode, TimeSpan duration)
    {
        counts.RanCommand(command);
        var trimmed = output.TrimEnd('\n');
        var progress = duration > TimeSpan.FromSeconds(5) ? FirstLines(trimmed, 3) : null;
        pending.Add(SampleBlock.Tool(
            "Bash",
            w =>
            {
                w.WriteString("command", command);
                w.WriteString("description", description);
            },
            _ => exitCode == 0
                ? new SampleToolResult(trimmed, false, w => WriteShellResult(w, trimmed), duration, Progress: progress)
                : new SampleToolResult(
                    $"Exit code {exitCode}\n{trimmed}",
                    true,
                    w => w.WriteString("toolUseResult", $"Error: Exit code {exitCode}\n{trimmed}"),
                    duration,
                    Progress: progress)));
        Respond(CurrentFile, CurrentModel);
    }

    /// <summary>Runs one of the project's commands, passing.</summary>
    private void Run(string command, string description) =>
        Bash(command, description, project.PassingOutput(command, random), 0, CommandDuration(command));

    /// <summary>Runs the command that shows a fault, failing with the fault's output.</summary>
    private void RunFailing(CodeFault fault, string description) =>
        Bash(fault.Command, description, fault.Output(random), fault.ExitCode, CommandDuration(fault.Command));

    private TimeSpan CommandDuration(string command) => command.Contains("test", StringComparison.Ordinal) || command.Contains("tsc", StringComparison.Ordinal)
        ? TimeSpan.FromMilliseconds(random.Next(2_500, 14_000))
        : TimeSpan.FromMilliseconds(random.Next(200, 2_000));

    private static void WriteShellResult(Utf8JsonWriter w, string stdout)
    {
        w.WriteStartObject("toolUseResult");
        w.WriteString("stdout", stdout);
        w.WriteString("stderr", "");
        w.WriteBoolean("interrupted", false);
        w.WriteBoolean("isImage", false);
        w.WriteBoolean("noOutputExpected", false);
        w.WriteEndObject();
    }

    private void Read(params string[] paths)
    {
        foreach (var path in paths)
        {
            pending.Add(SampleBlock.Tool("Read", w => w.WriteString("file_path", project.Path(path)), _ => ReadResult(path)));
        }

        Respond(CurrentFile, CurrentModel);
    }

    private SampleToolResult ReadResult(string path)
    {
        if (subagentFile is null)
        {
            filesRead.Add(path);
        }

        var content = files[path].TrimEnd('\n');
        var lines = content.Split('\n');
        var numbered = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            numbered.Append((i + 1).ToString().PadLeft(6)).Append('→').Append(lines[i]).Append('\n');
        }

        var text = numbered.ToString();
        return new SampleToolResult(
            text,
            false,
            w =>
            {
                w.WriteStartObject("toolUseResult");
                w.WriteString("type", "text");
                w.WriteStartObject("file");
                w.WriteString("filePath", project.Path(path));
                w.WriteString("content", content);
                w.WriteNumber("numLines", lines.Length);
                w.WriteNumber("startLine", 1);
                w.WriteNumber("totalLines", lines.Length);
                w.WriteEndObject();
                w.WriteEndObject();
            },
            TimeSpan.FromMilliseconds(random.Next(20, 200)));
    }

    /// <summary>Edits a file; false when Claude Code refuses (the file was not read first in this session).</summary>
    private bool Edit(string path, string oldText, string newText)
    {
        var applied = false;
        pending.Add(SampleBlock.Tool(
            "Edit",
            w =>
            {
                w.WriteBoolean("replace_all", false);
                w.WriteString("file_path", project.Path(path));
                w.WriteString("old_string", oldText);
                w.WriteString("new_string", newText);
            },
            _ =>
            {
                var duration = TimeSpan.FromMilliseconds(random.Next(30, 300));
                if (!filesRead.Contains(path))
                {
                    return SampleToolResult.Error("File has not been read yet. Read it first before writing to it.", duration);
                }

                var original = files[path];
                var at = original.IndexOf(oldText, StringComparison.Ordinal);
                if (at < 0)
                {
                    return SampleToolResult.Error($"String to replace not found in file.\nString: {oldText}", duration);
                }

                files[path] = string.Concat(original.AsSpan(0, at), newText, original.AsSpan(at + oldText.Length));
                edited[path] = edited.GetValueOrDefault(path) + 1;
                if (!backupNames.ContainsKey(path))
                {
                    backupNames[path] = $"{random.NextInt64(0, long.MaxValue):x16}";
                }

                applied = true;
                var startLine = original.AsSpan(0, at).Count('\n') + 1;
                return new SampleToolResult(
                    $"The file {project.Path(path)} has been updated successfully.",
                    false,
                    w => WriteEditResult(w, path, oldText, newText, original, startLine),
                    duration);
            }));
        Respond(CurrentFile, CurrentModel);
        return applied;
    }

    private void WriteEditResult(Utf8JsonWriter w, string path, string oldText, string newText, string original, int startLine)
    {
        var oldLines = oldText.TrimEnd('\n').Split('\n');
        var newLines = newText.TrimEnd('\n').Split('\n');
        w.WriteStartObject("toolUseResult");
        w.WriteString("filePath", project.Path(path));
        w.WriteString("oldString", oldText);
        w.WriteString("newString", newText);
        w.WriteString("originalFile", original);
        w.WriteStartArray("structuredPatch");
        w.WriteStartObject();
        w.WriteNumber("oldStart", startLine);
        w.WriteNumber("oldLines", oldLines.Length);
        w.WriteNumber("newStart", startLine);
        w.WriteNumber("newLines", newLines.Length);
        w.WriteStartArray("lines");
        foreach (var line in oldLines)
        {
            w.WriteStringValue("-" + line);
        }

        foreach (var line in newLines)
        {
            w.WriteStringValue("+" + line);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteBoolean("userModified", false);
        w.WriteBoolean("replaceAll", false);
        w.WriteEndObject();
    }

    private void Grep(string pattern, string glob)
    {
        var matches = files.Keys
            .Where(path => GlobMatches(glob, path) && files[path].Contains(pattern, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(project.Path)
            .ToArray();
        var text = matches.Length == 0
            ? "No files found"
            : $"Found {matches.Length} file{(matches.Length == 1 ? "" : "s")}\n{string.Join('\n', matches)}";
        pending.Add(SampleBlock.Tool(
            "Grep",
            w =>
            {
                w.WriteString("pattern", pattern);
                w.WriteString("path", project.Cwd);
                w.WriteString("glob", glob);
                w.WriteString("output_mode", "files_with_matches");
            },
            _ => new SampleToolResult(
                text,
                false,
                w =>
                {
                    w.WriteStartObject("toolUseResult");
                    w.WriteString("mode", "files_with_matches");
                    WriteStrings(w, "filenames", matches);
                    w.WriteNumber("numFiles", matches.Length);
                    w.WriteEndObject();
                },
                TimeSpan.FromMilliseconds(random.Next(30, 400)))));
        Respond(CurrentFile, CurrentModel);
    }

    private void Glob(string pattern)
    {
        var matches = files.Keys.Where(path => GlobMatches(pattern, path)).Order(StringComparer.Ordinal).Select(project.Path).ToArray();
        var text = matches.Length == 0 ? "No files found" : string.Join('\n', matches);
        var durationMs = random.Next(40, 600);
        pending.Add(SampleBlock.Tool(
            "Glob",
            w => w.WriteString("pattern", pattern),
            _ => new SampleToolResult(
                text,
                false,
                w =>
                {
                    w.WriteStartObject("toolUseResult");
                    WriteStrings(w, "filenames", matches);
                    w.WriteNumber("durationMs", durationMs);
                    w.WriteNumber("numFiles", matches.Length);
                    w.WriteBoolean("truncated", false);
                    w.WriteEndObject();
                },
                TimeSpan.FromMilliseconds(durationMs))));
        Respond(CurrentFile, CurrentModel);
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    /// <summary>A glob as Claude Code's Glob tool takes it: **, *, ? and {a,b}.</summary>
    internal static bool GlobMatches(string glob, string path)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                pattern.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                pattern.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    '{' => "(",
                    '}' => ")",
                    ',' => "|",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return Regex.IsMatch(path, pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    private static string FirstLines(string text, int count)
    {
        var lines = text.Split('\n');
        return string.Join('\n', lines.Take(count));
    }
}
