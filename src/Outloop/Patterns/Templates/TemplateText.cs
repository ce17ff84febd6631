using System.Text;

namespace Outloop.Patterns.Templates;

/// <summary>Writes a template as text: tokens joined by single spaces, adjacent variables in a token merged.</summary>
internal static class TemplateText
{
    public static string Render(ReadOnlySpan<int> template, IReadOnlyList<string> tokenText)
    {
        var builder = new StringBuilder();
        foreach (var id in template)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(Canonical(tokenText[id]));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Merges variables that touch inside one token (<c>&lt;*&gt;&lt;*&gt;</c>, <c>&lt;*&gt;.&lt;*&gt;</c>): a
    /// value split by our own masking is still one value.
    /// </summary>
    public static string Canonical(string token)
    {
        if (token.Length <= 3 || !token.Contains("<*>", StringComparison.Ordinal))
        {
            return token;
        }

        var result = token;
        string previous;
        do
        {
            previous = result;
            result = result.Replace("<*><*>", "<*>", StringComparison.Ordinal)
                .Replace("<*>.<*>", "<*>", StringComparison.Ordinal);
        }
        while (!ReferenceEquals(previous, result) && previous != result);

        return result;
    }
}
