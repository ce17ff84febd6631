namespace Outloop.Review;

/// <summary>The statuses a proposal moves through.</summary>
internal static class ProposalStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Skipped = "skipped";
    public const string Applied = "applied";
}
