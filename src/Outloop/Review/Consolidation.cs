namespace Outloop.Review;

/// <summary>What one consolidation did: the learnings kept (promoted ones included), newly promoted, and removed with why.</summary>
internal sealed record Consolidation(IReadOnlyList<Learning> Kept, IReadOnlyList<Learning> Promoted, IReadOnlyList<(Learning Learning, string Reason)> Removed);
