namespace Outloop.Automation.Routing;

/// <summary>
/// Turns a request (or a tool's phrase) into concepts: lower-cases, splits on anything that is not a letter or digit,
/// joins known two-word phrases, drops stop words, stems, maps synonyms to one concept through
/// <see cref="DevVocabulary"/>, and notes clause openings and prepositional scope.
/// </summary>
internal static partial class TextAnalyzer
{
    private static readonly HashSet<string> InfinitiveIntroducers = new(StringComparer.Ordinal)
    {
        "want", "need", "needs", "you", "try", "going", "have", "has", "able", "how", "like", "please", "wanna", "i", "we", "way",
        "trouble", "possible", "chance",
    };

    private static readonly HashSet<string> HowQuestions = new(StringComparer.Ordinal)
    {
        "do", "does", "did", "can", "could", "should", "would", "to", "come", "is", "are", "was", "were", "will",
    };

    private static readonly System.Buffers.SearchValues<char> VersionChars = System.Buffers.SearchValues.Create("0123456789.");

    // States of a change that has not been recorded yet ("not committed", "not staged").
    private static readonly HashSet<string> UnrecordedStates = new(StringComparer.Ordinal)
    {
        "committed", "staged", "pushed", "tracked", "stashed", "commited",
    };

    // "I'm not sure", "I don't really know how": the speaker's doubt, not a request negated.
    private static readonly HashSet<string> Hedges = new(StringComparer.Ordinal)
    {
        "sure", "certain", "know", "remember", "understand", "familiar", "confident", "clear", "recall",
    };

    // Verbs whose particle "up" (or complement "running") at the end makes them start something: "bring the stack up".
    private static readonly HashSet<string> StartingVerbs = new(StringComparer.Ordinal)
    {
        "bring", "spin", "fire", "boot", "stand", "start", "get", "put", "make", "have",
    };

    // What a speaker says they want done ("I need to run", "I'd like to see"): a request, not a statement.
    private static readonly HashSet<string> RequestVerbs = new(StringComparer.Ordinal)
    {
        "want", "need", "like", "wanna", "would", "d", "have", "must", "should", "wish", "hope", "hoping", "ask", "appreciate", "love",
    };

    // Subjects of a statement that are no determiner ("somebody mentioned that ...", "she wants ...").
    private static readonly HashSet<string> PronounSubjects = new(StringComparer.Ordinal)
    {
        "someone", "somebody", "nobody", "everyone", "everybody", "anyone", "he", "she", "they", "it",
    };

    private static readonly HashSet<string> Modals = new(StringComparer.Ordinal)
    {
        "should", "must", "shall", "would", "will", "can", "could", "may", "might", "ca", "wo", "need", "needs",
    };

