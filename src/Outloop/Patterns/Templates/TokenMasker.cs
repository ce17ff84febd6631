namespace Outloop.Patterns.Templates;

/// <summary>
/// Masks the obvious variables inside one whitespace-separated token: numbers, hex, IPs, ids with numeric parts,
/// paths, URLs with numbers, booleans and account names. Everything else is kept, so words that name events
/// (states, verbs, class names) stay part of the template. One set of rules for every input: no per-source regex.
/// </summary>
internal static class TokenMasker
{
    public const string Wildcard = "<*>";

    /// <summary>The largest output <see cref="Mask"/> can write for an input of <paramref name="length"/> chars.</summary>
    public static int MaxOutput(int length) => (length * 3) + 8;

    /// <summary>Writes the masked form of <paramref name="token"/> into <paramref name="output"/>; returns its length.</summary>
    public static int Mask(ReadOnlySpan<char> token, Span<char> output)
    {
        var scheme = token.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            var rest = token[(scheme + 3)..];
            var end = rest.Length;
            while (end > 0 && IsCloser(rest[end - 1]))
            {
                end--;
            }

            if (rest[..end].IndexOfAnyInRange('0', '9') >= 0)
            {
                var w0 = 0;
                token[..(scheme + 3)].CopyTo(output);
                w0 += scheme + 3;
                w0 = Append(output, w0, Wildcard);
                return Append(output, w0, rest[end..]);
            }
        }

        var groups = HexGroupsLength(token);
        if (groups > 0)
        {
            // A MAC address, IPv6 address or hex dump (00:0D:60:E9, fe80::1) is one value.
            Wildcard.CopyTo(output);
            return Append(output, 3, token[groups..]);
        }

        var w = 0;
        var i = 0;
        while (i < token.Length)
        {
            var c = token[i];
            if (IsSegmentDelimiter(c))
            {
                output[w++] = c;
                i++;
                continue;
            }

            var start = i;
            while (i < token.Length && !IsSegmentDelimiter(token[i]))
            {
                i++;
            }

            w = AppendSegment(token[start..i], output, w);
        }

        return w;
    }

    private static int AppendSegment(ReadOnlySpan<char> segment, Span<char> output, int w)
    {
        if (IsPath(segment))
        {
            return Append(output, w, Wildcard);
        }

        if (IsKeywordVariable(segment))
        {
            return Append(output, w, Wildcard);
        }

        var i = 0;
        while (i < segment.Length)
        {
            var c = segment[i];
            if (IsPieceDelimiter(segment, i))
            {
                output[w++] = c;
                i++;
                continue;
            }

            var start = i;
            while (i < segment.Length && !IsPieceDelimiter(segment, i))
            {
                i++;
            }

            // A full stop after a value ends the sentence; it is not part of the value.
            var piece = segment[start..i];
            var core = piece.TrimEnd('.');
            if (IsVariablePiece(core))
            {
                w = Append(output, w, Wildcard);
                w = Append(output, w, piece[core.Length..]);
            }
            else
            {
                w = Append(output, w, piece);
            }
        }

        return w;
    }

    /// <summary>
    /// A piece is a variable when it starts with a number, holds a number that stands alone between separators
    /// (<c>blk_-42</c>, <c>rdd_11_0</c>, <c>host-41</c>), or is a long hex string. A digit glued inside a word
    /// (<c>jk2_init</c>, <c>tty2</c>, <c>Log4j</c>) is part of a name and stays.
    /// </summary>
    internal static bool IsVariablePiece(ReadOnlySpan<char> piece)
    {
        if (piece.IsEmpty || piece.IndexOfAnyInRange('0', '9') < 0)
        {
            return false;
        }

        var first = piece[0];
        if (char.IsAsciiDigit(first))
        {
            return true;
        }

        if ((first is '-' or '+' or '.') && piece.Length > 1 && char.IsAsciiDigit(piece[1]))
        {
            return true;
        }

        var digits = 0;
        var letters = 0;
        var hex = true;
        var i = 0;
        while (i < piece.Length)
        {
            var c = piece[i];
            if (!char.IsAsciiDigit(c))
            {
                if (char.IsLetter(c))
                {
                    letters++;
                }

                hex &= char.IsAsciiHexDigit(c);
                i++;
                continue;
            }

            var start = i;
            while (i < piece.Length && char.IsAsciiDigit(piece[i]))
            {
                i++;
            }

            digits += i - start;
            var before = start > 0 && char.IsLetter(piece[start - 1]);
            var after = i < piece.Length && char.IsLetter(piece[i]);
            if (!before && !after)
            {
                return true;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        return (hex && piece.Length >= 8) || (digits >= 4 && digits * 2 >= letters);
    }

    private static bool IsKeywordVariable(ReadOnlySpan<char> segment) =>
        segment.Length is >= 4 and <= 5 &&
        (segment.Equals("true", StringComparison.OrdinalIgnoreCase) ||
         segment.Equals("false", StringComparison.OrdinalIgnoreCase) ||
         segment.Equals("null", StringComparison.OrdinalIgnoreCase) ||
         segment.Equals("root", StringComparison.OrdinalIgnoreCase) ||
         segment.Equals("admin", StringComparison.OrdinalIgnoreCase));

    private static bool IsSegmentDelimiter(char c) =>
        c is ',' or '!' or ';' or ':' or '=' or '|' or '"' or '\'' or '[' or ']' or '(' or ')' or '{' or '}';

    // A run of dots ("instruction......0") separates words; a single dot joins them (host.name, 1.5).
    private static bool IsPieceDelimiter(ReadOnlySpan<char> s, int i) =>
        s[i] is '/' or '@' or '#' or '$' or '%' or '&' or '+' ||
        (s[i] == '.' && ((i > 0 && s[i - 1] == '.') || (i + 1 < s.Length && s[i + 1] == '.')));

    private static bool IsPath(ReadOnlySpan<char> segment)
    {
        if (segment.Length > 1 && (segment[0] == '/' || segment[0] == '\\') && char.IsAsciiLetterOrDigit(segment[1]))
        {
            return true;
        }

        return segment.StartsWith("./") || segment.StartsWith("../") || segment.StartsWith("~/");
    }

    /// <summary>Length of a leading run of at least four hex groups joined by ':' (with a digit), else 0.</summary>
    private static int HexGroupsLength(ReadOnlySpan<char> token)
    {
        var groups = 0;
        var digit = false;
        var i = 0;
        var end = 0;
        while (i < token.Length)
        {
            var start = i;
            while (i < token.Length && char.IsAsciiHexDigit(token[i]) && i - start < 4)
            {
                digit |= char.IsAsciiDigit(token[i]);
                i++;
            }

            if (i < token.Length && char.IsAsciiHexDigit(token[i]))
            {
                return 0;
            }

            if (i > start)
            {
                groups++;
                end = i;
            }

            if (i < token.Length && token[i] == ':')
            {
                i++;
                continue;
            }

            break;
        }

        return groups >= 4 && digit ? end : 0;
    }

    private static bool IsCloser(char c) => c is ']' or ')' or '}' or ',' or ';' or '\'' or '"' or '>';

    private static int Append(Span<char> output, int w, ReadOnlySpan<char> text)
    {
        text.CopyTo(output[w..]);
        return w + text.Length;
    }

    private static int Append(int w, ReadOnlySpan<char> text, Span<char> output)
    {
        text.CopyTo(output[w..]);
        return w + text.Length;
    }
}
