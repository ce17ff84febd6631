namespace Outloop.Patterns;

/// <summary>One lifecycle change of a pattern (a row of <c>pattern_status_history</c>).</summary>
internal sealed record StatusChange(string PatternId, string Status, string ChangedBy, DateTimeOffset ChangedAt, string? Note);
