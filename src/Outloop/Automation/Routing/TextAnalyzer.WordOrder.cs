namespace Outloop.Automation.Routing;

/// <summary>
/// Word orders that put the request's verb elsewhere than English's imperative does, rewritten before the words are
/// read: the passive and impersonal voice ("the server should be started"), polite frames ("it would be appreciated if
/// the tests were run") and the verb last ("the migrations run please").
/// </summary>
internal static partial class TextAnalyzer
{
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
}
