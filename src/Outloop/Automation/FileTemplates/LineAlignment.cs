namespace Outloop.Automation.FileTemplates;

/// <summary>
/// Aligns two files line by line (longest common subsequence) where two lines match when they are equal after
/// trimming or share most of their tokens (<see cref="MinLineOverlap"/>), so <c>class UsersController</c> and
/// <c>class OrdersController</c> align and the differing words become variables.
/// </summary>
internal sealed class LineAlignment
{
    /// <summary>Share of tokens (2 x common / both) that makes two different lines the same line of a template.</summary>
    public const double MinLineOverlap = 0.6;

    /// <summary>Above this many line pairs two files are not compared (a template of such files would not be read anyway).</summary>
    private const long MaxCells = 16_000_000;

    private LineAlignment(string[] lines)
    {
        Lines = lines;
        Trimmed = [.. lines.Select(l => l.Trim())];
        Tokens = [.. lines.Select(SourceTokens.Split)];
        Sorted = [.. Tokens.Select(t => t.Where(x => !string.IsNullOrWhiteSpace(x)).Order(StringComparer.Ordinal).ToArray())];
    }

    /// <summary>The lines, each with its line end (the last may have none).</summary>
    public string[] Lines { get; }

    public List<string>[] Tokens { get; }

    private string[] Trimmed { get; }

    private string[][] Sorted { get; }

    public static LineAlignment Of(string text) => new(SplitLines(text));

    /// <summary>Pairs of aligned line numbers, in order.</summary>
    public static List<(int A, int B)> Align(LineAlignment a, LineAlignment b)
    {
        int n = a.Lines.Length, m = b.Lines.Length;
        if (n == 0 || m == 0 || (long)n * m > MaxCells)
        {
            return [];
        }

        return LongestCommon(n, m, (i, j) => Match(a, i, b, j));
    }

    /// <summary>2 x aligned lines / all lines of both files (0-1).</summary>
    public static double Similarity(LineAlignment a, LineAlignment b) =>
        a.Lines.Length + b.Lines.Length == 0 ? 1 : 2.0 * Align(a, b).Count / (a.Lines.Length + b.Lines.Length);

    /// <summary>Longest common subsequence of two token lists: pairs of equal tokens, in order.</summary>
    public static List<(int A, int B)> AlignTokens(List<string> a, List<string> b) => LongestCommon(a.Count, b.Count, (i, j) => a[i] == b[j]);

    /// <summary>Longest common subsequence of two sequences of <paramref name="n"/> and <paramref name="m"/> items under <paramref name="match"/>: the matched pairs, in order.</summary>
    private static List<(int A, int B)> LongestCommon(int n, int m, Func<int, int, bool> match)
    {
        var table = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                table[i, j] = match(i, j) ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
            }
        }

        var pairs = new List<(int, int)>();
        int x = 0, y = 0;
        while (x < n && y < m)
        {
            if (table[x, y] == table[x + 1, y + 1] + 1 && match(x, y))
            {
                pairs.Add((x++, y++));
            }
            else if (table[x + 1, y] >= table[x, y + 1])
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        return pairs;
    }

    private static bool Match(LineAlignment a, int i, LineAlignment b, int j)
    {
        if (a.Trimmed[i] == b.Trimmed[j])
        {
            return true;
        }

        var x = a.Sorted[i];
        var y = b.Sorted[j];
        if (x.Length == 0 || y.Length == 0 || Math.Min(x.Length, y.Length) * 2 < Math.Max(x.Length, y.Length))
        {
            return false;
        }

        // Multiset intersection of two sorted token arrays.
        int p = 0, q = 0, common = 0;
        while (p < x.Length && q < y.Length)
        {
            var c = string.CompareOrdinal(x[p], y[q]);
            if (c == 0)
            {
                common++;
                p++;
                q++;
            }
            else if (c < 0)
            {
                p++;
            }
            else
            {
                q++;
            }
        }

        return 2.0 * common / (x.Length + y.Length) >= MinLineOverlap;
    }

    private static string[] SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return [.. lines];
    }
}
