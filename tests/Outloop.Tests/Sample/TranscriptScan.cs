using System.Text.Json;

namespace Outloop.Tests.Sample;

/// <summary>Counts written straight from transcript files, independently of the code that wrote them.</summary>
public sealed record TranscriptScan(
    int Files,
    long Lines,
    int Sessions,
    int SubagentFiles,
    int HumanPrompts,
    int Interruptions,
    int ToolUses,
    int ToolResults,
    int ErrorResults,
    int AssistantLines,
    int DistinctMessages,
    long InputTokens,
    long OutputTokens,
    long CacheCreationTokens,
    long CacheReadTokens,
    IReadOnlyDictionary<string, int> BashCommands,
    IReadOnlySet<string> UnpairedToolUses)
{
    public static TranscriptScan Of(string projectsFolder)
    {
        var files = Directory.EnumerateFiles(projectsFolder, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        long lines = 0;
        int prompts = 0, interruptions = 0, toolUses = 0, toolResults = 0, errors = 0, assistantLines = 0;
        var usage = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var bash = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var useIds = new HashSet<string>(StringComparer.Ordinal);
        var resultIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                lines++;
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var type = root.GetProperty("type").GetString();
                if (type == "user")
                {
                    var content = root.GetProperty("message").GetProperty("content");
                    var sidechain = root.GetProperty("isSidechain").GetBoolean();
                    if (content.ValueKind == JsonValueKind.String)
                    {
                        if (!sidechain && !Flag(root, "isMeta") && !Flag(root, "isCompactSummary"))
                        {
                            prompts++;
                        }

                        continue;
                    }

                    foreach (var block in content.EnumerateArray())
                    {
                        var blockType = block.GetProperty("type").GetString();
                        if (blockType == "tool_result")
                        {
                            toolResults++;
                            resultIds.Add(block.GetProperty("tool_use_id").GetString()!);
                            if (Flag(block, "is_error"))
                            {
                                errors++;
                            }
                        }
                        else if (blockType == "text" && block.GetProperty("text").GetString()!.StartsWith("[Request interrupted by user", StringComparison.Ordinal))
                        {
                            interruptions++;
                        }
                    }
                }
                else if (type == "assistant")
                {
                    assistantLines++;
                    var message = root.GetProperty("message");
                    var key = message.GetProperty("id").GetString() + "/" + root.GetProperty("requestId").GetString();
                    var u = message.GetProperty("usage");
                    long[] counts =
                    [
                        u.GetProperty("input_tokens").GetInt64(),
                        u.GetProperty("output_tokens").GetInt64(),
                        u.GetProperty("cache_creation_input_tokens").GetInt64(),
                        u.GetProperty("cache_read_input_tokens").GetInt64(),
                    ];
                    usage[key] = usage.TryGetValue(key, out var seen) ? [.. seen.Zip(counts, Math.Max)] : counts;
                    foreach (var block in message.GetProperty("content").EnumerateArray())
                    {
                        if (block.GetProperty("type").GetString() == "tool_use")
                        {
                            toolUses++;
                            useIds.Add(block.GetProperty("id").GetString()!);
                            if (block.GetProperty("name").GetString() == "Bash")
                            {
                                var command = block.GetProperty("input").GetProperty("command").GetString()!;
                                bash[command] = bash.GetValueOrDefault(command) + 1;
                            }
                        }
                    }
                }
            }
        }

        useIds.SymmetricExceptWith(resultIds);
        var subagents = files.Count(f => Path.GetFileName(Path.GetDirectoryName(f)) == "subagents");
        return new TranscriptScan(
            files.Count,
            lines,
            files.Count - subagents,
            subagents,
            prompts,
            interruptions,
            toolUses,
            toolResults,
            errors,
            assistantLines,
            usage.Count,
            usage.Values.Sum(v => v[0]),
            usage.Values.Sum(v => v[1]),
            usage.Values.Sum(v => v[2]),
            usage.Values.Sum(v => v[3]),
            bash,
            useIds);
    }

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
