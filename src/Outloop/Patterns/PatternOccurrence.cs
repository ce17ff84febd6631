namespace Outloop.Patterns;

/// <summary>
/// One task in which a pattern occurred (a row of <c>pattern_occurrences</c>, unique per pattern and task): the
/// first call that showed it, how many calls did, and their token figures.
/// </summary>
internal sealed record PatternOccurrence(
    string PatternId,
    string TaskId,
    string SessionId,
    string Agent,
    string? ToolCallId,
    string? Ts,
    int Calls,
    long LlmTokens = 0,
    long ToolTokens = 0,
    double LlmCostUsd = 0,
    double ScriptCostUsd = 0,
    string? Detail = null);
