namespace Outloop.Review;

/// <summary>What backs a proposal: the patterns, how many tasks, and example task ids a reader can look up.</summary>
internal sealed record ProposalEvidence(IReadOnlyList<string> PatternIds, int Tasks, int Occurrences, IReadOnlyList<string> ExampleTaskIds);
