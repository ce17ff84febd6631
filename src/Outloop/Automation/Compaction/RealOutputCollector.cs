using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Outloop.Outputs;

namespace Outloop.Automation.Compaction;

/// <summary>
/// Finds the outputs of test, build, lint and install commands in recorded agent sessions: Claude Code
/// transcripts (Bash results), SWE-agent and mini-swe-agent trajectories (observations), OpenHands event
/// streams (<c>run</c> observations). Used to measure <see cref="OutputCompactor"/> on real outputs.
/// </summary>
internal static partial class RealOutputCollector
{
    /// <summary>Every tool-run output under <paramref name="dataRoot"/> (the shared data folder's layout).</summary>
    public static List<RealOutput> Collect(string dataRoot)
    {
        var found = new List<RealOutput>();
        Claude(Path.Combine(dataRoot, "claude"), found);
        MiniSweAgent(Path.Combine(dataRoot, "mini-swe-agent"), found);
        SweAgent(Path.Combine(dataRoot, "swe-agent"), found);
        OpenHands(Path.Combine(dataRoot, "openhands"), found);
        return found.Where(o => IsToolRun(o.Command)).ToList();
    }

    /// <summary>True for commands that run a test suite, a build, a linter or an installer.</summary>
    public static bool IsToolRun(string command) =>
        RunnerDetector.FromCommand(command).Count > 0 || command.Split(["&&", "||", ";", "\n"], StringSplitOptions.None).Any(s => ToolStep().IsMatch(s));

