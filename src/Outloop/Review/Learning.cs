namespace Outloop.Review;

/// <summary>
/// A lesson kept across reviews, with the tasks and patterns that back it. Its reference count is the number of
/// distinct tasks behind it; <see cref="LastSeenAt"/> is the last review that found it again.
/// </summary>
internal sealed record Learning(
    string Id,
    string Text,
    string Source,
    IReadOnlyList<string> TaskIds,
    IReadOnlyList<string> PatternIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt,
    bool Promoted = false)
{
    public int References => TaskIds.Count;
}
