namespace Outloop.Review;

/// <summary>
/// A proposed change to a file the agent reads. <see cref="Type"/> is <c>guideline</c> (how to work; may be applied
/// automatically) or <c>criteria</c> (what good looks like; a person approves); <see cref="Source"/> is
/// <c>patterns</c>, <c>context</c> or <c>automation</c>; <see cref="Status"/> is pending, approved, rejected,
/// skipped or applied.
/// </summary>
internal sealed record Proposal(
    string Id,
    string Project,
    string Type,
    string Source,
    string TargetFile,
    string Change,
    string Reason,
    double Confidence,
    ProposalEvidence Evidence,
    string Status,
    string? Feedback,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReviewedAt);
