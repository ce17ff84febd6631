namespace Outloop.Patterns.Templates;

/// <summary>What a segment of a token looks like, which decides how cheaply two different ones can merge.</summary>
internal enum SegmentKind : byte
{
    /// <summary>Nothing between two delimiters, as in <c>()</c>.</summary>
    Empty,

    /// <summary>A masked variable, <c>&lt;*&gt;</c>.</summary>
    Wildcard,

    /// <summary>Letters only, not all capitals: <c>cyrus</c>, <c>startup</c>.</summary>
    Word,

    /// <summary>Letters joined by dots, dashes or underscores: host and class names.</summary>
    Compound,

    /// <summary>All capitals (<c>NEW</c>, <c>FAIL_TASK_CLEANUP</c>): an enum value that names the event.</summary>
    Capitals,

    /// <summary>Punctuation only, or a partly masked value.</summary>
    Other,
}
