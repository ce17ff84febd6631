namespace Outloop.Patterns;

/// <summary>
/// One pattern with its computed figures (a row of <c>patterns</c>). Figures a kind does not use are zero.
/// </summary>
/// <remarks><c>Signature</c>: The pattern's key: an operation signature, a sequence <c>a &gt; b</c>, a failure template, a task group.</remarks>
/// <remarks><c>Title</c>: One line for a reader.</remarks>
/// <remarks><c>Occurrences</c>: Tasks the pattern occurred in (counted once per task).</remarks>
/// <remarks><c>Calls</c>: Tool calls (or failures, recoveries) behind the occurrences.</remarks>
/// <remarks><c>LlmTokens</c>: Output tokens issuing the calls plus the result tokens read (see <see cref="OperationCosting"/>).</remarks>
/// <remarks><c>ToolTokens</c>: What the same calls would cost as a script: a short call plus the compact result.</remarks>
/// <remarks><c>Confidence</c>: 0-100; <paramref name="ConfidenceParts"/> is the JSON of its parts.</remarks>
/// <remarks><c>SuccessRate</c>: Share of calls that succeeded, of recoveries that worked, of tasks that converged.</remarks>
/// <remarks><c>Details</c>: Kind-specific JSON (shared files, typical fix, examples...).</remarks>
internal sealed record PatternRecord(
    string Id,
    string Kind,
    string Signature,
    string Title,
    int Occurrences,
    int Tasks,
    int Sessions,
    int Calls,
    long LlmTokens,
    long ToolTokens,
    double LlmCostUsd,
    double ScriptCostUsd,
    double MonthlySavingsUsd,
    int Confidence,
    string? ConfidenceParts,
    double? SuccessRate,
    string? FirstSeen,
    string? LastSeen,
    string Agents,
    string? Details);
