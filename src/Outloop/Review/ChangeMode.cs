namespace Outloop.Review;

/// <summary>How a proposal's text goes into its target file.</summary>
internal enum ChangeMode
{
    Append,
    Prepend,
    Replace,

    /// <summary>Takes the text (its first occurrence, with the line break after it) out of the file as it is when applied.</summary>
    Remove,
}
