using System.Text;

namespace Outloop.Automation.Routing;

/// <summary>Splitting a request into words: arguments (paths, flags, asides), names from the code, versions, clause breaks.</summary>
internal static partial class TextAnalyzer
{
    private static AnalyzedToken Token(string surface, VocabularyEntry? entry, bool clauseStart, bool scoped)
    {
        if (entry is null)
        {
            // A release named by its number ("python 3.12", "v7") is a version the request is about, even in a scope phrase.
            if (IsVersion(surface))
            {
                return new AnalyzedToken(surface, ["version"], WordClass.Topic, false, true);
            }

            var wordClass = surface.All(char.IsAsciiDigit) ? WordClass.Scope
                : IsErrorName(surface) ? WordClass.Problem
                : WordClass.Plain;
            return new AnalyzedToken(surface, [Stemmer.Stem(surface)], wordClass, clauseStart, scoped);
        }

        var concepts = entry.Implies is null ? new[] { entry.Concept } : [entry.Concept, entry.Implies];
        // An imperative is a bare verb: "changes on my branch?" names changes, "change the api" asks for one.
        var cls = clauseStart && entry.WorkAtClauseStart && !(surface.EndsWith('s') && !surface.EndsWith("ss", StringComparison.Ordinal)) ? WordClass.Work : entry.Class;
        return new AnalyzedToken(surface, concepts, cls, clauseStart, scoped);
    }

    // "v19", "3.12", "2.31.0" are versions.
    private static bool IsVersion(string word) =>
        (word.Length >= 2 && word[0] == 'v' && char.IsAsciiDigit(word[1]) && word.AsSpan(1).IndexOfAnyExcept(VersionChars) < 0)
        || (word.Contains('.', StringComparison.Ordinal) && word.AsSpan().IndexOfAnyExcept(VersionChars) < 0);

    // KeyError, TypeError, NullPointerException: a named failure is a bug report.
    private static bool IsErrorName(string word) =>
        (word.Length > 5 && word.EndsWith("error", StringComparison.Ordinal) && word != "errors")
        || (word.Length > 9 && word.EndsWith("exception", StringComparison.Ordinal));

    private static List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> Split(string text)
    {
        var arguments = ArgumentChars(text);
        var words = new List<(string, bool, bool, bool)>();
        var current = new StringBuilder();
        var pendingBreak = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = char.ToLowerInvariant(text[i]);
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }

            // "3.12", "v6.2": a version stays one word.
            if (c == '.' && current.Length > 0 && char.IsAsciiDigit(current[^1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                current.Append(c);
                continue;
            }

            if (c is '\'' or '\u2019' && current.Length > 0)
            {
                // "don't" -> "do not", "can't" -> "ca not": the negation must survive tokenisation.
                if (current[^1] == 'n' && i + 1 < text.Length && char.ToLowerInvariant(text[i + 1]) == 't')
                {
                    current.Length--;
                    Flush(words, current, ref pendingBreak, i > 0 ? arguments[i - 1] : default);
                    words.Add(("not", false, false, false));
                    i++;
                    continue;
                }

                Flush(words, current, ref pendingBreak, i > 0 ? arguments[i - 1] : default);
                continue;
            }

            Flush(words, current, ref pendingBreak, i > 0 ? arguments[i - 1] : default);
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            // A dash between words ("the partition tables -- please apply them") ends a clause like a comma.
            var dash = c is '\u2014' or '\u2013' || (c == '-' && i > 0 && char.IsWhiteSpace(text[i - 1]) && (char.IsWhiteSpace(next) || next == '-'))
                || char.GetUnicodeCategory(text[i]) is System.Globalization.UnicodeCategory.OtherSymbol or System.Globalization.UnicodeCategory.Surrogate;
            if (c is ',' or ';' or '!' or '?' or '\n' or '(' or ')' || dash || (c is '.' or ':' && char.IsWhiteSpace(next)) || (c is '.' && i + 1 == text.Length))
            {
                pendingBreak = true;
            }
        }

        Flush(words, current, ref pendingBreak, text.Length > 0 ? arguments[^1] : default);
        return words;
    }

