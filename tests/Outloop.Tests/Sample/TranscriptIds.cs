using System.Text.Json;

namespace Outloop.Tests.Sample;

/// <summary>The ids a transcript line carries in its fields, read with a JSON parser.</summary>
public static class TranscriptIds
{
    private static readonly HashSet<string> IdFields = new(StringComparer.Ordinal)
    {
        "uuid", "parentUuid", "logicalParentUuid", "leafUuid", "sessionId", "requestId", "messageId", "agentId",
        "tool_use_id", "sourceToolAssistantUUID", "toolUseID", "parentToolUseID",
    };

    public static IEnumerable<string> Of(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var ids = new List<string>();
        Collect(doc.RootElement, ids);
        return ids;
    }

    public static HashSet<string> OfFiles(IEnumerable<string> files) =>
        [.. files.SelectMany(File.ReadLines).SelectMany(Of)];

    private static void Collect(JsonElement element, List<string> ids)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, ids);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    var value = property.Value.GetString()!;
                    var isId = IdFields.Contains(property.Name)
                        || (property.Name == "id" && (value.StartsWith("msg_", StringComparison.Ordinal) || value.StartsWith("toolu_", StringComparison.Ordinal)));
                    // Progress lines label themselves "bash-progress-N" or "task-output-waiting-<ms>": UI labels, not ids.
                    var label = value.StartsWith("bash-progress-", StringComparison.Ordinal) || value.StartsWith("task-output-waiting-", StringComparison.Ordinal);
                    if (isId && value.Length > 0 && !label)
                    {
                        ids.Add(value);
                    }
                }
                else
                {
                    Collect(property.Value, ids);
                }
            }
        }
    }
}
