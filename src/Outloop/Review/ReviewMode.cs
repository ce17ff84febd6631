namespace Outloop.Review;

/// <summary>
/// What happens to new proposals: all pending, guidelines applied (criteria pending), earlier pending ones shown, or
/// each asked about (interactive; <c>--auto</c> and <c>--pending</c> also ask when a reviewer is at the terminal).
/// </summary>
internal enum ReviewMode
{
    NonInteractive,
    Interactive,
    Auto,
    Pending,
}