    /// <summary>
    /// For each character, whether it belongs to an argument (a whitespace-separated chunk that is a path or branch
    /// ("src/app", "release/2.3"), a file name ("main.py"), a flag ("--watch"), a ticket or pull request ("PAY-1423",
    /// "#430"), or an aside in parentheses ("(the ones
    /// adding the partition tables)")) or to a name from the code ("CartService", "raw_events", "Inventory.Domain").
    /// </summary>
    private static (bool Argument, bool CodeName)[] ArgumentChars(string text)
    {
        var result = new (bool Argument, bool CodeName)[text.Length];
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' && depth > 0 ? -1 : 0;
            result[i] = (depth > 0, false);
        }

        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                continue;
            }

            var chunk = text.AsSpan(start, i - start).TrimEnd(",;:!?)'\"").TrimStart("('\"");
            if (IsArgument(chunk))
            {
                result.AsSpan(start, i - start).Fill((true, false));
            }
            else if (IsCodeName(chunk))
            {
                result.AsSpan(start, i - start).Fill((false, true));
            }

            start = i + 1;
        }

        return result;
    }

    /// <summary>A name from the code: camelCase or PascalCase with an inner capital, snake_case, or capitalised dotted words.</summary>
    private static bool IsCodeName(ReadOnlySpan<char> chunk)
    {
        // "TypeScript", "GitHub", "PostgreSQL": a product the vocabulary knows is not a name from the code; nor is a
        // named failure ("TypeError"), which reports a bug.
        var lower = chunk.ToString().ToLowerInvariant();
        if (DevVocabulary.Find(lower) is not null || IsErrorName(lower))
        {
            return false;
        }

        for (var i = 1; i + 1 < chunk.Length; i++)
        {
            if ((char.IsAsciiLetterLower(chunk[i]) && char.IsAsciiLetterUpper(chunk[i + 1]) && i + 2 < chunk.Length && char.IsAsciiLetterLower(chunk[i + 2]))
                || (chunk[i] == '_' && char.IsAsciiLetter(chunk[i - 1]) && char.IsAsciiLetter(chunk[i + 1]))
                || (chunk[i] == '.' && char.IsAsciiLetterUpper(chunk[0]) && char.IsAsciiLetter(chunk[i - 1]) && char.IsAsciiLetter(chunk[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsArgument(ReadOnlySpan<char> chunk)
    {
        if (chunk.Length < 2)
        {
            return false;
        }

        // "@ci-helper", "@outloop": someone addressed.
        if (chunk[0] == '@')
        {
            return true;
        }

        if (chunk[0] == '-' && (char.IsAsciiLetter(chunk[1]) || chunk[1] == '-'))
        {
            return true;
        }

        // "#430", "PAY-1423", "CORE-318": an issue, pull request or ticket named.
        if ((chunk[0] == '#' && chunk[1..].IndexOfAnyExceptInRange('0', '9') < 0) || IsTicketKey(chunk))
        {
            return true;
        }

        var slash = chunk.IndexOf('/');
        if (slash >= 0)
        {
            // "src/app", "packages/web", "./x" or "app/", not "and/or"-like prose.
            return !(chunk is "and/or" or "either/or" or "w/o" or "i/o" or "input/output" or "read/write" or "yes/no" or "on/off");
        }

        // "main.py", "app.config.ts": a dot between letters with a short extension.
        var dot = chunk.LastIndexOf('.');
        return dot > 0 && dot < chunk.Length - 1 && char.IsAsciiLetter(chunk[dot - 1]) && chunk.Length - dot - 1 <= 4
            && chunk[(dot + 1)..].IndexOfAnyExceptInRange('a', 'z') < 0;
    }

    private static readonly System.Buffers.SearchValues<char> TicketLetters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>A tracker's key: capital letters (and digits), a dash, a number ("PAY-1423", "INFRA-77").</summary>
    private static bool IsTicketKey(ReadOnlySpan<char> chunk)
    {
        var dash = chunk.IndexOf('-');
        return dash >= 2 && dash < chunk.Length - 1 && char.IsAsciiLetterUpper(chunk[0])
            && chunk[..dash].IndexOfAnyExcept(TicketLetters) < 0
            && chunk[(dash + 1)..].IndexOfAnyExceptInRange('0', '9') < 0;
    }

    private static void Flush(List<(string, bool, bool, bool)> words, StringBuilder current, ref bool pendingBreak, (bool Argument, bool CodeName) kind)
    {
        if (current.Length == 0)
        {
            return;
        }

        words.Add((current.ToString(), pendingBreak && words.Count > 0, kind.Argument, kind.CodeName));
        pendingBreak = false;
        current.Clear();
    }
}
