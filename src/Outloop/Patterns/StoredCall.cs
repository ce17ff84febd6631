namespace Outloop.Patterns;

/// <summary>One tool call as the pattern engine reads it from the store.</summary>
/// <remarks><c>TaskId</c>: The call's task, or its session id when it has none (the session is then the unit of work).</remarks>
/// <remarks><c>Cwd</c>: The session's working folder, used as the project root for signatures.</remarks>
internal sealed record StoredCall(
    string Id,
    string SessionId,
    string TaskId,
    string Agent,
    string? Name,
    string? StartedAt,
    string? EndedAt,
    string? InputJson,
    string? ResultText,
    string? ErrorText,
    bool? Success,
    long? ResultBytes,
    string? RequestId,
    bool IsSidechain,
    string? Cwd);
