namespace Outloop.Review;

/// <summary>What happens to new proposals: all pending, guidelines applied (criteria pending), or earlier pending ones shown.</summary>
internal enum ReviewMode
{
    NonInteractive,
    Auto,
    Pending,
}
