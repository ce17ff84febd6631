using System.Collections.Frozen;
using System.IO.Compression;

namespace Outloop.Automation.Routing;

/// <summary>
/// The English verbs (from WordNet 3.0, written by <c>scripts/english-verbs.py</c> into the embedded
/// <c>EnglishVerbs.txt</c>), so the router can tell a word it does not know that asks for an action ("squash",
/// "bisect") from one that only names the thing the request is about ("the gateway", "the headers").
/// </summary>
internal static class EnglishVerbs
{
    private const string ResourceName = "Outloop.Automation.Routing.EnglishVerbs.txt";

    private static readonly Lazy<(FrozenDictionary<string, VerbReading> Lemmas, FrozenDictionary<string, string> Irregular)> Table = new(Load);

    /// <summary>Whether <paramref name="word"/> is itself a verb lemma ("speed", "need"), not an inflection.</summary>
    public static bool IsLemma(string word) => Table.Value.Lemmas.ContainsKey(word);

    /// <summary>Whether <paramref name="word"/> is an irregular form of a verb ("came", "gone", "broke").</summary>
    public static bool IsIrregularForm(string word) => Table.Value.Irregular.ContainsKey(word);

    /// <summary>How <paramref name="word"/> (lower case, any inflection: "squashed", "digging", "ran") reads as a verb.</summary>
    public static VerbReading Read(string word)
    {
        var (lemmas, irregular) = Table.Value;
        if (lemmas.TryGetValue(word, out var reading))
        {
            return reading;
        }

        if (irregular.TryGetValue(word, out var lemma))
        {
            return lemmas[lemma];
        }

        var best = VerbReading.None;
        foreach (var candidate in Lemmas(word))
        {
            if (lemmas.TryGetValue(candidate, out var r) && r > best)
            {
                best = r;
            }
        }

        return best;
    }

    /// <summary>The verb lemma of <paramref name="word"/> ("written" is write, "linted" is lint), or null when English has none.</summary>
    public static string? LemmaOf(string word)
    {
        var (lemmas, irregular) = Table.Value;
        if (lemmas.ContainsKey(word))
        {
            return word;
        }

        if (irregular.TryGetValue(word, out var lemma))
        {
            return lemma;
        }

        foreach (var candidate in Lemmas(word))
        {
            if (lemmas.ContainsKey(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The lemmas an inflected form may come from (WordNet's detachment rules plus doubled consonants).</summary>
    internal static IEnumerable<string> Lemmas(string word)
    {
        if (word.Length < 4)
        {
            yield break;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal))
        {
            yield return word[..^3] + "y";
        }

        if (word.EndsWith("es", StringComparison.Ordinal))
        {
            yield return word[..^2];
            yield return word[..^1];
        }
        else if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            yield return word[..^1];
        }

        foreach (var suffix in (string[])["ed", "ing"])
        {
            if (!word.EndsWith(suffix, StringComparison.Ordinal) || word.Length - suffix.Length < 2)
            {
                continue;
            }

            var stem = word[..^suffix.Length];
            yield return stem;
            yield return stem + "e";
            if (stem.Length >= 3 && stem[^1] == stem[^2])
            {
                yield return stem[..^1];
            }

            if (suffix == "ed" && stem.EndsWith('i'))
            {
                yield return stem[..^1] + "y";
            }
        }
    }

    /// <summary>The lines of an embedded word list (gzipped when its name ends in .gz), without blanks and '#' comments.</summary>
    internal static IEnumerable<string> ResourceLines(string name)
    {
        using var stream = typeof(EnglishVerbs).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the build.");
        using var text = name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(text);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }

    private static (FrozenDictionary<string, VerbReading>, FrozenDictionary<string, string>) Load()
    {
        var lemmas = new Dictionary<string, VerbReading>(StringComparer.Ordinal);
        var irregular = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in ResourceLines(ResourceName))
        {
            var arrow = line.IndexOf('>', StringComparison.Ordinal);
            if (arrow > 0)
            {
                irregular[line[..arrow]] = line[(arrow + 1)..];
            }
            else
            {
                lemmas[line[..^2]] = line[^1] == 'V' ? VerbReading.Main : VerbReading.Possible;
            }
        }

        return (lemmas.ToFrozenDictionary(StringComparer.Ordinal), irregular.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
