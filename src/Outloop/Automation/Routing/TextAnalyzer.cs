using System.Text;

namespace Outloop.Automation.Routing;

/// <summary>
/// Turns a request (or a tool's phrase) into concepts: lower-cases, splits on anything that is not a letter or digit,
/// joins known two-word phrases, drops stop words, stems, maps synonyms to one concept through
/// <see cref="DevVocabulary"/>, and notes clause openings and prepositional scope.
/// </summary>
internal static class TextAnalyzer
{
    private static readonly HashSet<string> InfinitiveIntroducers = new(StringComparer.Ordinal)
    {
        "want", "need", "needs", "you", "try", "going", "have", "has", "able", "how", "like", "please", "wanna", "i", "we",
    };

    private static readonly HashSet<string> HowQuestions = new(StringComparer.Ordinal)
    {
        "do", "does", "did", "can", "could", "should", "would", "to", "come", "is", "are", "was", "were", "will",
    };

    private static readonly System.Buffers.SearchValues<char> PathMarks = System.Buffers.SearchValues.Create("._-0123456789");

    private static readonly HashSet<string> FirstPersonSubjects = new(StringComparer.Ordinal) { "i", "we", "ive", "weve", "id" };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "my", "our", "your", "this", "that", "these", "those", "their", "his", "her",
    };

    private static readonly HashSet<string> IrregularPast = new(StringComparer.Ordinal)
    {
        "ran", "made", "wrote", "built", "got", "did", "took", "put", "brought", "broke", "gave", "began", "saw",
    };

    /// <summary>
    /// The request's meaningful words. With a <paramref name="corrector"/>, a word outside the vocabulary that is a
    /// typo of a known word is read as that word (and marked <see cref="AnalyzedToken.Corrected"/>).
    /// </summary>
    public static AnalyzedToken[] Analyze(string text, TypoCorrector? corrector = null)
    {
        var raw = Split(text);
        var tokens = new List<AnalyzedToken>(raw.Count);
        var clauseOpen = true;
        var scoped = false;
        var sawFrom = false;

        // Context: a subordinate clause ("before I commit") or a first-person account ("I just pulled main").
        var subordinate = false;
        var firstPerson = false;
        var narrative = false;
        string? previousWord = null;
        for (var i = 0; i < raw.Count; i++)
        {
            var (word, breakBefore, isArgument) = raw[i];
            if (breakBefore)
            {
                clauseOpen = true;
                scoped = false;
                sawFrom = false;
                subordinate = false;
                firstPerson = false;
                narrative = false;
            }

            // A path, file name, branch or flag ("tests/test_x.py", "release/2.3", "--watch") is an argument: its
            // topic words still say what it is about, the rest only says where.
            if (isArgument)
            {
                var argumentEntry = DevVocabulary.Find(word);
                tokens.Add(argumentEntry is { Class: WordClass.Topic }
                    ? Token(word, argumentEntry, false, true)
                    : new AnalyzedToken(word, [Stemmer.Stem(word)], WordClass.Scope, false, true));
                previousWord = word;
                continue;
            }

            // "bring X up to date" is an update.
            if (word == "up" && i + 2 < raw.Count && raw[i + 1].Word == "to" && raw[i + 2].Word == "date")
            {
                tokens.Add(new AnalyzedToken("up to date", ["update"], WordClass.Action, false, scoped || subordinate || narrative));
                i += 2;
                previousWord = "date";
                continue;
            }

            if (DevVocabulary.Subordinators.Contains(word) || (word == "so" && tokens.Count > 0))
            {
                clauseOpen = true;
                scoped = false;
                sawFrom = false;
                subordinate = true;
                firstPerson = false;
                narrative = false;
                previousWord = word;
                continue;
            }

            if (clauseOpen && FirstPersonSubjects.Contains(word))
            {
                firstPerson = true;
            }

            VocabularyEntry? entry = null;
            var surface = word;
            if (i + 1 < raw.Count && !raw[i + 1].BreakBefore && DevVocabulary.Find(word + "_" + raw[i + 1].Word) is { } pair)
            {
                entry = pair;
                surface = word + " " + raw[i + 1].Word;
                i++;
            }

            if (entry is null && DevVocabulary.ClauseBreaks.Contains(word))
            {
                clauseOpen = true;
                scoped = false;
                sawFrom = false;
                firstPerson = false;
                narrative = false;
                subordinate &= word != "then";
                previousWord = word;
                continue;
            }

            if (entry is null && DevVocabulary.Prepositions.Contains(word))
            {
                // "want to build", "need to run": an infinitive opens a clause instead of a scope.
                if (word == "to" && (previousWord is null || InfinitiveIntroducers.Contains(previousWord)))
                {
                    clauseOpen = true;
                }
                else
                {
                    // "from webpack to vite", "from 18 to 19": moving something from one thing to another is work.
                    if (word == "to" && sawFrom)
                    {
                        tokens.Add(new AnalyzedToken("from ... to", ["replace"], WordClass.Work, false, true));
                    }

                    sawFrom |= word == "from";
                    scoped = true;
                }

                previousWord = word;
                continue;
            }

            var isClauseStart = false;
            if (clauseOpen && (entry is not null || !DevVocabulary.ClauseFillers.Contains(word)))
            {
                isClauseStart = true;
                clauseOpen = false;

                // "I just pulled main": what I did is context, not the request.
                narrative = firstPerson && IsPastTense(word);
            }

            if (word == "how" && i + 1 < raw.Count && HowQuestions.Contains(raw[i + 1].Word))
            {
                tokens.Add(new AnalyzedToken("how " + raw[i + 1].Word, ["how"], WordClass.Question, isClauseStart, scoped));
                previousWord = word;
                continue;
            }

            if (isClauseStart && word is "should" or "shall")
            {
                tokens.Add(new AnalyzedToken(word, ["should"], WordClass.Question, true, scoped));
                previousWord = word;
                continue;
            }

            if (entry is null && DevVocabulary.StopWords.Contains(word))
            {
                previousWord = word;
                continue;
            }

            entry ??= DevVocabulary.Find(word);
            var corrected = false;
            if (entry is null && corrector?.Correct(word) is { } known)
            {
                entry = DevVocabulary.Find(known);
                corrected = true;
                if (entry is null)
                {
                    tokens.Add(new AnalyzedToken(surface, [Stemmer.Stem(known)], WordClass.Plain, isClauseStart, scoped || subordinate || narrative) { Corrected = true });
                    previousWord = word;
                    continue;
                }
            }

            var context = subordinate || narrative;
            var token = Token(surface, entry, isClauseStart && !context, scoped || context);

            // "the new module", "the added tests": a work word qualifying a noun is no request; nor is a past action
            // in a clause that only gives context.
            if (token.Class == WordClass.Work && !token.ClauseStart
                && ((previousWord is not null && Determiners.Contains(previousWord)) || (context && IsPastTense(word))))
            {
                token = token with { Class = WordClass.Scope, Scoped = true };
            }

            previousWord = word;
            tokens.Add(corrected ? token with { Corrected = true } : token);
        }

        return [.. tokens];
    }

    private static bool IsPastTense(string word) =>
        (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal)) || IrregularPast.Contains(word);

    private static AnalyzedToken Token(string surface, VocabularyEntry? entry, bool clauseStart, bool scoped)
    {
        if (entry is null)
        {
            var wordClass = surface.All(char.IsAsciiDigit) || IsVersion(surface) ? WordClass.Scope
                : IsErrorName(surface) ? WordClass.Problem
                : WordClass.Plain;
            return new AnalyzedToken(surface, [Stemmer.Stem(surface)], wordClass, clauseStart, scoped);
        }

        var concepts = entry.Implies is null ? new[] { entry.Concept } : [entry.Concept, entry.Implies];
        var cls = clauseStart && entry.WorkAtClauseStart ? WordClass.Work : entry.Class;
        return new AnalyzedToken(surface, concepts, cls, clauseStart, scoped);
    }

    // "v19", "3.2.1" (split into digits already) are versions: arguments, not meaning.
    private static bool IsVersion(string word) => word.Length >= 2 && word[0] == 'v' && word.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;

    // KeyError, TypeError, NullPointerException: a named failure is a bug report.
    private static bool IsErrorName(string word) =>
        (word.Length > 5 && word.EndsWith("error", StringComparison.Ordinal) && word != "errors")
        || (word.Length > 9 && word.EndsWith("exception", StringComparison.Ordinal));

    private static List<(string Word, bool BreakBefore, bool Argument)> Split(string text)
    {
        var arguments = ArgumentChars(text);
        var words = new List<(string, bool, bool)>();
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

            if (c is '\'' or '\u2019' && current.Length > 0)
            {
                // "don't" -> "do not", "can't" -> "ca not": the negation must survive tokenisation.
                if (current[^1] == 'n' && i + 1 < text.Length && char.ToLowerInvariant(text[i + 1]) == 't')
                {
                    current.Length--;
                    Flush(words, current, ref pendingBreak, i > 0 && arguments[i - 1]);
                    words.Add(("not", false, false));
                    i++;
                    continue;
                }

                Flush(words, current, ref pendingBreak, i > 0 && arguments[i - 1]);
                continue;
            }

            Flush(words, current, ref pendingBreak, i > 0 && arguments[i - 1]);
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            if (c is ',' or ';' or '!' or '?' or '\n' or '(' or ')' || (c is '.' or ':' && char.IsWhiteSpace(next)) || (c is '.' && i + 1 == text.Length))
            {
                pendingBreak = true;
            }
        }

        Flush(words, current, ref pendingBreak, text.Length > 0 && arguments[^1]);
        return words;
    }

    /// <summary>
    /// For each character, whether it belongs to an argument: a whitespace-separated chunk that is a path or branch
    /// ("src/app", "release/2.3"), a file name ("main.py") or a flag ("--watch").
    /// </summary>
    private static bool[] ArgumentChars(string text)
    {
        var result = new bool[text.Length];
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
                result.AsSpan(start, i - start).Fill(true);
            }

            start = i + 1;
        }

        return result;
    }

    private static bool IsArgument(ReadOnlySpan<char> chunk)
    {
        if (chunk.Length < 2)
        {
            return false;
        }

        if (chunk[0] == '-' && (char.IsAsciiLetter(chunk[1]) || chunk[1] == '-'))
        {
            return true;
        }

        var slash = chunk.IndexOf('/');
        if (slash >= 0)
        {
            // "src/app" or "./x", not "and/or"-like prose joined by a slash between two plain words.
            return chunk.ContainsAny(PathMarks) || chunk.Count('/') > 1 || slash == 0;
        }

        // "main.py", "app.config.ts": a dot between letters with a short extension.
        var dot = chunk.LastIndexOf('.');
        return dot > 0 && dot < chunk.Length - 1 && char.IsAsciiLetter(chunk[dot - 1]) && chunk.Length - dot - 1 <= 4
            && chunk[(dot + 1)..].IndexOfAnyExceptInRange('a', 'z') < 0;
    }

    private static void Flush(List<(string, bool, bool)> words, StringBuilder current, ref bool pendingBreak, bool argument)
    {
        if (current.Length == 0)
        {
            return;
        }

        words.Add((current.ToString(), pendingBreak && words.Count > 0, argument));
        pendingBreak = false;
        current.Clear();
    }
}
