using System.Globalization;
using Outloop.Storage;

namespace Outloop.Ingestion.TaskLog;

/// <summary>
/// Applies the parsed lines of one task-log file in order. A task's row (its start, iterations and outcome) is merged
/// in memory and written once per task at <see cref="Flush"/>, in the order the tasks were first seen (so in the
/// same row order), with the same result as upserting it line by line: each field keeps the last value given, as
/// the store's upsert does, and a row that exists keeps its session, agent and start.
/// </summary>
internal sealed class TaskLogRun(string path, TaskLogState state) : ILineApplier
{
    private readonly Dictionary<string, SessionSpan> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskRecord> _taskUpdates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _iterations = new(StringComparer.Ordinal);
    private readonly string _defaultSession = "tasklog:" + System.IO.Path.GetFileNameWithoutExtension(path);
    private DateTimeOffset? _last = state.LastTimestamp;

    public string? Apply(object parsed, long lineNumber, IStoreWriter writer)
    {
        var record = (TaskLogLine)parsed;
        if (record.Error is { } error)
        {
            return error;
        }

        if (record.Time is { } time)
        {
            _last = time;
        }

        if (record.Type == TaskLogRecordType.TaskStart)
        {
            return record.Violation ?? TaskStart(record, writer);
        }

        if (record.Task is not { } taskId)
        {
            return $"{record.TypeName} needs a task (the id of its task_start)";
        }

        var task = Task(taskId, record);
        if (record.Violation is { } violation)
        {
            return violation;
        }

        var at = _last;
        switch (record.Type)
        {
            case TaskLogRecordType.ModelRequest:
                writer.UpsertModelRequest(new ModelRequestRecord(
                    record.Id ?? DefaultId(taskId, lineNumber), task.SessionId, taskId, task.Agent, record.Model!, at ?? task.StartedAt,
                    record.Tokens, SourceCostUsd: record.CostUsd));
                break;
            case TaskLogRecordType.ToolCall:
                writer.UpsertToolCall(new ToolCallRecord(
                    record.Id ?? DefaultId(taskId, lineNumber), task.SessionId, taskId, task.Agent, record.Name, at ?? task.StartedAt,
                    record.InputJson, record.Output, record.ErrorText, record.Success, record.DurationMs, record.OutputBytes,
                    EndedAt: at is { } end && record.DurationMs is { } duration ? end.AddMilliseconds(duration) : null));
                break;
            case TaskLogRecordType.FileAccess:
                writer.AddFileAccess(new FileAccessRecord(record.ToolCall ?? taskId, task.SessionId, taskId, record.Path!, record.Kind, at));
                break;
            case TaskLogRecordType.Iteration:
                writer.UpsertIteration(new IterationRecord(taskId, task.SessionId, record.Number, record.Passed, at));
                var iterations = Math.Max(record.Number, _iterations.GetValueOrDefault(taskId));
                _iterations[taskId] = iterations;
                Update(new TaskRecord(taskId, task.SessionId, task.Agent, null, task.StartedAt, Iterations: iterations));
                break;
            case TaskLogRecordType.Outcome:
                Update(new TaskRecord(
                    taskId, task.SessionId, task.Agent, null, task.StartedAt, Outcome: record.Outcome,
                    OutcomeEvidence: record.Evidence, Score: record.Score));
                break;
            case TaskLogRecordType.Learning:
                writer.UpsertLearning(new LearningRecord(record.Id ?? DefaultId(taskId, lineNumber), task.SessionId, taskId, task.Agent, record.Text!, at));
                break;
        }

        Touch(task.SessionId, task.Agent, at ?? task.StartedAt);
        return null;
    }

    public string? Flush(IStoreWriter writer)
    {
        foreach (var update in _taskUpdates.Values)
        {
            writer.UpsertTask(update);
        }

        _taskUpdates.Clear();
        foreach (var (id, span) in _sessions)
        {
            writer.UpsertSession(new SessionRecord(id, span.Agent, null, null, span.Start, span.End));
        }

        return (state with { LastTimestamp = _last }).ToJson();
    }

    private static string DefaultId(string taskId, long lineNumber) => taskId + ":" + lineNumber.ToString(CultureInfo.InvariantCulture);

    private string? TaskStart(TaskLogLine record, IStoreWriter writer)
    {
        var id = record.Id!;
        var time = record.Time!.Value;
        var session = record.Session ?? _defaultSession;
        var agent = record.Agent ?? TaskLogAdapter.Agent;
        var span = Touch(session, agent, time);
        if ((record.Project is not null && !span.HasProject) || (record.Cwd is not null && !span.HasCwd))
        {
            // The first project and working folder of a session win (the store keeps them); later ones change nothing.
            writer.UpsertSession(new SessionRecord(session, agent, record.Project, record.Cwd, time, time));
            span.HasProject |= record.Project is not null;
            span.HasCwd |= record.Cwd is not null;
        }

        Update(new TaskRecord(id, session, agent, record.Description, time, WorkflowType: record.Workflow));
        if (record.Description is { } description)
        {
            writer.UpsertPrompt(new PromptRecord(id, session, id, description, time));
        }

        state.Tasks[id] = new TaskLogTask(session, agent, time);
        return null;
    }

    /// <summary>The task a record points at; a task never started gets one in the default session, started now.</summary>
    private TaskLogTask Task(string taskId, TaskLogLine record)
    {
        if (state.Tasks.TryGetValue(taskId, out var task))
        {
            return task;
        }

        var started = record.Time ?? _last ?? DateTimeOffset.UnixEpoch;
        task = new TaskLogTask(record.Session ?? _defaultSession, TaskLogAdapter.Agent, started);
        Update(new TaskRecord(taskId, task.SessionId, task.Agent, null, started));
        state.Tasks[taskId] = task;
        return task;
    }

    /// <summary>Merges a record of a task into what is pending for its row, field by field as the store's upsert would.</summary>
    private void Update(TaskRecord update)
    {
        if (!_taskUpdates.TryGetValue(update.Id, out var pending))
        {
            _taskUpdates[update.Id] = update;
            return;
        }

        _taskUpdates[update.Id] = pending with
        {
            Description = update.Description ?? pending.Description,
            Interrupted = pending.Interrupted || update.Interrupted,
            Outcome = update.Outcome != TaskOutcome.Unknown ? update.Outcome : pending.Outcome,
            OutcomeEvidence = update.OutcomeEvidence ?? pending.OutcomeEvidence,
            WorkflowType = update.WorkflowType ?? pending.WorkflowType,
            Score = update.Score ?? pending.Score,
            Iterations = update.Iterations ?? pending.Iterations,
        };
    }

    private SessionSpan Touch(string session, string agent, DateTimeOffset time)
    {
        if (!_sessions.TryGetValue(session, out var span))
        {
            span = new SessionSpan(agent, time, time);
            _sessions[session] = span;
            return span;
        }

        if (time < span.Start)
        {
            span.Start = time;
        }

        if (time > span.End)
        {
            span.End = time;
        }

        return span;
    }

    /// <summary>The times seen of one session in this run, and whether its project and folder were written.</summary>
    private sealed class SessionSpan(string agent, DateTimeOffset start, DateTimeOffset end)
    {
        public string Agent { get; } = agent;

        public DateTimeOffset Start { get; set; } = start;

        public DateTimeOffset End { get; set; } = end;

        public bool HasProject { get; set; }

        public bool HasCwd { get; set; }
    }
}
