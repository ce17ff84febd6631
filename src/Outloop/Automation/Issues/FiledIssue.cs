namespace Outloop.Automation.Issues;

/// <summary>What filing one draft did: <see cref="Outcome"/> is <c>filed</c>, <c>found</c> (an earlier issue on
/// GitHub carried the pattern's marker) or <c>recorded</c> (the store already knew the issue).</summary>
internal sealed record FiledIssue(string PatternId, int Number, string? Url, string Outcome);
