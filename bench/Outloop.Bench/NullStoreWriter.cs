using Outloop.Ingestion;
using Outloop.Storage;

namespace Outloop.Bench;

/// <summary>A writer that keeps nothing, to time an adapter's parsing apart from SQLite.</summary>
internal sealed class NullStoreWriter : IStoreWriter
{
    public long ToolCalls { get; private set; }

    public void UpsertSession(SessionRecord session)
    {
    }

    public void UpsertTask(TaskRecord task)
    {
    }

    public void MarkTaskInterrupted(string taskId)
    {
    }

    public void UpsertModelRequest(ModelRequestRecord request)
    {
    }

    public void UpsertToolCall(ToolCallRecord call) => ToolCalls++;

    public void AddFileAccess(FileAccessRecord access)
    {
    }

    public void UpsertPrompt(PromptRecord prompt)
    {
    }

    public void UpsertIteration(IterationRecord iteration)
    {
    }

    public void UpsertLearning(LearningRecord learning)
    {
    }

    public void AddHookEvent(HookEventRecord hookEvent)
    {
    }

    public void AddTokenSaving(TokenSavingRecord saving)
    {
    }

    public void SaveFileState(FileState state)
    {
    }

    public void AssignOrphansToTasks()
    {
    }

    public void Commit()
    {
    }

    public void Dispose()
    {
    }
}
