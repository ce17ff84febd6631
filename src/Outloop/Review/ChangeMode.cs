namespace Outloop.Review;

/// <summary>How a proposal's text goes into its target file.</summary>
internal enum ChangeMode
{
    Append,
    Prepend,
    Replace,
}
