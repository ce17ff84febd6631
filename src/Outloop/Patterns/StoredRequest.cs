namespace Outloop.Patterns;

/// <summary>One model request as the pattern engine reads it: what it cost to issue a tool call and to read its result.</summary>
internal sealed record StoredRequest(
    string Id,
    string SessionId,
    string TaskId,
    string Model,
    string Ts,
    long OutputTokens,
    bool IsSidechain,
    string? Speed);
