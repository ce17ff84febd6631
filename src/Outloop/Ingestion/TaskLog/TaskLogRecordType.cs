namespace Outloop.Ingestion.TaskLog;

/// <summary>The <c>type</c> of a task-log record.</summary>
internal enum TaskLogRecordType
{
    TaskStart,
    ModelRequest,
    ToolCall,
    FileAccess,
    Iteration,
    Outcome,
    Learning,
}
