namespace Outloop.Patterns;

/// <summary>
/// The size of a unified diff a call printed (a submission step's <c>git diff</c>): files and changed lines outside
/// test files (<see cref="CallRoles.IsTestPath"/>), so a fix is measured without the tests written for it.
/// </summary>
/// <param name="Files">Changed files that are not test files.</param>
/// <param name="Lines">Added plus removed lines in those files.</param>
internal sealed record DiffSize(int Files, int Lines)
{
    private const string FileHeader = "diff --git ";

    /// <summary>The size of the diff in <paramref name="text"/>; null when the text holds no <c>diff --git</c> header.</summary>
    public static DiffSize? Of(string? text)
    {
        if (text is null || !text.Contains(FileHeader, StringComparison.Ordinal))
        {
            return null;
        }

        int files = 0, lines = 0;
        var counting = false;
        var inHunk = false;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.StartsWith(FileHeader, StringComparison.Ordinal))
            {
                counting = !CallRoles.IsTestPath(PathOf(line[FileHeader.Length..]));
                inHunk = false;
                files += counting ? 1 : 0;
            }
            else if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                inHunk = true;
            }
            else if (counting && inHunk && line.Length > 0 && line[0] is '+' or '-')
            {
                lines++;
            }
        }

        return new DiffSize(files, lines);
    }

    // "a/pkg/mod.py b/pkg/mod.py": the new side's path (a renamed file counts where it ends up).
    private static string PathOf(ReadOnlySpan<char> names)
    {
        var b = names.LastIndexOf(" b/", StringComparison.Ordinal);
        return (b >= 0 ? names[(b + 3)..] : names).ToString();
    }
}
