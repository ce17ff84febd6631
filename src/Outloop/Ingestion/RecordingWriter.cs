using System.Runtime.CompilerServices;
using Outloop.Storage;

namespace Outloop.Ingestion;

/// <summary>
/// The writer a whole-file adapter imports into off the store's thread: it keeps the rows in order, in chunks of
/// bounded size, and hands each full chunk to <paramref name="hand"/> (which blocks while the consumer is behind), so
/// a file of any size is parsed on one thread while the store writes what it already parsed on another, and memory
/// stays bounded. <see cref="Replay"/> writes a chunk's rows, in the order they were recorded, into the real writer.
/// </summary>
internal sealed class RecordingWriter(Action<List<RecordingWriter.Row>> hand) : IStoreWriter
{
    /// <summary>A chunk is handed over at this many rows ...</summary>
    private const int ChunkRows = 512;

    /// <summary>... or this many characters of text (stored texts are capped at 64K characters each).</summary>
    private const long ChunkChars = 1 << 20;

    private List<Row> _rows = new(ChunkRows);
    private long _chars;

    /// <summary>What to write, one of the record types below (a string for a task id to mark interrupted).</summary>
    internal readonly record struct Row(RowKind Kind, object Value);

    internal enum RowKind
    {
        Session,
        Task,
        Interrupted,
        ModelRequest,
        ToolCall,
        FileAccess,
        Prompt,
        Iteration,
        Learning,
        HookEvent,
        TokenSaving,
    }

    // Per line or per row: optimised at its first call (see CodexRollout.Apply).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Replay(List<Row> rows, IStoreWriter writer)
    {
        foreach (var row in rows)
        {
            switch (row.Kind)
            {
                case RowKind.Session: writer.UpsertSession((SessionRecord)row.Value); break;
                case RowKind.Task: writer.UpsertTask((TaskRecord)row.Value); break;
                case RowKind.Interrupted: writer.MarkTaskInterrupted((string)row.Value); break;
                case RowKind.ModelRequest: writer.UpsertModelRequest((ModelRequestRecord)row.Value); break;
                case RowKind.ToolCall: writer.UpsertToolCall((ToolCallRecord)row.Value); break;
                case RowKind.FileAccess: writer.AddFileAccess((FileAccessRecord)row.Value); break;
                case RowKind.Prompt: writer.UpsertPrompt((PromptRecord)row.Value); break;
                case RowKind.Iteration: writer.UpsertIteration((IterationRecord)row.Value); break;
                case RowKind.Learning: writer.UpsertLearning((LearningRecord)row.Value); break;
                case RowKind.HookEvent: writer.AddHookEvent((HookEventRecord)row.Value); break;
                case RowKind.TokenSaving: writer.AddTokenSaving((TokenSavingRecord)row.Value); break;
                default: throw new NotSupportedException($"Unknown recorded row {row.Kind}.");
            }
        }
    }

    /// <summary>Hands over the rows not yet handed over (at the end of the file).</summary>
    public void Flush()
    {
        if (_rows.Count > 0)
        {
            hand(_rows);
            _rows = new List<Row>(ChunkRows);
            _chars = 0;
        }
    }

    public void UpsertSession(SessionRecord session) => Add(RowKind.Session, session, 0);

    public void UpsertTask(TaskRecord task) => Add(RowKind.Task, task, task.Description?.Length ?? 0);

    public void MarkTaskInterrupted(string taskId) => Add(RowKind.Interrupted, taskId, 0);

    public void UpsertModelRequest(ModelRequestRecord request) => Add(RowKind.ModelRequest, request, 0);

    public void UpsertToolCall(ToolCallRecord call) =>
        Add(RowKind.ToolCall, call, (call.InputJson?.Length ?? 0) + (call.ResultText?.Length ?? 0) + (call.ErrorText?.Length ?? 0));

    public void AddFileAccess(FileAccessRecord access) => Add(RowKind.FileAccess, access, 0);

    public void UpsertPrompt(PromptRecord prompt) => Add(RowKind.Prompt, prompt, prompt.Text.Length);

    public void UpsertIteration(IterationRecord iteration) => Add(RowKind.Iteration, iteration, 0);

    public void UpsertLearning(LearningRecord learning) => Add(RowKind.Learning, learning, 0);

    public void AddHookEvent(HookEventRecord hookEvent) => Add(RowKind.HookEvent, hookEvent, 0);

    public void AddTokenSaving(TokenSavingRecord saving) => Add(RowKind.TokenSaving, saving, 0);

    // An adapter writes rows only: the file state, transactions and the orphan pass belong to the importer.
    public void SaveFileState(FileState state) => throw new NotSupportedException("An adapter returns its file state; the importer saves it.");

    public void AssignOrphansToTasks() => throw new NotSupportedException("The importer assigns orphans after all files.");

    public void Commit() => throw new NotSupportedException("The importer owns the transaction.");

    public void Dispose()
    {
    }

    private void Add(RowKind kind, object value, int chars)
    {
        _rows.Add(new Row(kind, value));
        _chars += chars + 64;
        if (_rows.Count >= ChunkRows || _chars >= ChunkChars)
        {
            Flush();
        }
    }
}
