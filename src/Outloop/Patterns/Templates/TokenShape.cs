namespace Outloop.Patterns.Templates;

/// <summary>
/// A masked token cut at its punctuation: <c>rhost=&lt;*&gt;</c> is the segments <c>rhost</c> and <c>&lt;*&gt;</c>
/// around the delimiters <c>=</c>. Two tokens with the same delimiters have the same shape and are compared
/// segment by segment, so <c>(host.example.net)</c> and <c>(&lt;*&gt;)</c> differ only in a value.
/// </summary>
internal sealed class TokenShape
{
    private TokenShape(string delimiters, string[] segments, SegmentKind[] kinds)
    {
        Delimiters = delimiters;
        Segments = segments;
        Kinds = kinds;
        foreach (var segment in segments)
        {
            if (segment.Length > 0)
            {
                NonEmpty++;
            }
        }
    }

    public string Delimiters { get; }

    public string[] Segments { get; }

    public SegmentKind[] Kinds { get; }

    /// <summary>How many segments are not empty: more than one means the token is a key=value or similar.</summary>
    public int NonEmpty { get; }

    public static TokenShape Of(string token)
    {
        var delimiters = new System.Text.StringBuilder();
        var segments = new List<string>();
        var start = 0;
        for (var i = 0; i < token.Length; i++)
        {
            if (IsDelimiter(token[i]))
            {
                delimiters.Append(token[i]);
                segments.Add(token[start..i]);
                start = i + 1;
            }
        }

        segments.Add(token[start..]);
        return new TokenShape(delimiters.ToString(), [.. segments], [.. segments.Select(Classify)]);
    }

    public static SegmentKind Classify(string segment)
    {
        if (segment.Length == 0)
        {
            return SegmentKind.Empty;
        }

        if (segment == TokenMasker.Wildcard)
        {
            return SegmentKind.Wildcard;
        }

        var letters = 0;
        var upper = 0;
        var other = 0;
        foreach (var c in segment)
        {
            if (char.IsLetter(c))
            {
                letters++;
                upper += char.IsUpper(c) ? 1 : 0;
            }
            else if (char.IsDigit(c) || c is '<' or '>' or '*')
            {
                return SegmentKind.Other;
            }
            else
            {
                other++;
            }
        }

        if (letters == 0)
        {
            return SegmentKind.Other;
        }

        // An all-capitals word is an enum value or a keyword (NEW, RUNNING, LOOKING): it names the event, and so
        // does a qualified constant (android.intent.action.SCREEN_ON).
        if ((letters >= 2 && upper == letters) || IsQualifiedConstant(segment))
        {
            return SegmentKind.Capitals;
        }

        return other == 0 ? SegmentKind.Word : SegmentKind.Compound;
    }

    private static bool IsQualifiedConstant(string segment)
    {
        var dot = segment.LastIndexOf('.');
        if (dot < 0 || dot == segment.Length - 1)
        {
            return false;
        }

        var letters = 0;
        foreach (var c in segment.AsSpan(dot + 1))
        {
            if (char.IsLower(c))
            {
                return false;
            }

            letters += char.IsUpper(c) ? 1 : 0;
        }

        return letters >= 2;
    }

    private static bool IsDelimiter(char c) =>
        c is ',' or '!' or ';' or ':' or '=' or '|' or '"' or '\'' or '[' or ']' or '(' or ')' or '{' or '}' or '/' or '@';
}
