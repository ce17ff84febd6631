using System.Collections.Frozen;

namespace Outloop.Automation.Routing;

/// <summary>
/// The English words of seven letters or more (WordNet 3.0, written by <c>scripts/english-verbs.py</c> into the
/// embedded <c>EnglishWords.txt.gz</c>): a real word ("context", "forgetting") is never read as a two-letter typo of
/// a development word ("convert", "formatting"). And the words that describe (<c>EnglishDescriptors.txt.gz</c>):
/// adjectives and adverbs ("untidy", "awful", "sloppy") say how a thing is, never which operation is asked for.
/// </summary>
internal static class EnglishWords
{
    private const string ResourceName = "Outloop.Automation.Routing.EnglishWords.txt.gz";
    private const string DescriptorsName = "Outloop.Automation.Routing.EnglishDescriptors.txt.gz";

    private static readonly Lazy<FrozenSet<string>> Words = new(() => Load(ResourceName));
    private static readonly Lazy<FrozenSet<string>> Descriptors = new(() => Load(DescriptorsName));

    /// <summary>Whether <paramref name="word"/> (lower case, as written) is mainly an adjective or adverb of English.</summary>
    public static bool Describes(string word) => Descriptors.Value.Contains(word);

    /// <summary>Whether <paramref name="word"/> (lower case, as written) is an English word of seven letters or more.</summary>
    public static bool ContainsExactly(string word) => Words.Value.Contains(word);

    /// <summary>Whether <paramref name="word"/> (lower case, any inflection) is an English word.</summary>
    public static bool Contains(string word)
    {
        var words = Words.Value;
        if (words.Contains(word) || EnglishVerbs.Read(word) != VerbReading.None)
        {
            return true;
        }

        foreach (var lemma in EnglishVerbs.Lemmas(word))
        {
            if (words.Contains(lemma))
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenSet<string> Load(string name) => EnglishVerbs.ResourceLines(name).ToFrozenSet(StringComparer.Ordinal);
}
