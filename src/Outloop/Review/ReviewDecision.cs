namespace Outloop.Review;

/// <summary>One proposal as the interactive review left it: <see cref="Proposal"/> is its stored state afterwards.</summary>
internal sealed record ReviewDecision(Proposal Proposal, ReviewAction Action);
