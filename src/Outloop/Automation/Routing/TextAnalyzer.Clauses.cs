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
    /// Requests written in the passive or impersonal voice, rewritten as the imperative they stand for: "the code should
    /// be linted before review" is "lint the code before review", "unit tests are to be written" is "write unit tests",
    /// "a build is needed" is "a build", and "it would be appreciated if the linters were run" is "run the linters".
    /// Clause by clause; a clause without such a verb is left as it is.
    /// </summary>
    private static List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> ActiveVoice(List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> raw)
    {
        var result = new List<(string Word, bool BreakBefore, bool Argument, bool CodeName)>(raw.Count);
        var polite = false;
        for (var start = 0; start < raw.Count;)
        {
            var end = start + 1;
            while (end < raw.Count && !raw[end].BreakBefore)
            {
                end++;
            }

            var clause = raw.GetRange(start, end - start);

            // "it would be appreciated if ...", "it would be great if ...": a polite frame; the request follows "if".
            if (clause.Count >= 5 && clause[0].Word == "it" && clause[1].Word is "would" or "will" or "d" or "is" && clause[2].Word == "be"
                && clause.FindIndex(3, static w => w.Word == "if") is var frame and > 3 and < 6)
            {
                clause = clause[(frame + 1)..];
                clause[0] = clause[0] with { BreakBefore = raw[start].BreakBefore };
                polite = true;
            }

            result.AddRange(Active(clause, polite) ?? VerbFirst(clause) ?? clause);
            polite &= end < raw.Count && raw[end].Word == "and";
            start = end;
        }

        return result;
    }

    /// <summary>
    /// A clause with its verb last, as in German or Dutch word order ("the migrations run please", "then to origin
    /// push", "in the eslint config the rule to 120 set"), with the verb moved to the front where English puts it. Only a
    /// clause that opens with a determiner or a preposition and ends on a verb (not a word naming a thing: "since my
    /// last push" keeps its noun).
    /// </summary>
    private static List<(string Word, bool BreakBefore, bool Argument, bool CodeName)>? VerbFirst(List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> clause)
    {
        var last = clause.Count - 1;
        while (last > 0 && clause[last].Word is "please" or "pls" or "plz" or "bitte" or "mal" or "now" or "thanks")
        {
            last--;
        }

        if (last < 2 || !(Determiners.Contains(clause[0].Word) || DevVocabulary.Prepositions.Contains(clause[0].Word) || clause[0].Word == "git")
            || clause[last].Argument || Determiners.Contains(clause[last - 1].Word) || DevVocabulary.Prepositions.Contains(clause[last - 1].Word)
            || clause[last - 1].Word is "last" or "first" or "latest" or "next" or "previous" or "recent" or "initial" or "final" or "dev" or "test" or "unit"
            || EnglishVerbs.Read(clause[last].Word) != VerbReading.Main || !EnglishVerbs.IsLemma(clause[last].Word)
            || DevVocabulary.Find(clause[last].Word) is { Class: WordClass.Topic or WordClass.Scope or WordClass.Outcome, WorkAtClauseStart: false }
            || clause.Take(last).Any(static w => w.Word is "not" or "never" or "no" || Copulas.Contains(w.Word) || Modals.Contains(w.Word) || w.Word is "do" or "be"))
        {
            // "the app doesn't start": a statement with its auxiliary, not a verb put last.
            return null;
        }

        return [clause[last] with { BreakBefore = clause[0].BreakBefore }, clause[0] with { BreakBefore = false }, .. clause[1..last], .. clause[(last + 1)..]];
    }

    private static List<(string Word, bool BreakBefore, bool Argument, bool CodeName)>? Active(List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> clause, bool polite)
    {
        for (var b = 1; b + 1 < clause.Count; b++)
        {
            var word = clause[b].Word;

            // "a build is needed", "static analysis is required on the code": the thing needed is the request.
            if (word is "is" or "are" && clause[b + 1].Word is "needed" or "required" or "necessary" or "wanted" && b > 0)
            {
                return [.. clause[..b], .. clause[(b + 2)..]];
            }

            var auxiliary = word == "be" && (Modals.Contains(clause[b - 1].Word) || (clause[b - 1].Word == "to" && b >= 2 && clause[b - 2].Word is "is" or "are" or "needs" or "need" or "has" or "have" or "ought"))
                || (polite && word is "were" or "was" or "be" or "is" or "are");
            if (!auxiliary)
            {
                continue;
            }

            var p = b + 1;
            while (p < clause.Count && clause[p].Word is "also" or "first" or "now" or "properly" or "quickly" or "still" or "all" or "then" or "just" or "finally")
            {
                p++;
            }

            // The participle: an inflected English verb ("started", "written"), one the vocabulary knows ("linted"), or
            // one whose participle is its lemma ("run", "set").
            var participle = clause[p].Word;
            var lemma = EnglishVerbs.LemmaOf(participle);
            var known = DevVocabulary.Find(participle) is not null && participle.EndsWith("ed", StringComparison.Ordinal);
            if (!known && (lemma is null || (lemma == participle && participle is not ("run" or "set" or "put"))))
            {
                return null;
            }

            // The subject before the auxiliary is the object; "it"/"this" stand for what the sentence goes on to name.
            var subjectEnd = word != "be" ? b : b - (clause[b - 1].Word == "to" ? 2 : 1);
            var subject = clause[..subjectEnd].Where(static w => w.Word is not ("it" or "this" or "that")).ToList();
            var verb = DevVocabulary.Find(participle) is not null || lemma is null ? participle : lemma;
            return [(verb, clause[0].BreakBefore, false, false), .. subject.Select(static (w, k) => k == 0 ? w with { BreakBefore = false } : w), .. clause[(p + 1)..]];
        }

        return null;
    }

    /// <summary>Whether the word at <paramref name="at"/> wishes for something ("I want", "we need", "I have to"); "I have a meeting" only tells.</summary>
    private static bool IsRequestVerb(List<(string Word, bool BreakBefore, bool Argument, bool CodeName)> raw, int at) =>
        RequestVerbs.Contains(raw[at].Word) && (raw[at].Word != "have" || (at + 1 < raw.Count && raw[at + 1].Word is "to" or "you"));

    /// <summary>A verb's third-person present ("adds", "keeps", "says"): never an imperative.</summary>
    private static bool IsThirdPerson(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !EnglishVerbs.IsLemma(word)
        && (EnglishVerbs.IsLemma(word[..^1]) || (word.EndsWith("es", StringComparison.Ordinal) && EnglishVerbs.IsLemma(word[..^2])))
        && EnglishVerbs.Read(word) == VerbReading.Main;

    private static bool IsPastTense(string word) =>
        (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal)) || IrregularPast.Contains(word)
        || (word.Length > 3 && !word.EndsWith('s') && EnglishVerbs.IsIrregularForm(word));
}
