namespace Outloop.Reporting;

/// <summary>Which requests a report covers; null means no limit. Dates are inclusive, in local time.</summary>
public sealed record UsageFilter(
    DateOnly? Since = null,
    DateOnly? Until = null,
    string? Project = null,
    string? Agent = null,
    string? SessionId = null);
