using System.Text.Json;

namespace Outloop.Ingestion.TaskLog;

/// <summary>What a task log's import carries to the next run: each started task's session and agent, and the last time seen.</summary>
internal sealed record TaskLogState
{
    public Dictionary<string, TaskLogTask> Tasks { get; init; } = new(StringComparer.Ordinal);

    public DateTimeOffset? LastTimestamp { get; init; }

    public static TaskLogState FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new TaskLogState();
        }

        try
        {
            var state = JsonSerializer.Deserialize<TaskLogState>(json);
            return state is null ? new TaskLogState() : state with { Tasks = new Dictionary<string, TaskLogTask>(state.Tasks, StringComparer.Ordinal) };
        }
        catch (JsonException)
        {
            return new TaskLogState();
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this);
}
