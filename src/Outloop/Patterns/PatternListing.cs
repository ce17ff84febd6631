namespace Outloop.Patterns;

/// <summary>
/// A pattern as listed: its stored record and status, with occurrences, tasks, sessions and token figures recounted
/// from the occurrences the filter keeps (equal to the stored figures without a filter).
/// </summary>
internal sealed record PatternListing(PatternRecord Pattern, string Status, int Occurrences, int Sessions, long LlmTokens, long ToolTokens);
