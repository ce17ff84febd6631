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

    public static AnalyzedToken[] Analyze(string text)
    {
        var raw = Split(text);
        var tokens = new List<AnalyzedToken>(raw.Count);
        var clauseOpen = true;
        var scoped = false;
        var sawFrom = false;
        string? previousWord = null;
        for (var i = 0; i < raw.Count; i++)
        {
            var (word, breakBefore) = raw[i];
            if (breakBefore)
            {
                clauseOpen = true;
                scoped = false;
                sawFrom = false;
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
            previousWord = word;
            tokens.Add(Token(surface, entry, isClauseStart, scoped));
        }

        return [.. tokens];
    }

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

    private static List<(string Word, bool BreakBefore)> Split(string text)
    {
        var words = new List<(string, bool)>();
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
                    Flush(words, current, ref pendingBreak);
                    words.Add(("not", false));
                    i++;
                    continue;
                }

                Flush(words, current, ref pendingBreak);
                continue;
            }

            Flush(words, current, ref pendingBreak);
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            if (c is ',' or ';' or '!' or '?' or '\n' or '(' or ')' || (c is '.' or ':' && char.IsWhiteSpace(next)) || (c is '.' && i + 1 == text.Length))
            {
                pendingBreak = true;
            }
        }

        Flush(words, current, ref pendingBreak);
        return words;
    }

    private static void Flush(List<(string, bool)> words, StringBuilder current, ref bool pendingBreak)
    {
        if (current.Length == 0)
        {
            return;
        }

        words.Add((current.ToString(), pendingBreak && words.Count > 0));
        pendingBreak = false;
        current.Clear();
    }
}
