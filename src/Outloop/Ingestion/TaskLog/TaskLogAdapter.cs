using System.Text.Json;
using Outloop.Storage;

namespace Outloop.Ingestion.TaskLog;

/// <summary>
/// The generic task log (<c>docs/tasklog.md</c>, <c>docs/tasklog.schema.json</c>): one JSON object per line with a
/// <c>type</c> of <c>task_start</c>, <c>model_request</c>, <c>tool_call</c>, <c>file_access</c>, <c>iteration</c>,
/// <c>outcome</c> or <c>learning</c>. Any pipeline writes it in a few lines; every field lands in the store. Lines are
/// parsed in parallel (<see cref="TaskLogLine"/>) and applied in order (<see cref="TaskLogRun"/>).
/// </summary>
internal sealed class TaskLogAdapter : ILineAdapter
{
    public const string Agent = "tasklog";

    public string Format => "tasklog";

    public bool CanRead(string path, ReadOnlySpan<byte> head)
    {
        if (path.EndsWith(".tasklog.jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var newline = head.IndexOf((byte)'\n');
        var first = (newline < 0 ? head : head[..newline]).Trim(" \t\r"u8);
        if (first.Length == 0 || first[0] != (byte)'{')
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(first);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("type", out var type)
                && type.ValueKind == JsonValueKind.String
                && TaskLogLine.TypeNames.Contains(type.GetString())
                && document.RootElement.TryGetProperty(type.GetString() == "task_start" ? "id" : "task", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public FileState Import(SourceFile file, IStoreWriter writer, ImportLog log) => LineImport.Sequential(this, file, writer, log);

    public object? Parse(ReadOnlyMemory<byte> line) => TaskLogLine.Parse(line);

    public ILineApplier Open(SourceFile file) => new TaskLogRun(file.Path, TaskLogState.FromJson(file.State?.ParserState));
}