    private static readonly HashSet<string> FirstPersonSubjects = new(StringComparer.Ordinal) { "i", "we", "ive", "weve", "id" };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "my", "our", "your", "this", "that", "these", "those", "their", "his", "her", "teh", "hte",
    };

    private static readonly HashSet<string> Copulas = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "has", "have", "keeps", "keep", "looks", "look", "seems", "seem", "feels", "feel", "gets", "got",
        "fails", "failed", "breaks", "broke", "crashes", "crashed", "hangs", "throws", "threw", "takes", "took", "does", "did", "returns",
        "complains", "says", "needs", "adds", "requires", "contains", "includes", "mentions", "wants", "went", "done", "finished", "landed",

        // "the team said ...", "my lead mentioned ...": what someone reported is context, not the request.
        "said", "told", "mentioned", "reported", "thinks", "thought", "claims", "claimed",
    };

    private static readonly HashSet<string> MigrationStates = new(StringComparer.Ordinal)
    {
        "head", "latest", "newest", "current", "last", "most", "recent", "version", "revision", "schema", "db", "database", "top", "tip", "date",
        "local", "dev", "development", "staging", "test",
    };

    // Database words that a version upgrade of a product ("update postgres to 16") does not use.
    private static readonly HashSet<string> SchemaWords = new(StringComparer.Ordinal)
    {
        "database", "databases", "db", "dbs", "schema", "schemas",
    };

    // Parts of an application that a "run"/"start" can only mean to start ("run the api locally").
    private static readonly HashSet<string> Components = new(StringComparer.Ordinal)
    {
        "api", "backend", "frontend", "web", "ui", "client", "service", "services", "app", "apps", "application", "applications", "webapp",
        "website", "site", "dashboard", "endpoint",
    };

    private static readonly HashSet<string> IrregularPast = new(StringComparer.Ordinal)
    {
        "ran", "made", "wrote", "built", "got", "did", "took", "put", "brought", "broke", "gave", "began", "saw",
        "forgot", "left", "said", "told", "thought", "heard", "found", "lost", "merged",
    };

    /// <summary>
    /// The request's meaningful words. With a <paramref name="corrector"/>, a word outside the vocabulary that is a
    /// typo of a known word is read as that word (and marked <see cref="AnalyzedToken.Corrected"/>).
    /// </summary>
    public static AnalyzedToken[] Analyze(string text, TypoCorrector? corrector = null)
    {
        var raw = ActiveVoice(Split(text));

        // "Bot: run pytest", "Marco, lint the api": a name opening the request addresses someone.
        if (raw.Count > 1 && raw[1].BreakBefore && DevVocabulary.Find(raw[0].Word) is null && !DevVocabulary.StopWords.Contains(raw[0].Word))
        {
            raw.RemoveAt(0);
            raw[0] = raw[0] with { BreakBefore = false };
        }

        var tokens = new List<AnalyzedToken>(raw.Count);
        var clauseOf = new List<int>(raw.Count);
        var clause = 0;
        var sawMigrate = false;
        var sawUpdate = false;
        var clauseOpen = true;
        var scoped = false;
        var sawFrom = false;

        // Context: a subordinate clause ("before I commit") or a first-person account ("I just pulled main").
        var subordinate = false;
        var firstPerson = false;
        var narrative = false;
        var toldAsNarrative = false;
        var relative = false;
        var statement = false;
        var wished = false;
        var planned = false;
        var reported = false;
        var reportedWhether = false;
        var auxiliarySubject = false;
        var subordinateVerb = false;
        var timePhrase = false;
        string? previousWord = null;
        string? clauseWord = null;

        // "I'm a bit lost, can you ...": when the listener is asked for something, the speaker's own statements are context.
        var askedOfYou = AsksTheListener(raw) || OpensWithImperative(raw);
        for (var i = 0; i < raw.Count; i++)
        {
            var (word, breakBefore, isArgument, codeName) = raw[i];
            if (breakBefore)
            {
                StartClause();
            }

            // A path, file name, branch or flag ("tests/test_x.py", "release/2.3", "--watch") is an argument: its
            // topic words still say what it is about, the rest only says where.
            if (isArgument)
            {
                var argumentEntry = DevVocabulary.Find(word);
                Emit(argumentEntry is { Class: WordClass.Topic or WordClass.Scope }
                    ? Token(word, argumentEntry, false, true) with { Incidental = true }
                    : new AnalyzedToken(word, [Stemmer.Stem(word)], WordClass.Scope, false, true) { Incidental = true });
                previousWord = word;
                continue;
            }

            // A name from the code ("CartService", "raw_events") is a thing the request is about, never a verb or a topic.
            if (codeName)
            {
                Emit(new AnalyzedToken(word, [Stemmer.Stem(word)], WordClass.Plain, false, scoped || subordinate || narrative) { Named = true });
                previousWord = word;
                continue;
            }

            // "bring X up to date" is an update.
            if (word == "up" && i + 2 < raw.Count && raw[i + 1].Word == "to" && raw[i + 2].Word == "date")
            {
                var stated = firstPerson && askedOfYou;
                Emit(new AnalyzedToken("up to date", ["update"], WordClass.Action, false, scoped || subordinate || narrative || stated) { Incidental = stated, Context = stated });
                i += 2;
                previousWord = "date";
                continue;
            }

            // "I'm not sure if I broke anything", "i am not sure i did it right": the speaker's doubt and what it is
            // about give context; the rest of the clause is left out.
            if (word == "not" && NextWord(raw, i, "really", "quite", "totally", "completely", "100") is { } hedged && Hedges.Contains(raw[hedged].Word))
            {
                while (i + 1 < raw.Count && !raw[i + 1].BreakBefore && !DevVocabulary.ClauseBreaks.Contains(raw[i + 1].Word) && !AsksAt(raw, i + 1))
                {
                    i++;
                }

                previousWord = raw[i].Word;
                continue;
            }

            // "if not, send me the errors": the condition's other case, no negated request; "don't bother me", "no worries".
            if (word == "not" && (previousWord == "if" || (i + 1 < raw.Count && !raw[i + 1].BreakBefore && raw[i + 1].Word is "bother" or "worry")))
            {
                if (previousWord != "if")
                {
                    i++;
                }

                previousWord = raw[i].Word;
                continue;
            }

            // "update them to versions that won't break anything", "don't break anything": a constraint, no negated request.
            if (word is "not" or "never" && NextWord(raw, i) is { } broken && raw[broken].Word is "break" or "breaking" or "fail" or "affect")
            {
                previousWord = word;
                continue;
            }

            // "my editor didn't run the formatter", "the table does not exist": a negation inside a statement about
            // something says how things are; only a negated request ("don't run", "it must not start") negates.
            if (word is "not" or "never" && clauseWord is not null and not ("which" or "what" or "who" or "where") && previousWord is not null && !Modals.Contains(previousWord))
            {
                previousWord = word;
                continue;
            }

            // "bring the local stack up", "get the app running", "srv up": a starting verb completed at the clause's end.
            if (word is "up" or "running" or "started" or "going" && (i + 1 == raw.Count || raw[i + 1].BreakBefore || raw[i + 1].Word is "in" or "locally" or "on" or "for" or "and" or "so")
                && ((clauseWord is not null && StartingVerbs.Contains(clauseWord) && (word == "up" || clauseWord is "get" or "have"))
                    || (word == "up" && tokens.Count > 0 && tokens[^1].Concepts[0] is "server" or "app" && tokens[^1].Surface == previousWord)))
            {
                Emit(new AnalyzedToken(clauseWord + " ... " + word, ["start"], WordClass.Action, false, scoped || subordinate || narrative));
                previousWord = word;
                continue;
            }

            // "tell me which ones changed version", "let me know if anything fails": what is to be reported back is read
            // but never counts against a target (it names what the result holds, not another operation).
            if (word is "which" or "what" or "whether" or "if" or "where" or "whats" && tokens.Count > 0 && tokens[^1] is { Concepts: ["show", ..], Class: WordClass.Generic }
                && (previousWord is "me" or "us" || tokens[^1].Surface == previousWord))
            {
                reported = true;
                reportedWhether = word is "whether" or "if";
                previousWord = word;
                continue;
            }

            // "sorry if this is a silly question": a condition is context; "check if the tests pass" asks whether, and
            // "if you could compile it" asks politely.
            var conditional = word == "if" && !(tokens.Count > 0 && tokens[^1].Class == WordClass.Generic && tokens[^1].Surface == previousWord)
                && previousWord is not ("me" or "us" or "know" or "see" or "sure" or "wonder" or "wondering" or "wondered" or "ask" or "asking" or "out" or "it")
                && !(i + 2 < raw.Count && raw[i + 1].Word is "you" or "u" && raw[i + 2].Word is "could" or "can" or "would" or "will" or "have" or "get");
            // "..., so run ruff check": "so" before a request opens the main clause; "so I can test it" gives a purpose.
            if (word == "so" && tokens.Count > 0 && i + 1 < raw.Count && (AsksAt(raw, i + 1)
                || DevVocabulary.Find(raw[i + 1].Word) is { Class: WordClass.Generic or WordClass.Action or WordClass.Topic }))
            {
                StartClause();
                previousWord = word;
                continue;
            }

            // "As part of ORD-88, please run the unit tests": what the request belongs to is context.
            if (word == "as" && i + 2 < raw.Count && raw[i + 1].Word == "part" && raw[i + 2].Word == "of")
            {
                StartClause(subordinateClause: true);
                i += 2;
                previousWord = "of";
                continue;
            }

            if (DevVocabulary.Subordinators.Contains(word) || (word == "so" && tokens.Count > 0) || conditional)
            {
                StartClause(subordinateClause: true);
                timePhrase = word is "before" or "after" or "until" or "since" && i + 1 < raw.Count && !raw[i + 1].BreakBefore
                    && Determiners.Contains(raw[i + 1].Word);
                previousWord = word;
                continue;
            }

            // "before I do anything else can you run the tests", "I was hoping you could ...": a request to the listener
            // opens the main clause.
            if ((subordinate && ((word is "can" or "could" or "would" or "will" && i + 1 < raw.Count && raw[i + 1].Word is "you" or "u") || word is "please" or "pls"))
                || ((statement || narrative) && AsksAt(raw, i))
                // "before tagging v2.8.0 run the tests": a second verb after the subordinate clause's own opens the request.
                || (subordinate && subordinateVerb && DevVocabulary.Find(word) is { Class: WordClass.Generic or WordClass.Action } && EnglishVerbs.IsLemma(word)
                    && previousWord is not ("i" or "we" or "you" or "u" or "they" or "he" or "she" or "it" or "to") && !Modals.Contains(previousWord ?? string.Empty)))
            {
                StartClause();
            }

            // "before the demo I'd like ...": a subordinator with only a noun phrase says when; the subject after it opens the request.
            if (subordinate && timePhrase && FirstPersonSubjects.Contains(word))
            {
                StartClause();
            }

            // "no need to fix anything", "don't change the code": work declined is no work asked for, and no negated request.
            // "run the tests, no need to look into the failures", "lint it, don't apply any fixes", "don't bother writing a
            // changelog": once something was asked, a clause that declines more work is left out.
            // "run ktlint, report only, no autofix", "upgrade the gems? nothing major": a clause that opens with "no" or
            // "nothing" after the request limits it.
            if (clauseOpen && AskedAnything()
                && (word == "not" || (word == "no" && i + 1 < raw.Count && raw[i + 1].Word is "need" or "needs")
                    || (word is "no" or "nothing" && !ClauseAsks(raw, i + 1))))
            {
                while (i + 1 < raw.Count && !raw[i + 1].BreakBefore && !DevVocabulary.ClauseBreaks.Contains(raw[i + 1].Word) && !AsksAt(raw, i + 1))
                {
                    i++;
                }

                previousWord = raw[i].Word;
                continue;
            }

            // "no commit needed", "no review required": declined as a noun.
            if (word == "no" && i + 2 < raw.Count && !raw[i + 2].BreakBefore && raw[i + 2].Word is "needed" or "required" or "necessary")
            {
                i += 2;
                previousWord = raw[i].Word;
                continue;
            }

            // "can you do that?", "do the same for the frontend": the operation named before, done again.
            if (word == "do" && i + 1 < raw.Count && !raw[i + 1].BreakBefore && raw[i + 1].Word is "that" or "it" or "this" or "same" or "so"
                || (word == "do" && i + 2 < raw.Count && raw[i + 1].Word == "the" && raw[i + 2].Word == "same"))
            {
                Emit(new AnalyzedToken("do " + raw[i + 1].Word, ["run"], WordClass.Generic, false, scoped));
                i += raw[i + 1].Word == "the" ? 2 : 1;
                previousWord = raw[i].Word;
                continue;
            }

            // "it would be helpful to have the dependencies upgraded", "it may be prudent to run the linter": a polite
            // frame around the request, which starts at "to".
            if (word == "it" && clauseOpen && i + 2 < raw.Count && raw[i + 1].Word is "would" or "may" or "might" or "could" or "will" or "d" && raw[i + 2].Word == "be"
                && NextWord(raw, i + 2, "helpful", "great", "nice", "good", "prudent", "convenient", "useful", "wise", "better", "best", "ideal", "possible", "really", "very", "super") is { } to
                && raw[to].Word == "to")
            {
                i = to;
                OpenClause();
                previousWord = "to";
                continue;
            }

            // "leave it running", "keep it going", "leave it, I'll deal with it": what to do with the result, no operation.
            if (word is "leave" or "keep" && i + 1 < raw.Count && !raw[i + 1].BreakBefore && raw[i + 1].Word is "it" or "them" or "that")
            {
                i++;
                previousWord = raw[i].Word;
                continue;
            }

            // "strict mode as configured", "as usual": how it is set up already, no work.
            if (word == "as" && i + 1 < raw.Count && !raw[i + 1].BreakBefore
                && (raw[i + 1].Word is "usual" or "before" or "always" or "agreed" or "discussed" or "normal" or "is" || IsPastForm(raw[i + 1].Word)))
            {
                i++;
                previousWord = raw[i].Word;
                continue;
            }

            // "and commit nothing", "change nothing": work declined.
            if (i + 1 < raw.Count && !raw[i + 1].BreakBefore && raw[i + 1].Word is "nothing" && DevVocabulary.Find(word) is { Class: WordClass.Work } or { WorkAtClauseStart: true })
            {
                i++;
                previousWord = raw[i].Word;
                continue;
            }

            // "pytest -x, stop at first failure": how the run ends, no operation.
            if (word is "stop" or "stops" && NextWord(raw, i) is { } at && raw[at].Word is "at" or "on" or "after")
            {
                previousWord = word;
                continue;
            }

            // "lint src/, skip the generated folder", "ignore vendor": after the request, a clause that leaves something
            // out limits it.
            if (clauseOpen && word is "skip" or "exclude" or "excluding" or "except" or "ignore" or "ignoring" or "without"
                && AskedAnything() && !ClauseAsks(raw, i + 1))
            {
                while (i + 1 < raw.Count && !raw[i + 1].BreakBefore && !DevVocabulary.ClauseBreaks.Contains(raw[i + 1].Word) && !AsksAt(raw, i + 1))
                {
                    i++;
                }

                previousWord = raw[i].Word;
                continue;
            }

            // "write changes in place": the formatter's own mode.
            if (word is "write" or "writes" && ClauseHas(raw, i + 1, "place") && tokens.Exists(static t => t.Concepts[0] == "format"))
            {
                previousWord = word;
                continue;
            }

            // "can you like reformat the files": "like" as a filler before the verb.
            if (word == "like" && previousWord is "you" or "u" or "um" or "uh" or "so" && i + 1 < raw.Count && !raw[i + 1].BreakBefore
                && DevVocabulary.Find(raw[i + 1].Word) is { Class: WordClass.Topic or WordClass.Action or WordClass.Generic or WordClass.Work })
            {
                continue;
            }

            // "up date the packages", "alembic up grade head" (dictated): one word written apart.
            if (word == "up" && i + 1 < raw.Count && !raw[i + 1].BreakBefore && raw[i + 1].Word is "date" or "grade" or "dated" or "graded")
            {
                raw[i + 1] = raw[i + 1] with { Word = "up" + raw[i + 1].Word };
                previousWord = word;
                continue;
            }

            // "re format every file" (dictated): the prefix written apart.
            if (word == "re" && i + 1 < raw.Count && !raw[i + 1].BreakBefore && DevVocabulary.Find(raw[i + 1].Word) is { Class: WordClass.Topic or WordClass.Action or WordClass.Generic })
            {
                previousWord = word;
                continue;
            }

            // "I don't want to commit on main": declined through a wish, the same.
            if (word == "not" && NextWord(raw, i, "want", "need", "have", "to", "wanna", "really") is { } declined && !UnrecordedStates.Contains(raw[declined].Word)
                && DevVocabulary.Find(raw[declined].Word) is { Class: WordClass.Work } or { WorkAtClauseStart: true })
            {
                i = declined;
                previousWord = raw[i].Word;
                continue;
            }

            if (word == "no" && i + 3 < raw.Count && raw[i + 1].Word == "need" && raw[i + 2].Word == "to" && !raw[i + 3].BreakBefore
                && DevVocabulary.Find(raw[i + 3].Word) is { Class: WordClass.Work })
            {
                i += 3;
                previousWord = raw[i].Word;
                continue;
            }

            if (clauseOpen && FirstPersonSubjects.Contains(word))
            {
                firstPerson = true;
            }

            wished |= clauseOpen && IsRequestVerb(raw, i, NamedOperation());

            // "do the migrations there is a couple new ones": "there is" opens a statement.
            if (!clauseOpen && tokens.Count > 0 && word == "there" && i + 1 < raw.Count && !raw[i + 1].BreakBefore && raw[i + 1].Word is "is" or "are" or "was" or "were")
            {
                StartClause(subordinateClause: subordinate, asNarrative: true);
                previousWord = word;
                continue;
            }

            // "tell me whether we should pin our dependencies": advice asked for in what is reported; "tell me which URL I
            // should open" only asks for the URL.
            if (word is "should" or "shall" && previousWord is "we" or "i" or "they" or "you" && reported && reportedWhether)
            {
                Emit(new AnalyzedToken(word, ["should"], WordClass.Question, false, true));
                previousWord = word;
                continue;
            }

            // "right some unit tests" (dictated "write").
            if (word == "right" && clauseOpen && i + 1 < raw.Count && !raw[i + 1].BreakBefore && raw[i + 1].Word is "some" or "a" or "an" or "me" or "the" or "new" or "unit" or "tests")
            {
                Emit(new AnalyzedToken(word, ["write"], WordClass.Work, true, false));
                clauseOpen = false;
                previousWord = word;
                continue;
            }

            // "same as this morning", "like last month", "every sprint": when it was done before.
            if (word is "last" or "this" or "next" or "every" or "each" && i + 1 < raw.Count && !raw[i + 1].BreakBefore
                && raw[i + 1].Word is "morning" or "afternoon" or "evening" or "night" or "week" or "weekend" or "month" or "year" or "sprint" or "quarter" or "time")
            {
                i++;
                previousWord = raw[i].Word;
                continue;
            }

            // "reformat the source files they look all messy": a subject pronoun after the request opens a statement,
            // even without a comma.
            if (!clauseOpen && word is "they" or "he" or "she" && NamedOperation())
            {
                StartClause(subordinateClause: subordinate, asNarrative: true);
                previousWord = word;
                continue;
            }

            // "format the code its a mess", "reformat it, it's a mess": "it's" after the request opens a statement about it.
            if ((!clauseOpen || NamedOperation()) && tokens.Count > 0 && i + 1 < raw.Count && !raw[i + 1].BreakBefore
                && ((word == "its" && (Determiners.Contains(raw[i + 1].Word) || raw[i + 1].Word is "not" or "so" or "too" or "very" or "still" or "already" or "been" or "ok" or "fine" or "broken"))
                    || (word == "it" && raw[i + 1].Word is "s" or "is" or "was")))
            {
                StartClause(subordinateClause: subordinate, asNarrative: true);
                previousWord = word;
                continue;
            }

            // "I will test the handlers by hand", "I'll check it later": the speaker's own plan is context.
            planned |= clauseOpen && firstPerson && word is "will" or "ll" or "gonna" && !askedOfYou;

            // "just whatever the Gemfile allows", "run black or whatever we use": what follows describes, as a relative clause.
            if (word is "whatever" or "whichever" && tokens.Count > 0 && i + 1 < raw.Count && !raw[i + 1].BreakBefore)
            {
                relative = true;
                previousWord = word;
                continue;
            }

            // "the migration I just pulled", "requests I want to fire at it": a first-person clause inside a noun phrase
            // describes the thing, it is context; "what did I change" is a question, not such a clause.
            if (!clauseOpen && !subordinate && FirstPersonSubjects.Contains(word) && tokens.Count > 0 && previousWord is not null
                && !HowQuestions.Contains(previousWord) && previousWord is not ("have" or "has" or "had" or "am") && !AskedWhich(raw, i))
            {
                relative = true;
                previousWord = word;
                continue;
            }

            // "just the failures, not the full output": a negated noun phrase sets what is asked against what is not;
            // "compiles or not?" asks yes or no. Neither negates the request: the rest of the clause is left out.
            if (word == "not" && tokens.Count > 0
                && ((i + 1 < raw.Count && !raw[i + 1].BreakBefore && Determiners.Contains(raw[i + 1].Word))
                    || (previousWord == "or" && (i + 1 == raw.Count || raw[i + 1].BreakBefore))))
            {
                while (i + 1 < raw.Count && !raw[i + 1].BreakBefore && !DevVocabulary.ClauseBreaks.Contains(raw[i + 1].Word) && !AsksAt(raw, i + 1))
                {
                    i++;
                }

                previousWord = raw[i].Word;
                continue;
            }

            // "which files are staged and which aren't?", "which pass and which don't": a negation ending its clause after
            // an auxiliary leaves out the verb it negates; it contrasts, it negates no request.
            if (word == "not" && previousWord is "are" or "is" or "do" or "does" or "did" or "was" or "were" or "have" or "has"
                && (i + 1 == raw.Count || raw[i + 1].BreakBefore))
            {
                previousWord = word;
                continue;
            }

            // "once, not in watch mode", "but not on main": a negated qualifier says how or where, it keeps the request.
            if (word is "not" or "never" && i + 1 < raw.Count && !raw[i + 1].BreakBefore && raw[i + 1].Word != "to"
                && DevVocabulary.Prepositions.Contains(raw[i + 1].Word))
            {
                previousWord = word;
                continue;
            }

            // "what is not committed yet", "files not staged": a change not recorded is an uncommitted change, not a negated request.
            if (word == "not" && i + 1 < raw.Count && !raw[i + 1].BreakBefore && UnrecordedStates.Contains(raw[i + 1].Word))
            {
                Emit(new AnalyzedToken("not " + raw[i + 1].Word, ["change"], WordClass.Topic, false, scoped || subordinate || narrative));
                i++;
                previousWord = raw[i].Word;
                continue;
            }

            // "I'm not technical", "we are not experts": the speaker describing themselves negates no request.
            var article = i + 1 < raw.Count && raw[i + 1].Word is "a" or "an" ? 1 : 0;
            if (word == "not" && previousWord is "im" or "m" or "am" or "are" && i + 1 + article < raw.Count && !raw[i + 1 + article].BreakBefore
                && DevVocabulary.Find(raw[i + 1 + article].Word) is null && !DevVocabulary.StopWords.Contains(raw[i + 1 + article].Word)
                && !raw[i + 1 + article].Word.EndsWith("ing", StringComparison.Ordinal) && !IsPastTense(raw[i + 1 + article].Word)
                && (previousWord is "im" or "m" || (i >= 2 && raw[i - 2].Word is "i" or "we" or "they")))
            {
                i += 1 + article;
                previousWord = raw[i].Word;
                continue;
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
                // "I rebased and pulled in 40 commits": an account in the past goes on after "and".
                var account = narrative && firstPerson && word == "and" && i + 1 < raw.Count && !raw[i + 1].BreakBefore && IsPastTense(raw[i + 1].Word);
                OpenClause();
                scoped = false;
                sawFrom = false;
                firstPerson = account;
                narrative = account;
                relative = false;
                statement = false;
                subordinate &= word != "then";
                previousWord = word;
                continue;
            }

            // "start over", "log in": a preposition ending its clause is a particle of the verb, and its meaning is unknown.
            if (entry is null && DevVocabulary.Prepositions.Contains(word) && (i + 1 == raw.Count || raw[i + 1].BreakBefore)
                && tokens.Count > 0 && tokens[^1].ClauseStart && tokens[^1].Surface == previousWord)
            {
                Emit(new AnalyzedToken(word, [word], WordClass.Plain, false, scoped || subordinate || narrative));
                previousWord = word;
                continue;
            }

            if (entry is null && DevVocabulary.Prepositions.Contains(word))
            {
                // "want to build", "need to run": an infinitive opens a clause instead of a scope.
                if (word == "to" && (previousWord is null || InfinitiveIntroducers.Contains(previousWord)))
                {
                    OpenClause();
                }
                else
                {
                    // "from webpack to vite", "from 18 to 19": moving something from one thing to another is work.
                    // "from the editorconfig to the whole solution": a destination that is everything is where, not a replacement.
                    if (word == "to" && sawFrom && !WholeFollows(raw, i + 1))
                    {
                        Emit(new AnalyzedToken("from ... to", ["replace"], WordClass.Work, false, true));
                    }
                    else if (word == "to" && sawUpdate && i + 1 < raw.Count && (IsVersion(raw[i + 1].Word) || raw[i + 1].Word.All(char.IsAsciiDigit)))
                    {
                        // "upgrade php to 8.3", "bump react to 19": one chosen version is a change to make, not a refresh.
                        Emit(new AnalyzedToken("update ... to " + raw[i + 1].Word, ["replace"], WordClass.Work, false, true));
                    }
                    else if (word == "to" && sawMigrate && !IsMigrationDestination(raw, i + 1))
                    {
                        // "migrate the code to python 3" ports something; "migrate the db to head" applies migrations.
                        Emit(new AnalyzedToken("migrate ... to", ["replace"], WordClass.Work, false, true));
                    }

                    sawFrom |= word == "from";
                    scoped = true;
                }

                previousWord = word;
                continue;
            }

            // "did my change to the billing models break any tests?": after an auxiliary and its subject, the verb ends the
            // subject's scope phrase.
            if (scoped && clauseWord is "did" or "does" or "will" or "would" or "can" or "could" && EnglishVerbs.IsLemma(word)
                && (entry ?? DevVocabulary.Find(word)) is { Class: WordClass.Outcome or WordClass.Topic })
            {
                scoped = false;
            }

            // "on branch feature/x I am": a word right after a preposition is its object, never the clause's verb.
            var isClauseStart = false;
            if (clauseOpen && (entry is not null || !DevVocabulary.ClauseFillers.Contains(word))
                && !(previousWord is not null and not "to" && DevVocabulary.Prepositions.Contains(previousWord) && clauseWord is null && scoped))
            {
                isClauseStart = true;
                clauseOpen = false;
                clauseWord = word;

                // "did my last change break the build?", "does the api in core still compile?": after an auxiliary, the
                // words up to the verb are its subject, what the question is about, not the operation.
                auxiliarySubject = word is "did" or "does" or "will" or "would" or "can" or "could"
                    && i + 1 < raw.Count && !raw[i + 1].BreakBefore && raw[i + 1].Word is not ("you" or "u" or "i" or "we");

                // "I just pulled main": what I did is context, not the request; so is "my diff is full of noise", and
                // "lint came back dirty", "tests failed on CI": a thing named and what happened to it.
                statement = firstPerson && (askedOfYou || NamedOperation())
                    && !wished && !IsPastTense(word) && !IsRequestVerb(raw, i, NamedOperation());
                narrative = toldAsNarrative || ((firstPerson || previousWord == "you")
                        && (IsPastTense(word) || (word is "have" or "has" or "had" && i + 1 < raw.Count && !raw[i + 1].BreakBefore && IsPastTense(raw[i + 1].Word))))
                    || planned
                    || (Determiners.Contains(word) && CopulaFollows(raw, i + 1, !wished, previousWord is not ("that" or "whether" or "if")))
                    || (PronounSubjects.Contains(word) && CopulaFollows(raw, i, !wished, anyVerb: false))
                    || (IsPastForm(word) && DevVocabulary.Find(word) is null or { Class: WordClass.Plain or WordClass.Work })
                    || ((entry ?? DevVocabulary.Find(word)) is null or { Class: WordClass.Plain or WordClass.Topic or WordClass.Scope }
                        && !DevVocabulary.StopWords.Contains(word) && word is not ("what" or "which" or "who" or "where" or "why" or "how")
                        && (DevVocabulary.Find(word) is not null || EnglishVerbs.Read(word) != VerbReading.Main)
                        && i + 1 < raw.Count && !raw[i + 1].BreakBefore
                        && (ClauseHas(raw, i + 1, "done", "went", "finished", "landed", "worked")
                            || ((IsPastForm(raw[i + 1].Word) || IsThirdPerson(raw[i + 1].Word)) && DevVocabulary.Find(raw[i + 1].Word) is null or { Class: WordClass.Work or WordClass.Plain })
                            // "dependabot bumped django-filter": a name doing an operation in the past tells what happened.
                            || ((entry ?? DevVocabulary.Find(word)) is null && raw[i + 1].Word.EndsWith("ed", StringComparison.Ordinal) && IsPastForm(raw[i + 1].Word))))
                    || (word == "there" && i + 1 < raw.Count && !raw[i + 1].BreakBefore && Copulas.Contains(raw[i + 1].Word)) || word == "theres"
                    || ((entry ?? DevVocabulary.Find(word)) is null && !DevVocabulary.StopWords.Contains(word) && i + 1 < raw.Count && !raw[i + 1].BreakBefore
                        && raw[i + 1].Word is "is" or "are" or "was" or "were")
                    || (word == "new" && CopulaFollows(raw, i, false))
                    // "bring the app up, need to demo the onboarding flow at 3": a need stated after the request is the speaker's.
                    || (word is "need" or "needs" or "gotta" && tokens.Count > 0 && i + 1 < raw.Count && raw[i + 1].Word == "to"
                        && NamedOperation())
                    // "does it build? pushing soon": a clause opened by the -ing form of work, after the request, tells
                    // what the speaker is doing; an imperative is never in -ing.
                    || (word.EndsWith("ing", StringComparison.Ordinal) && tokens.Count > 0 && (entry ?? DevVocabulary.Find(word)) is { Class: WordClass.Work } or { WorkAtClauseStart: true })
                    || ((entry ?? DevVocabulary.Find(word)) is { Class: WordClass.Topic } && i + 1 < raw.Count && !raw[i + 1].BreakBefore && raw[i + 1].Word.Length > 3
                        && IsPastTense(raw[i + 1].Word) && !Copulas.Contains(raw[i + 1].Word) && DevVocabulary.Find(raw[i + 1].Word) is null);
            }

            // "what does `make check` do", "what does E501 mean": asks for an explanation.
            if (word == "what" && i + 1 < raw.Count && raw[i + 1].Word is "does" or "do" && ClauseHas(raw, i + 2, "do", "mean", "means", "return", "returns", "say"))
            {
                Emit(new AnalyzedToken("what ... do", ["how"], WordClass.Question, isClauseStart, scoped));
                previousWord = word;
                continue;
            }

            // "what's the difference between a unit test and an integration test?": asks for an explanation.
            if (word is "difference" or "differences" && i + 1 < raw.Count && raw[i + 1].Word == "between")
            {
                Emit(new AnalyzedToken(word + " between", ["how"], WordClass.Question, isClauseStart, scoped));
                previousWord = word;
                continue;
            }

            if (word == "how" && i + 1 < raw.Count && HowQuestions.Contains(raw[i + 1].Word) && !statement)
            {
                Emit(new AnalyzedToken("how " + raw[i + 1].Word, ["how"], WordClass.Question, isClauseStart, scoped));
                previousWord = word;
                continue;
            }

            if (isClauseStart && word is "should" or "shall")
            {
                Emit(new AnalyzedToken(word, ["should"], WordClass.Question, true, scoped));
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
                // "reformat everyting": a misspelt filler is still a filler.
                if (DevVocabulary.StopWords.Contains(known))
                {
                    previousWord = word;
                    continue;
                }

                entry = DevVocabulary.Find(known);
                corrected = true;
                if (entry is null)
                {
                    var aside = subordinate || narrative || relative;
                    Emit(new AnalyzedToken(surface, [Stemmer.Stem(known)], WordClass.Plain, isClauseStart, scoped || aside) { Corrected = true, Incidental = aside, Context = aside });
                    previousWord = word;
                    continue;
                }
            }

            // In a relative clause ("the migration I just pulled") only what the thing is about keeps its weight.
            var context = subordinate || narrative || (relative && entry is not { Class: WordClass.Topic });

            // "changed files", "dirty files": a participle or adjective before a noun describes it, it is no verb opening a clause.
            // "uncommitted stuff?", "staged?": a state is no verb either.
            var describes = isClauseStart && entry is { WorkAtClauseStart: true, Class: not WordClass.Work }
                && (((word.EndsWith("ed", StringComparison.Ordinal) || word == "dirty") && i + 1 < raw.Count && !raw[i + 1].BreakBefore
                        && DevVocabulary.Find(raw[i + 1].Word) is { Class: WordClass.Scope or WordClass.Topic })
                    || (word.StartsWith("un", StringComparison.Ordinal) && word.EndsWith("ed", StringComparison.Ordinal)));
            // "git commit -am wip", "git push": the word after git is the operation asked for, as a verb opening the clause;
            // only the ones that read the working tree and history ("git log", "git status") stay what they name.
            var gitVerb = previousWord == "git" && tokens.Count > 0 && tokens[^1] is { Surface: "git", ClauseStart: true } && !CommandRequest.ReadOnlyVcs.Contains(word)
                && word is not ("branches" or "summary" or "changes");
            // "I just change the pom.xml": the verb of a first-person statement is no imperative.
            var told = previousWord is "i" or "we" || (firstPerson && isClauseStart && !wished);
            // The subject's verb ends the subject: a verb of the vocabulary not after a determiner or an adjective.
            var subjectWord = false;
            if (auxiliarySubject && !isClauseStart)
            {
                var verb = entry is { Class: WordClass.Outcome or WordClass.Topic or WordClass.Generic or WordClass.Action } && EnglishVerbs.IsLemma(word)
                    && tokens.Count > 0 && previousWord is not null && !Determiners.Contains(previousWord) && !EnglishWords.Describes(previousWord);
                auxiliarySubject = !verb;
                subjectWord = !verb;
            }

            var token = Token(surface, entry, (isClauseStart || gitVerb) && !context && !describes && !told, scoped || context || subjectWord);

            // "Marco's review comments", "the fix commit": a work word between a determiner and a noun qualifies the noun;
            // "the ones adding the partition tables": a participle after a noun describes it.
            if (token.Class == WordClass.Work && !token.ClauseStart && i + 1 < raw.Count && !raw[i + 1].BreakBefore
                && ((previousWord is not null and not ("a" or "an") && (Determiners.Contains(previousWord) || previousWord == "s")
                        && !DevVocabulary.StopWords.Contains(raw[i + 1].Word) && !DevVocabulary.Prepositions.Contains(raw[i + 1].Word))
                    || (word.EndsWith("ing", StringComparison.Ordinal) && previousWord is not null && tokens.Count > 0 && tokens[^1].Surface == previousWord
                        && tokens[^1].Class is WordClass.Plain or WordClass.Scope)))
            {
                token = token with { Class = WordClass.Scope, Scoped = true };
            }

            // "new to the repo": the speaker is new.
            if (token.Concepts[0] == "create" && word == "new" && i + 1 < raw.Count && raw[i + 1].Word is "to" or "here" or "in")
            {
                token = token with { Class = WordClass.Scope, Scoped = true };
            }

            // "new migrations landed", "new one from colleague is there": "new" opening a clause that goes on to say what
            // happened describes; "new component for the dashboard" asks for one.
            if (token.Concepts[0] == "create" && token.Class == WordClass.Work && word == "new" && ClauseSaysWhatHappened(raw, i + 1))
            {
                token = token with { Class = WordClass.Scope, Scoped = true };
            }

            // "a new project", "an new endpoint": something to make.
            if (token.Concepts[0] == "create" && token.Class == WordClass.Scope && previousWord is "a" or "an" && !context)
            {
                token = token with { Class = WordClass.Work, Scoped = false };
            }

            // "compile a list of the endpoints", "build a report": an operation word with "a" and a thing that is no
            // topic of its own makes something new; the thing weighs fully against any target.
            if (previousWord is "a" or "an" && token.Class is WordClass.Generic or WordClass.Outcome && tokens.Count > 0
                && tokens[^1] is { Class: WordClass.Topic, ClauseStart: true })
            {
                token = new AnalyzedToken(surface, [Stemmer.Stem(word)], WordClass.Plain, false, token.Scoped);
            }
            if (token.Class == WordClass.Plain)
            {
                token = token with
                {
                    Named = NamesAThing(word, previousWord, isClauseStart, tokens.Count > 0 && tokens[^1] is { Class: WordClass.Topic, ClauseStart: true } && tokens[^1].Surface == previousWord),
                    Descriptive = !corrected && EnglishWords.Describes(word),
                };

                // "the axum api", "the pyspark code", "the metro bundler": a name before a noun the vocabulary knows only
                // says which one; the noun says what the request is about.
                if (token.Named && i + 1 < raw.Count && !raw[i + 1].BreakBefore && !raw[i + 1].Argument
                    && DevVocabulary.Find(raw[i + 1].Word) is { Class: WordClass.Topic or WordClass.Scope })
                {
                    token = token with { Scoped = true, Incidental = true };
                }
            }

            // "no compile errors were introduced by the refactor": work in the passive tells a state, it asks for nothing.
            if (token.Class == WordClass.Work && !token.ClauseStart && previousWord is "were" or "was" or "been" or "be" or "is" or "are" && IsPastForm(word))
            {
                token = token with { Class = WordClass.Scope, Scoped = true };
            }

            // "ahead of the review", "in code review": work named as a noun in a phrase of place or time is when or where,
            // no request ("to add a column" stays a verb).
            if (token.Class == WordClass.Work && scoped && !token.ClauseStart && previousWord is not null
                && (Determiners.Contains(previousWord) || DevVocabulary.Find(previousWord) is { Class: WordClass.Scope }))
            {
                token = token with { Class = WordClass.Scope };
            }

            // "does the bundle still compile with the changes from PR #418?": the changes an operation is run on say what
            // it is about, they are not git's topic.
            if (token.Concepts[0] is "change" or "commit" && scoped && !context && !token.ClauseStart
                && tokens.Exists(static t => !t.Context && t.ClauseStart && t.Class is WordClass.Topic or WordClass.Action && t.Concepts[0] is not ("change" or "commit" or "branch" or "git")))
            {
                token = token with { Scoped = true, Incidental = true };
            }

            // "does it build on this branch?", "run the tests on my branch": a branch after a preposition is where, like a path;
            // so is one that is the subject of the check ("does this branch still build?", "verify my branch compiles").
            if (token.Concepts[0] == "branch" && !context
                && (scoped || (previousWord is not null && Determiners.Contains(previousWord) && i + 1 < raw.Count && !raw[i + 1].BreakBefore
                    && (raw[i + 1].Word == "still" || (DevVocabulary.Find(raw[i + 1].Word) is { Class: WordClass.Topic or WordClass.Outcome } && EnglishVerbs.Read(raw[i + 1].Word) != VerbReading.None)))))
            {
                token = token with { Scoped = true, Incidental = true };
            }

            // "the new module", "the added tests": a work word qualifying a noun is no request; nor is a past action
            // in a clause that only gives context.
            // Only a word that describes a thing ("the new module", "the added tests") qualifies; "a new project" is
            // still one to create and "the refactor" is work named as a noun.
            if (token.Class == WordClass.Work && !token.ClauseStart
                && ((previousWord is not null && Determiners.Contains(previousWord) && (IsPastTense(word) || context || (token.Concepts[0] == "create" && previousWord is not ("a" or "an"))))
                    || (context && IsPastTense(word))
                    || narrative
                    || (subordinate && previousWord is not ("you" or "u"))))
            {
                token = token with { Class = WordClass.Scope, Scoped = true };
            }

            previousWord = word;

            // The speaker's own statement beside a request to the listener ("I'm a bit lost, can you ..."): it neither
            // counts against a target nor vetoes; it decides only when the request itself names nothing ("run it").
            if (reported && !context && token.Class is not (WordClass.Question or WordClass.Problem or WordClass.Negation))
            {
                // "report what moved", "tell me what changed": what the result holds, no work asked for.
                token = token with { Class = token.Class == WordClass.Work ? WordClass.Scope : token.Class, Scoped = true, Incidental = true };
            }

            if (statement && !context)
            {
                token = token with
                {
                    Class = token.Class is WordClass.Work or WordClass.Question or WordClass.Negation or WordClass.Problem ? WordClass.Scope : token.Class,
                    Scoped = true,
                    Incidental = true,
                };
            }

            // "go test ./... and report only failing packages": what is reported after the request names what the result
            // holds, no second operation.
            var reportsBack = token is { Class: WordClass.Generic, Concepts: ["show", ..] } && !context
                && NamedOperation();
            Emit(corrected || context ? token with { Corrected = corrected, Incidental = context, Context = context } : token);
            reported |= reportsBack;
            subordinateVerb |= subordinate && EnglishVerbs.Read(word) != VerbReading.None;
        }

        return Resolve(tokens, clauseOf);

        // Whether an operation was named outside context already ("run the tests, ..."): what follows may limit it or tell
        // about it; AskedAnything counts a generic verb too ("check it, ...").
        bool NamedOperation() => tokens.Exists(static t => !t.Context && t.Class is WordClass.Topic or WordClass.Action);

        bool AskedAnything() => tokens.Exists(static t => !t.Context && t.Class is WordClass.Topic or WordClass.Action or WordClass.Generic);

        // A new clause with nothing carried over: not in a scope phrase, no subject seen yet.
        void StartClause(bool subordinateClause = false, bool asNarrative = false)
        {
            OpenClause();
            scoped = false;
            sawFrom = false;
            subordinate = subordinateClause;
            subordinateVerb = false;
            timePhrase = false;
            firstPerson = false;
            narrative = asNarrative;
            toldAsNarrative = asNarrative;
            relative = false;
            statement = false;
        }

        void OpenClause()
        {
            clauseOpen = true;
            clauseWord = null;
            toldAsNarrative = false;
            auxiliarySubject = false;
            wished = false;
            planned = false;
            reported = false;
            clause++;
            sawMigrate = false;
            sawUpdate = false;
        }

        void Emit(AnalyzedToken token)
        {
            tokens.Add(token);
            clauseOf.Add(clause);
            sawMigrate |= token.Concepts[0] == "migrate" && token.ClauseStart;
            sawUpdate |= token.Concepts[0] == "update" && token.ClauseStart;
        }
    }

    /// <summary>
    /// Reads words by the other words of their clause: a verb's object can decide what it means ("update the database"
    /// applies migrations, "apply the code style" formats), a causative "make" is carried by its complement ("make the
    /// tests run" runs them, "make the tests pass" is work), and a part of the application run or started on its own
    /// ("run the api locally") is the application.
    /// </summary>
    private static AnalyzedToken[] Resolve(List<AnalyzedToken> tokens, List<int> clauseOf)
    {
        var result = new List<AnalyzedToken>(tokens.Count);
        string? operation = null;
        var start = 0;
        while (start < tokens.Count)
        {
            var end = start;
            while (end < tokens.Count && clauseOf[end] == clauseOf[start])
            {
                end++;
            }

            var clause = tokens.GetRange(start, end - start);
            result.AddRange(ResolveClause(clause, operation));

            // A clause naming no operation of its own ("lint: all pkgs") goes on with the one before it.
            operation = clause.Find(static t => t.ClauseStart && t.Class is WordClass.Topic or WordClass.Action)?.Concepts[0] ?? operation;
            start = end;
        }

        return [.. result];
    }

    private static IEnumerable<AnalyzedToken> ResolveClause(List<AnalyzedToken> clause, string? operationBefore)
    {
        bool Has(Func<AnalyzedToken, bool> test, int from = 0)
        {
            for (var i = from; i < clause.Count; i++)
            {
                if (test(clause[i]))
                {
                    return true;
                }
            }

            return false;
        }

        var schema = Has(static t => t.Concepts[0] == "database" && SchemaWords.Contains(t.Surface));
        var dependencies = Has(static t => t.Concepts[0] is "dependency" or "lockfile");
        var applied = Has(static t => t.Concepts[0] == "apply" && !t.Scoped);
        // "format the prices", "format the error messages": formatting a thing that is not code is writing code;
        // only a formatter named ("black the loaders") or code itself makes it the formatter's job.
        var formatsData = Has(static t => t.ClauseStart && t.Concepts[0] == "format") && !Has(static t => t.Concepts.Length > 1 && t.Concepts[1] == "format");
        // "lint all packages", "run the tests in every pkg": packages that another operation acts on are parts of the
        // code, not dependencies to update.
        var operation = clause.Find(static t => t.ClauseStart && t.Class is WordClass.Topic or WordClass.Action)?.Concepts[0] ?? operationBefore;
        var otherOperation = operation is not (null or "update" or "dependency" or "lockfile");
        var onlyComponent = !Has(static t => t.Class is WordClass.Topic or WordClass.Plain && !t.Scoped && !t.Named)
            && Has(static t => t.ClauseStart && t.Concepts[0] is "run" or "start");
        for (var i = 0; i < clause.Count; i++)
        {
            var token = clause[i];
            var concept = token.Concepts[0];
            if (concept == "make" && token.Class == WordClass.Work)
            {
                // "make the tests pass" asks for a fix; "make the tests run", "make a build", "make my code formatted",
                // "make the application up" ask for the operation.
                if (!Has(static t => t.Concepts[0] == "pass", i + 1)
                    && Has(static t => t.Class == WordClass.Generic || t.Concepts[0] is "build" or "update" || t.Surface == "up to date"
                        || (t.Concepts[0] == "format" && t.Surface.EndsWith("ed", StringComparison.Ordinal)) || (t.Concepts[0] == "start" && t.Surface.EndsWith(" up", StringComparison.Ordinal)), i + 1))
                {
                    continue;
                }
            }
            else if (concept == "update" && schema && !dependencies && !token.Scoped)
            {
                token = token with { Concepts = ["migrate"] };
            }
            else if (concept == "style" && applied)
            {
                token = token with { Concepts = ["format"] };
            }
            else if (otherOperation && concept == "dependency" && token.Surface is "package" or "packages" or "pkg" or "pkgs")
            {
                token = token with { Concepts = ["package"], Class = WordClass.Scope };
            }
            else if (formatsData && token.Named)
            {
                token = token with { Named = false };
            }
            else if (onlyComponent && token.Class == WordClass.Scope && !token.Scoped && (Components.Contains(token.Surface) || Components.Contains(concept)))
            {
                token = token with { Concepts = ["app"], Class = WordClass.Topic };
            }

            yield return token;
        }
    }
}
