using System.Text.Json;
using System.Text.RegularExpressions;
using Outloop.Patterns.Signatures;

namespace Outloop.Tests.Patterns.Signatures;

/// <summary>
/// The real tool calls found in <c>../shared/data</c>: Claude Code tool_use blocks (with each record's cwd), Codex
/// function calls, SWE-agent actions, mini-swe-agent bash blocks and OpenHands actions.
/// </summary>
internal static partial class RealToolCalls
{
    /// <summary>The shared data folder, or null when this checkout has none.</summary>
    public static string? DataFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Outloop.slnx")))
        {
            folder = folder.Parent;
        }

        if (folder?.Parent is null)
        {
            return null;
        }

        var data = Path.Combine(folder.Parent.FullName, "shared", "data");
        return Directory.Exists(data) ? data : null;
    }

    public static List<(string Source, ToolInvocation Call)> Load(string data)
    {
        var calls = new List<(string, ToolInvocation)>();
        LoadClaude(Path.Combine(data, "claude"), calls);
        LoadCodex(Path.Combine(data, "codex"), calls);
        LoadSweAgent(Path.Combine(data, "swe-agent"), calls);
        LoadMiniSweAgent(Path.Combine(data, "mini-swe-agent"), calls);
        LoadOpenHands(Path.Combine(data, "openhands"), calls);
        return calls;
    }

    private static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [];

    private static void LoadClaude(string folder, List<(string, ToolInvocation)> calls)
    {
        foreach (var file in Files(folder, "*.jsonl"))
        {
            var project = Path.GetFileName(Path.GetDirectoryName(file.Contains("/subagents/", StringComparison.Ordinal) ? Path.GetDirectoryName(Path.GetDirectoryName(file))! : file)!);
            foreach (var line in File.ReadLines(file))
            {
                if (!line.Contains("\"tool_use\"", StringComparison.Ordinal))
                {
                    continue;
                }

                using var document = TryParse(line);
                if (document is null || !document.RootElement.TryGetProperty("message", out var message)
                    || !message.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                var cwd = document.RootElement.TryGetProperty("cwd", out var c) ? c.GetString() : null;
                foreach (var block in content.EnumerateArray())
                {
                    if (block.TryGetProperty("type", out var type) && type.GetString() == "tool_use")
                    {
                        var name = block.GetProperty("name").GetString() ?? string.Empty;
                        var input = block.TryGetProperty("input", out var i) ? i : default;
                        var command = name == "Bash" && input.ValueKind == JsonValueKind.Object && input.TryGetProperty("command", out var cmd) ? cmd.GetString() : null;
                        calls.Add(("claude:" + project, new ToolInvocation("claude", name, input.ValueKind == JsonValueKind.Undefined ? null : input.GetRawText(), command, cwd, null)));
                    }
                }
            }
        }
    }

    private static void LoadCodex(string folder, List<(string, ToolInvocation)> calls)
    {
        foreach (var file in Files(folder, "*.jsonl"))
        {
            string? cwd = null;
            foreach (var line in File.ReadLines(file))
            {
                using var document = TryParse(line);
                if (document is null || !document.RootElement.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (payload.TryGetProperty("cwd", out var c) && c.ValueKind == JsonValueKind.String)
                {
                    cwd = c.GetString();
                }

                var type = payload.TryGetProperty("type", out var t) ? t.GetString() : null;
                if (type is "function_call" or "custom_tool_call" or "local_shell_call")
                {
                    var name = payload.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : type;
                    var arguments = payload.TryGetProperty("arguments", out var a) ? a.GetString() : payload.TryGetProperty("input", out var inp) ? inp.GetString() : null;
                    calls.Add(("codex", new ToolInvocation("codex", name, arguments, null, cwd, null)));
                }
            }
        }
    }

    private static void LoadSweAgent(string folder, List<(string, ToolInvocation)> calls)
    {
        foreach (var file in Files(folder, "*.traj"))
        {
            using var document = TryParse(File.ReadAllText(file));
            if (document is null || !document.RootElement.TryGetProperty("trajectory", out var trajectory) || trajectory.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var step in trajectory.EnumerateArray())
            {
                if (step.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(action.GetString()))
                {
                    calls.Add(("swe-agent", new ToolInvocation("swe-agent", string.Empty, null, action.GetString(), null, null)));
                }
            }
        }
    }

    private static void LoadMiniSweAgent(string folder, List<(string, ToolInvocation)> calls)
    {
        foreach (var file in Files(folder, "*.traj.json"))
        {
            using var document = TryParse(File.ReadAllText(file));
            if (document is null || !document.RootElement.TryGetProperty("messages", out var messages))
            {
                continue;
            }

            foreach (var message in messages.EnumerateArray())
            {
                if (message.TryGetProperty("role", out var role) && role.GetString() == "assistant"
                    && message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
                {
                    foreach (Match match in BashBlock().Matches(content.GetString()!))
                    {
                        calls.Add(("mini-swe-agent", new ToolInvocation("mini-swe-agent", "bash", null, match.Groups[1].Value, "/testbed", "/testbed")));
                    }
                }
            }
        }
    }

    private static void LoadOpenHands(string folder, List<(string, ToolInvocation)> calls)
    {
        foreach (var file in Files(folder, "*.json").Concat(Files(folder, "*.jsonl")))
        {
            var documents = file.EndsWith(".jsonl", StringComparison.Ordinal)
                ? File.ReadLines(file).Select(TryParse)
                : [TryParse(File.ReadAllText(file))];
            foreach (var document in documents)
            {
                using (document)
                {
                    if (document is null)
                    {
                        continue;
                    }

                    var events = document.RootElement.ValueKind == JsonValueKind.Array
                        ? document.RootElement
                        : document.RootElement.TryGetProperty("history", out var history) ? history : default;
                    if (events.ValueKind != JsonValueKind.Array)
                    {
                        continue;
                    }

                    foreach (var e in events.EnumerateArray())
                    {
                        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.String)
                        {
                            continue;
                        }

                        var args = e.TryGetProperty("args", out var a) ? a : default;
                        var command = action.GetString() == "run" && args.ValueKind == JsonValueKind.Object && args.TryGetProperty("command", out var cmd) ? cmd.GetString() : null;
                        calls.Add(("openhands", new ToolInvocation("openhands", action.GetString()!, args.ValueKind == JsonValueKind.Object ? args.GetRawText() : null, command, "/workspace", null)));
                    }
                }
            }
        }
    }

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("```(?:bash|sh)\\s*\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
