namespace Outloop.Patterns;

/// <summary>
/// A pattern's lifecycle: <c>detected -> candidate -> approved -> implemented -> active -> deprecated</c>, plus
/// <c>quarantined</c>. The engine only ever sets <c>detected</c>; people and the automation stage move it on.
/// </summary>
internal static class PatternStatus
{
    public const string Detected = "detected";
    public const string Candidate = "candidate";
    public const string Approved = "approved";
    public const string Implemented = "implemented";
    public const string Active = "active";
    public const string Deprecated = "deprecated";
    public const string Quarantined = "quarantined";

    public static readonly IReadOnlyList<string> All = [Detected, Candidate, Approved, Implemented, Active, Deprecated, Quarantined];
}
