namespace Outloop.Patterns;

/// <summary>One task as the pattern engine reads it.</summary>
/// <remarks><c>Outcome</c>: As stored: <c>converged</c>, <c>failed</c>, <c>escalated</c> or <c>unknown</c>.</remarks>
internal sealed record StoredTask(
    string Id,
    string SessionId,
    string Agent,
    string? Description,
    string StartedAt,
    string Outcome,
    bool Interrupted);
