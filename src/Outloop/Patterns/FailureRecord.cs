namespace Outloop.Patterns;

/// <summary>One failed tool call and the template its salient error line belongs to (a row of <c>failures</c>).</summary>
/// <remarks><c>Source</c>: <c>error</c> for a failed call, <c>output</c> for failing test or build output of a call that exited 0.</remarks>
/// <remarks><c>Line</c>: The salient error line the miner saw.</remarks>
internal sealed record FailureRecord(
    string ToolCallId,
    string TemplateId,
    string TaskId,
    string SessionId,
    string? Ts,
    string Signature,
    string? ToolName,
    string Source,
    string Line);
