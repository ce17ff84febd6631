namespace Outloop.Outputs;

/// <summary>A failure as a runner printed it, reduced to what the agent needs.</summary>
/// <param name="Failure">Name, message and location.</param>
/// <param name="Label">What it is, for the short form of a repeated failure (<c>FAIL</c>, <c>error</c>).</param>
/// <param name="Headline">The one-line form, used once the detailed failures are shown.</param>
/// <param name="Detail">The kept lines of the failure's block (header, message, location, own frames).</param>
internal sealed record FailureBlock(CompactFailure Failure, string Label, string Headline, IReadOnlyList<string> Detail);
