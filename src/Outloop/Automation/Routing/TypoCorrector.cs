namespace Outloop.Automation.Routing;

/// <summary>
/// Maps a misspelt word to the one known word it is close to: within Damerau-Levenshtein distance 1 for words of 4 to 6
/// letters, 2 from 7 letters when the first two letters are kept. A word close to words of several concepts is corrected
/// only when exactly one of them keeps its consonants in order ("servr" is server, not serve) or shares its first letter
/// ("lnit" is lint, not unit); otherwise it stays unknown. Chat shorthand without vowels ("lnt", "srvr") is the one known
/// word with those consonants. Known words are bucketed by first and second letter and length, so a lookup compares few
/// words even with thousands of targets. Everyday words one letter from a known word ("look" and lock), long English
/// words and English verbs are never corrected.
/// </summary>
internal sealed class TypoCorrector
{
    private const int MinLength = 4;
    private const int LongWord = 7;
    private static readonly System.Buffers.SearchValues<char> Vowels = System.Buffers.SearchValues.Create("aeiouy");
    private readonly Dictionary<(char Letter, int Length), List<(string Word, string Concept)>> buckets = [];
    private readonly HashSet<string> known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> skeletons = new(StringComparer.Ordinal);
    private readonly HashSet<string> english;

    /// <param name="words">The known words a typo may stand for.</param>
    /// <param name="english">Everyday words that are one letter from a known word but never a typo of it ("look", "line").</param>
    public TypoCorrector(IEnumerable<string> words, IEnumerable<string> english)
    {
        this.english = new HashSet<string>(english, StringComparer.Ordinal);

        foreach (var word in words)
        {
            if (word.Length < MinLength - 1 || !word.All(char.IsAsciiLetterLower) || !known.Add(word))
            {
                continue;
            }

            var concept = DevVocabulary.Find(word)?.Concept ?? Stemmer.Stem(word);

            // Chat shorthand drops the vowels ("lnt", "srvr", "tst"): one known word per consonant skeleton, or none.
            var skeleton = Skeleton(word);
            if (skeleton.Length >= 3 && skeleton.Length < word.Length)
            {
                skeletons[skeleton] = skeletons.TryGetValue(skeleton, out var other) && other != word ? null : word;
            }

            foreach (var letter in (ReadOnlySpan<char>)[word[0], word[1]])
            {
                if (!buckets.TryGetValue((letter, word.Length), out var list))
                {
                    buckets[(letter, word.Length)] = list = [];
                }

                list.Add((word, concept));

                if (word[0] == word[1])
                {
                    break;
                }
            }
        }
    }

    /// <summary>The known word <paramref name="word"/> is a typo of, or null.</summary>
    public string? Correct(string word)
    {
        // "lnt", "srvr": a word without vowels is a known word's consonants.
        if (word.Length >= 3 && word.AsSpan().IndexOfAny(Vowels) < 0 && word.All(char.IsAsciiLetterLower) && !known.Contains(word)
            && skeletons.TryGetValue(word, out var shorthand) && shorthand is not null)
        {
            return shorthand;
        }

        // A long word that English has as written ("waiting") is no typo, even one letter from "writing"; nor is an
        // English verb of any length ("sprint" is no "spring").
        if (word.Length < MinLength || known.Contains(word) || english.Contains(word) || !word.All(char.IsAsciiLetterLower)
            || EnglishWords.ContainsExactly(word) || EnglishVerbs.IsLemma(word))
        {
            return null;
        }

        // A real English word ("forgetting", "context") is two letters from some development word ("formatting",
        // "convert"): two edits only for a word English does not know.
        var limit = word.Length >= LongWord && !EnglishWords.Contains(word) ? 2 : 1;
        var matches = new List<(string Word, string Concept)>(4);

        // A typo keeps its first or second letter in place, or swaps the two.
        foreach (var letter in (ReadOnlySpan<char>)[word[0], word[1]])
        {
            for (var length = word.Length - limit; length <= word.Length + limit; length++)
            {
                if (buckets.TryGetValue((letter, length), out var list))
                {
                    Collect(word, limit, list, matches);
                }
            }
        }

        if (matches.Count == 1)
        {
            return matches[0].Word;
        }

        // "servr" is a server, not a serve: the word whose consonants it keeps, in order.
        var written = Skeleton(word);
        if (matches.Count > 1 && matches.Count(m => Skeleton(m.Word) == written) == 1)
        {
            return matches.First(m => Skeleton(m.Word) == written).Word;
        }

        string? sameLetter = null;
        foreach (var (candidate, _) in matches)
        {
            if (candidate[0] == word[0])
            {
                if (sameLetter is not null)
                {
                    return null;
                }

                sameLetter = candidate;
            }
        }

        return sameLetter;
    }

    /// <summary>The word without its vowels ("server" is "srvr").</summary>
    private static string Skeleton(string word) => string.Concat(word.Where(static c => !Vowels.Contains(c)));

    private static void Collect(string word, int limit, List<(string Word, string Concept)> list, List<(string Word, string Concept)> matches)
    {
        foreach (var (candidate, concept) in list)
        {
            // Two edits are allowed only on a long word that keeps its first two letters.
            var allowed = limit == 2 && (candidate[0] != word[0] || candidate[1] != word[1]) ? 1 : limit;
            if (Math.Abs(candidate.Length - word.Length) <= allowed && Distance(word, candidate, allowed) <= allowed
                && !matches.Exists(m => m.Concept == concept))
            {
                matches.Add((candidate, concept));
            }
        }
    }

    /// <summary>Optimal string alignment distance, stopping early once every path exceeds <paramref name="limit"/>.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        if (b.Length > 64)
        {
            return limit + 1;
        }

        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, previous2[j - 2] + 1);
                }

                current[j] = d;
                rowMin = Math.Min(rowMin, d);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }
}
