using Outloop.Ingestion;

namespace Outloop.Storage;

/// <summary>
/// One write transaction. Every method is idempotent: writing the same record again changes nothing, so an
/// import that is killed and run again, or that sees the same line twice, leaves the same store.
/// </summary>
internal interface IStoreWriter : IDisposable
{
    void UpsertSession(SessionRecord session);

    void UpsertTask(TaskRecord task);

    void MarkTaskInterrupted(string taskId);

    /// <summary>Keeps one row per id with the larger of each counter; a sidechain replay of a main-chain request is ignored.</summary>
    void UpsertModelRequest(ModelRequestRecord request);

    /// <summary>Merges what this record knows into the tool call's row (null fields keep the row's value).</summary>
    void UpsertToolCall(ToolCallRecord call);

    void AddFileAccess(FileAccessRecord access);

    void UpsertPrompt(PromptRecord prompt);

    /// <summary>Keeps one row per (task, iteration number); a later record's verdict replaces an earlier one.</summary>
    void UpsertIteration(IterationRecord iteration);

    void UpsertLearning(LearningRecord learning);

    void AddHookEvent(HookEventRecord hookEvent);

    /// <summary>One row per act; the same id again changes nothing.</summary>
    void AddTokenSaving(TokenSavingRecord saving);

    void SaveFileState(FileState state);

    /// <summary>Gives rows without a task (subagent runs, hook events) the task of their session that was running at their time.</summary>
    void AssignOrphansToTasks();

    void Commit();

    // Default bodies keep writers that never share a transaction across files (bench doubles) compiling.

    /// <summary>Marks where one source file's rows start inside the transaction (one mark at a time).</summary>
    void BeginSavepoint() => throw new NotSupportedException("This store writer has no savepoints.");

    /// <summary>Undoes everything written since <see cref="BeginSavepoint"/> and drops the mark.</summary>
    void RollbackSavepoint() => throw new NotSupportedException("This store writer has no savepoints.");

    /// <summary>Keeps everything written since <see cref="BeginSavepoint"/> and drops the mark.</summary>
    void ReleaseSavepoint() => throw new NotSupportedException("This store writer has no savepoints.");
}
