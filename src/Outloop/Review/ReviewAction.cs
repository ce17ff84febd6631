namespace Outloop.Review;

/// <summary>What the reviewer did with one proposal in the interactive review.</summary>
internal enum ReviewAction
{
    Approved,
    Rejected,
    Edited,
    Skipped,
    Quit,
}
