namespace Outloop.Review;

/// <summary>Reads a change's <c>APPEND:</c> / <c>PREPEND:</c> / <c>REPLACE:</c> / <c>REMOVE:</c> prefix.</summary>
internal static class ProposalChange
{
    public static (ChangeMode Mode, string Text) Parse(string change)
    {
        foreach (var (prefix, mode) in new[] { ("APPEND:", ChangeMode.Append), ("PREPEND:", ChangeMode.Prepend), ("REPLACE:", ChangeMode.Replace), ("REMOVE:", ChangeMode.Remove) })
        {
            if (change.StartsWith(prefix, StringComparison.Ordinal))
            {
                return (mode, change[prefix.Length..].TrimStart(' ', '\n', '\r'));
            }
        }

        return (ChangeMode.Append, change);
    }
}
