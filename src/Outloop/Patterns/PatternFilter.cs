namespace Outloop.Patterns;

/// <summary>Which patterns to list: one kind, occurrences since a time, of one agent.</summary>
internal sealed record PatternFilter(string Kind, DateTimeOffset? Since = null, string? Agent = null);
