namespace Outloop.Review;

/// <summary>What a review did; <see cref="Ran"/> is false when it was not due (and then nothing else is set).</summary>
internal sealed record ReviewResult(
    bool Ran,
    string? SkipReason,
    long TasksSinceReview,
    Consolidation? Learnings,
    IReadOnlyList<Proposal> NewProposals,
    IReadOnlyList<string> GuidelinesUpdated,
    string? DigestMarkdownPath,
    string? DigestJsonPath);
