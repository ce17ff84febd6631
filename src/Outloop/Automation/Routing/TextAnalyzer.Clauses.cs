namespace Outloop.Automation.Routing;

/// <summary>How a clause of a request reads: who speaks, whether it asks, states or reports, and what a word does in it.</summary>
internal static partial class TextAnalyzer
{
    /// <summary>Whether the words after "migrate ... to" name a schema state (head, the latest version, 42) rather than a new technology.</summary>
    private static bool IsMigrationDestination(List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> raw, int at)
    {
        while (at < raw.Count && !raw[at].BreakBefore && Determiners.Contains(raw[at].Word))
        {
            at++;
        }

        return at >= raw.Count || raw[at].BreakBefore || raw[at].Word.All(char.IsAsciiDigit) || MigrationStates.Contains(raw[at].Word);
    }

    /// <summary>Whether the words after "to" name the whole project ("to the whole solution", "to all files").</summary>
    private static bool WholeFollows(List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> raw, int at)
    {
        while (at < raw.Count && !raw[at].BreakBefore && Determiners.Contains(raw[at].Word))
        {
            at++;
        }

        return at < raw.Count && !raw[at].BreakBefore && raw[at].Word is "whole" or "entire" or "all" or "every" or "everything" or "each";
    }

    /// <summary>Whether the request asks the listener ("can you", "could u", "please") anywhere.</summary>
    private static bool AsksTheListener(List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> raw)
    {
        for (var k = 0; k < raw.Count; k++)
        {
            if (AsksAt(raw, k))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the request opens with an operation verb ("run the typecheck, I suspect ...").</summary>
    private static bool OpensWithImperative(List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> raw)
    {
        foreach (var (word, _, argument, _) in raw)
        {
            if (argument || DevVocabulary.ClauseFillers.Contains(word))
            {
                continue;
            }

            // "try compiling the solution, ...": an operation named by its -ing form after "try" opens the request too.
            return DevVocabulary.Find(word) is { Class: WordClass.Generic or WordClass.Action }
                || word is "lint" or "build" or "compile" or "format" or "reformat" or "test" or "migrate" or "typecheck" or "bump"
                || (word.EndsWith("ing", StringComparison.Ordinal) && DevVocabulary.Find(word) is { Class: WordClass.Topic });
        }

        return false;
    }

    /// <summary>Whether the words at <paramref name="at"/> ask the listener ("can you", "would u", "please").</summary>
    private static bool AsksAt(List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> raw, int at) =>
        raw[at].Word is "please" or "pls" or "plz"
        || (raw[at].Word is "can" or "could" or "would" or "will" or "might" && at + 1 < raw.Count && raw[at + 1].Word is "you" or "u")
        || (raw[at].Word is "you" or "u" && at + 1 < raw.Count && raw[at + 1].Word is "could" or "might" or "can");

    /// <summary>The index of the next word of the clause after <paramref name="at"/>, past any of <paramref name="skip"/>.</summary>
    private static int? NextWord(List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> raw, int at, params ReadOnlySpan<string> skip)
    {
        for (var k = at + 1; k < raw.Count && !raw[k].BreakBefore; k++)
        {
            if (!skip.Contains(raw[k].Word))
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>Whether the clause that goes on from <paramref name="at"/> holds one of <paramref name="words"/>.</summary>
    private static bool ClauseHas(List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> raw, int at, params ReadOnlySpan<string> words)
    {
        for (var k = at; k < raw.Count && (k == at || !raw[k].BreakBefore); k++)
        {
            if (words.Contains(raw[k].Word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the rest of the clause from <paramref name="at"/> asks why or reports a problem ("no idea why it fails").</summary>
    private static bool ClauseAsks(List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> raw, int at)
    {
        for (var k = at; k < raw.Count && (k == at || !raw[k].BreakBefore); k++)
        {
            if (DevVocabulary.Find(raw[k].Word) is { Class: WordClass.Question or WordClass.Problem } || HowQuestions.Contains(raw[k].Word) || raw[k].Word == "how")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the rest of the clause from <paramref name="at"/> holds a copula or a past form ("landed", "is there").</summary>
    private static bool ClauseSaysWhatHappened(List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> raw, int at)
    {
        for (var k = at; k < raw.Count && !raw[k].BreakBefore; k++)
        {
            if (raw[k].Word is "is" or "are" or "was" or "were" or "has" or "have" || IsPastForm(raw[k].Word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the clause before <paramref name="at"/> asks which or what ("show me which files I changed").</summary>
    private static bool AskedWhich(List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> raw, int at)
    {
        for (var k = at - 1; k >= 0; k--)
        {
            if (raw[k].Word is "which" or "what" or "whichever" or "whatever")
            {
                return true;
            }

            if (raw[k].BreakBefore)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a copula or a past tense follows within the next four words of the clause ("my diff is", "the new code
    /// looks", "the schema changed"), or a third-person verb of work or outside the vocabulary ("my PR adds a migration",
    /// "someone added a column", "unity keeps generating files"): what someone did or does, told. With
    /// <paramref name="anyVerb"/>, any English verb outside the vocabulary too ("the tests take six minutes"); not in
    /// what is to be checked ("confirm that the tests remain green").
    /// </summary>
    private static bool CopulaFollows(List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> raw, int at, bool pastTense = true, bool anyVerb = true)
    {
        // A noun phrase may run a few words ("the pre-commit hook has been disabled"); a verb of the vocabulary ends it.
        for (var k = at + 1; k < Math.Min(raw.Count, at + 5); k++)
        {
            // "do the rails migrations there is a couple new ones": "there" or a subject opens the next clause.
            if (raw[k].BreakBefore || raw[k].Word is "there" or "i" or "we" or "you" or "they" or "he" or "she")
            {
                return false;
            }

            // "the tests take six minutes", "the release notes say": after the subject, an English verb the vocabulary
            // does not know tells how things are.
            var entry = DevVocabulary.Find(raw[k].Word);
            if (pastTense && entry is null or { Class: WordClass.Work } && DevVocabulary.Find(raw[k - 1].Word) is not { Class: WordClass.Work }
                && (IsPastForm(raw[k].Word) || IsThirdPerson(raw[k].Word) || (anyVerb && entry is null && k > at + 1 && raw[k].Word != "be" && !DevVocabulary.StopWords.Contains(raw[k].Word) && EnglishVerbs.IsLemma(raw[k].Word) && EnglishVerbs.Read(raw[k].Word) == VerbReading.Main)))
            {
                return true;
            }

            if (entry is { Class: WordClass.Work })
            {
                return false;
            }

            // "the pyproject changed quite a lot": a past-tense verb after the subject tells what happened.
            if (Copulas.Contains(raw[k].Word) || (pastTense && IsPastTense(raw[k].Word) && DevVocabulary.Find(raw[k - 1].Word) is not { Class: WordClass.Work }))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a word outside the vocabulary names a thing: after a definite determiner it does ("the gateway"); after
    /// "a"/"an" it is something new to make ("build a REST API"); the head of a compound is what the request is about
    /// ("lint roller"); where a verb would stand (opening the clause, after a subject) it does unless English has it as
    /// a verb ("squash my commits", "we use"); elsewhere unless it is mainly a verb ("clippy says it can be elided").
    /// </summary>
    private static bool NamesAThing(string word, string? previousWord, bool clauseStart, bool afterTopic)
    {
        if (previousWord is "a" or "an" || afterTopic)
        {
            return false;
        }

        if (previousWord is not null && Determiners.Contains(previousWord))
        {
            return true;
        }

        var reading = EnglishVerbs.Read(word);
        return clauseStart || previousWord is "i" or "we" or "you" or "they" or "he" or "she"
            ? reading == VerbReading.None
            : reading != VerbReading.Main;
    }

    /// <summary>
    /// A past form of an English verb ("pushed", "removed", "broke"), not a verb that merely ends in -ed ("speed", "need"):
    /// opening a clause, it tells what the speaker did ("pushed a fix, build it again"), for no imperative is in the past.
    /// </summary>
    private static bool IsPastForm(string word) =>
        (IrregularPast.Contains(word) || EnglishVerbs.IsIrregularForm(word)
            || (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) && EnglishVerbs.Read(word) != VerbReading.None && !EnglishVerbs.IsLemma(word)))
        && !word.EndsWith('s') && word is not ("are" or "were" or "was" or "did" or "had" or "been" or "am" or "got" or "went");

    /// <summary>
    /// Whether the word at <paramref name="at"/> wishes for something ("I want", "we need", "I have to"); "I have a
    /// meeting" only tells. Once something was <paramref name="asked"/>, only a wish for an action ("I need to", "I want
    /// you to") is one: "launch the app, I need a screenshot" says why.
    /// </summary>
    private static bool IsRequestVerb(List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> raw, int at, bool asked = false) =>
        RequestVerbs.Contains(raw[at].Word)
        && ((raw[at].Word != "have" && !asked) || (at + 1 < raw.Count && raw[at + 1].Word is "to" or "you"));

    /// <summary>A verb's third-person present ("adds", "keeps", "says"): never an imperative.</summary>
    private static bool IsThirdPerson(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !EnglishVerbs.IsLemma(word)
        && (EnglishVerbs.IsLemma(word[..^1]) || (word.EndsWith("es", StringComparison.Ordinal) && EnglishVerbs.IsLemma(word[..^2])))
        && EnglishVerbs.Read(word) == VerbReading.Main;

    private static bool IsPastTense(string word) =>
        (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal)) || IrregularPast.Contains(word)
        || (word.Length > 3 && !word.EndsWith('s') && EnglishVerbs.IsIrregularForm(word));
}
