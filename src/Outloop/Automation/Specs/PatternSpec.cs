using Outloop.Patterns;

namespace Outloop.Automation.Specs;

/// <summary>
/// A pattern spec, the content of <c>.outloop/patterns/&lt;id&gt;.yaml</c>: the pattern's figures and status, the
/// commands it is typically written as, the tool that implements it (if any), a few tasks as evidence, when the spec
/// was created and last written, and every status change with who made it, when and why.
/// </summary>
/// <remarks>
/// <c>Pattern.Details</c> is not written to the file (it is the engine's working data) and reads back as null.
/// </remarks>
internal sealed record PatternSpec(
    PatternRecord Pattern,
    string Status,
    IReadOnlyList<string> TypicalCommands,
    string? Tool,
    IReadOnlyList<string> EvidenceTaskIds,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    IReadOnlyList<StatusChange> History)
{
    /// <summary>True while nobody (and no aggressive mode) has approved the pattern yet.</summary>
    public bool IsDraft => Status is PatternStatus.Detected or PatternStatus.Candidate;
}