    private static void Claude(string root, List<RealOutput> found)
    {
        foreach (var file in Files(root, "*.jsonl"))
        {
            var commands = new Dictionary<string, string>(StringComparer.Ordinal);
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (Parse(line) is not { } doc)
                {
                    continue;
                }

                using (doc)
                {
                    var root2 = doc.RootElement;
                    if (!root2.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object
                        || !message.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array)
                    {
                        continue;
                    }

                    foreach (var block in content.EnumerateArray())
                    {
                        var type = Text(block, "type");
                        if (type == "tool_use" && Text(block, "name") == "Bash" && block.TryGetProperty("input", out var input))
                        {
                            commands[Text(block, "id") ?? string.Empty] = Text(input, "command") ?? string.Empty;
                        }
                        else if (type == "tool_result" && commands.TryGetValue(Text(block, "tool_use_id") ?? string.Empty, out var command))
                        {
                            var (output, exit) = ClaudeResult(root2, block);
                            found.Add(new RealOutput($"{file}:{number}", command, output, exit));
                        }
                    }
                }
            }
        }
    }

    private static (string Output, int? ExitCode) ClaudeResult(JsonElement record, JsonElement block)
    {
        var isError = block.TryGetProperty("is_error", out var e) && e.ValueKind == JsonValueKind.True;
        if (record.TryGetProperty("toolUseResult", out var result))
        {
            if (result.ValueKind == JsonValueKind.Object)
            {
                var stdout = Text(result, "stdout") ?? string.Empty;
                var stderr = Text(result, "stderr") ?? string.Empty;
                return (stderr.Length == 0 ? stdout : $"{stdout}\n{stderr}", isError ? 1 : 0);
            }

            if (result.ValueKind == JsonValueKind.String && ExitPrefix().Match(result.GetString()!) is { Success: true } m)
            {
                return (result.GetString()![m.Length..], int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }

        var content = block.TryGetProperty("content", out var c) ? c : default;
        var text = content.ValueKind switch
        {
            JsonValueKind.String => content.GetString()!,
            JsonValueKind.Array => string.Join('\n', content.EnumerateArray().Select(p => Text(p, "text") ?? string.Empty)),
            _ => string.Empty,
        };
        var prefix = ExitPrefix().Match(text);
        return prefix.Success
            ? (text[prefix.Length..], int.Parse(prefix.Groups[1].Value, CultureInfo.InvariantCulture))
            : (text, isError ? 1 : 0);
    }

    private static void MiniSweAgent(string root, List<RealOutput> found)
    {
        foreach (var file in Files(Path.Combine(root, "trajs"), "*.json"))
        {
            using var doc = ParseFile(file);
            if (doc is null || !doc.RootElement.TryGetProperty("messages", out var messages))
            {
                continue;
            }

            var list = messages.EnumerateArray().ToList();
            for (var i = 0; i + 1 < list.Count; i++)
            {
                if (Text(list[i], "role") != "assistant" || BashBlock().Match(Text(list[i], "content") ?? string.Empty) is not { Success: true } bash)
                {
                    continue;
                }

                var observation = Text(list[i + 1], "content") ?? string.Empty;
                var code = ReturnCode().Match(observation);
                var output = string.Join('\n', Tagged().Matches(observation).Select(m => m.Groups["body"].Value.Trim('\n')));
                found.Add(new RealOutput($"{file}:{i + 1}", bash.Groups[1].Value.Trim(), output,
                    code.Success ? int.Parse(code.Groups[1].Value, CultureInfo.InvariantCulture) : null));
            }
        }
    }

    private static void SweAgent(string root, List<RealOutput> found)
    {
        foreach (var file in Files(root, "*.traj"))
        {
            using var doc = ParseFile(file);
            if (doc is null || !doc.RootElement.TryGetProperty("trajectory", out var steps))
            {
                continue;
            }

            var n = 0;
            foreach (var step in steps.EnumerateArray())
            {
                n++;
                found.Add(new RealOutput($"{file}:{n}", Text(step, "action") ?? string.Empty, Text(step, "observation") ?? string.Empty, null));
            }
        }
    }

    private static void OpenHands(string root, List<RealOutput> found)
    {
        foreach (var file in Files(root, "*.jsonl"))
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                using var doc = Parse(line);
                if (doc is not null && doc.RootElement.TryGetProperty("history", out var history))
                {
                    OpenHandsEvents(history, $"{file}:{number}", found);
                }
            }
        }

        foreach (var file in Files(root, "*.json"))
        {
            using var doc = ParseFile(file);
            if (doc?.RootElement.ValueKind == JsonValueKind.Array)
            {
                OpenHandsEvents(doc.RootElement, file, found);
            }
        }
    }

    private static void OpenHandsEvents(JsonElement events, string source, List<RealOutput> found)
    {
        if (events.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var e in events.EnumerateArray())
        {
            if (Text(e, "observation") != "run" || !e.TryGetProperty("extras", out var extras))
            {
                continue;
            }

            int? exit = extras.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("exit_code", out var x) && x.ValueKind == JsonValueKind.Number ? x.GetInt32() : null;
            found.Add(new RealOutput($"{source}#{(e.TryGetProperty("id", out var id) ? id.ToString() : "?")}",
                Text(extras, "command") ?? string.Empty, Text(e, "content") ?? string.Empty, exit));
        }
    }

    private static IEnumerable<string> Files(string root, string pattern) =>
        Directory.Exists(root) ? Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [];

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static JsonDocument? Parse(string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonDocument? ParseFile(string file)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(?:Error: )?Exit code (\d+)\n")]
    private static partial Regex ExitPrefix();

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"<returncode>(-?\d+)</returncode>")]
    private static partial Regex ReturnCode();

    // mini-swe-agent shows short outputs in <output> and long ones as <output_head> ... <output_tail>.
    [GeneratedRegex(@"<(?<tag>output|output_head|output_tail)>(?<body>.*?)</\k<tag>>", RegexOptions.Singleline)]
    private static partial Regex Tagged();

    // Build tools and test scripts the runner table does not name: make, tox, sympy's bin/test, a test script.
    [GeneratedRegex(@"^\s*([A-Za-z_]+=\S*\s+)*(\S*/)?(make|cmake|ninja|tox|nox|bazel|ant|sphinx-build|mix|npm|pnpm|yarn|test|runtests\.py|(python[\d.]*|node)\s+(-\S+\s+)*\S*(test|build)\S*)(\s|$)")]
    private static partial Regex ToolStep();
}
