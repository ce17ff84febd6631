using System.Globalization;
using System.Numerics;
using System.Text;

namespace Outloop.Automation.Routing;

/// <summary>
/// Picks the target (tool or pattern) a natural-language request asks for, with a confidence 0-100 and a reason.
/// <para>
/// Every target is indexed by the concepts of its phrases (name, input patterns, examples) and description, in an
/// inverted index from concept to targets and to phrase words, so a decision touches only the targets sharing a
/// concept with the request. Concepts weigh by rarity across targets (inverse document frequency) times their
/// class (a topic like "tests" outweighs a generic verb like "run" or a scope word like "frontend").
/// </para>
/// <para>
/// Confidence = 100 x sqrt(phrase coverage) x request coverage x margin, where phrase coverage is the share of the
/// best phrase's weight found in the request, request coverage the share of the request's meaningful weight that the
/// target explains (scope words and generic verbs it does not know are neutral; unknown specific words count against
/// it), and margin lowers the score when a second target is nearly as good. A request that asks for development
/// work the target does not declare ("fix", "add", "refactor"), reports a bug, asks why/how, or negates, abstains:
/// a wrong route costs more than handing the request to the agent.
/// </para>
/// </summary>
internal sealed class Router
{
    private const int MaxTokens = 64;
    private const int MaxPhraseWords = 32;
    private const int VetoedConfidence = 30;
    private const double CorrectedWeight = 0.85;
    private const int MinCorrectionSource = 5;
    private const double HalfCount = 0.5;
    private const double NamedWeight = 0.4;

    private readonly RouteTarget[] targets;
    private readonly Dictionary<string, int> conceptIds;
    private readonly double[] idf;
    private readonly double unknownWeight;
    private readonly HashSet<int>[] licensedWork;
    private readonly int[] phraseTargets;
    private readonly Posting[][] phrasePostings;
    private readonly string[] phraseTexts;
    private readonly float[] phraseTotals;
    private readonly RoutingOptions options;
    private readonly TypoCorrector corrector;

    [ThreadStatic]
    private static Scratch? scratch;

    private Router(
        RouteTarget[] targets,
        Dictionary<string, int> conceptIds,
        double[] idf,
        HashSet<int>[] licensedWork,
        Posting[][] phrasePostings,
        int[] phraseTargets,
        string[] phraseTexts,
        float[] phraseTotals,
        RoutingOptions options,
        TypoCorrector corrector)
    {
        this.corrector = corrector;
        this.targets = targets;
        this.conceptIds = conceptIds;
        this.idf = idf;
        this.licensedWork = licensedWork;
        this.phrasePostings = phrasePostings;
        this.phraseTargets = phraseTargets;
        this.phraseTexts = phraseTexts;
        this.phraseTotals = phraseTotals;
        this.options = options;
        unknownWeight = Math.Log(1 + targets.Length);
    }

    public IReadOnlyList<RouteTarget> Targets => targets;

    public RoutingOptions Options => options;

    public static Router Build(IEnumerable<RouteTarget> targets, RoutingOptions? options = null)
    {
        var list = targets.ToArray();
        var conceptIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var vocabularies = new HashSet<int>[list.Length];
        var rawPhrases = new List<(int Target, string Text, AnalyzedToken[] Tokens)>();
        int Id(string concept)
        {
            if (!conceptIds.TryGetValue(concept, out var id))
            {
                id = conceptIds.Count;
                conceptIds[concept] = id;
            }

            return id;
        }

        var licensedWork = new HashSet<int>[list.Length];
        for (var t = 0; t < list.Length; t++)
        {
            var vocabulary = new HashSet<int>();
            var licensed = new HashSet<int>();
            foreach (var text in list[t].Phrases.Concat(DescriptionClauses(list[t].Description)))
            {
                var tokens = TextAnalyzer.Analyze(text);
                foreach (var token in tokens)
                {
                    foreach (var concept in token.Concepts)
                    {
                        vocabulary.Add(Id(concept));
                    }

                    // Work the tool declares as its own verb ("fix formatting") is what it does, not a reason to abstain.
                    // A participle opening a description fragment ("branch, changed files") describes a thing, it is no verb.
                    if (token.Class == WordClass.Work
                        && !(token.Surface.EndsWith("ed", StringComparison.Ordinal) && DevVocabulary.Find(token.Surface) is { Class: not WordClass.Work }))
                    {
                        licensed.Add(Id(token.Concepts[0]));
                    }
                }

                if (tokens.Length > 0)
                {
                    rawPhrases.Add((t, text, tokens.Length > MaxPhraseWords ? tokens[..MaxPhraseWords] : tokens));
                }
            }

            vocabularies[t] = vocabulary;
            licensedWork[t] = licensed;
        }

        var df = new int[conceptIds.Count];
        for (var t = 0; t < list.Length; t++)
        {
            foreach (var id in vocabularies[t])
            {
                df[id]++;
            }
        }

        var idf = df.Select(d => Math.Log(1 + ((double)list.Length / Math.Max(1, d)))).ToArray();
        var phraseLists = new List<Posting>[conceptIds.Count];
        var phraseTargets = new int[rawPhrases.Count];
        var phraseTexts = new string[rawPhrases.Count];
        var phraseTotals = new float[rawPhrases.Count];
        for (var p = 0; p < rawPhrases.Count; p++)
        {
            var (target, text, tokens) = rawPhrases[p];
            var total = 0.0;
            for (var k = 0; k < tokens.Length; k++)
            {
                var weight = tokens[k].Concepts.Max(c => idf[conceptIds[c]]) * ClassWeight(tokens[k].Class);
                total += weight;
                foreach (var concept in tokens[k].Concepts.Distinct())
                {
                    (phraseLists[conceptIds[concept]] ??= []).Add(new Posting(p, k, (float)weight));
                }
            }

            phraseTargets[p] = target;
            phraseTexts[p] = text;
            phraseTotals[p] = (float)total;
        }

        return new Router(
            list,
            conceptIds,
            idf,
            licensedWork,
            [.. phraseLists.Select(l => l?.ToArray() ?? [])],
            phraseTargets,
            phraseTexts,
            phraseTotals,
            options ?? new RoutingOptions(),
            new TypoCorrector(
                DevVocabulary.CorrectionWords.Concat(PhraseWords(rawPhrases.Select(static r => r.Text), MinCorrectionSource)),
                DevVocabulary.EnglishNearMisses.Concat(PhraseWords(rawPhrases.Select(static r => r.Text), 1))));
    }

    /// <summary>
    /// The words of the targets' phrases of at least <paramref name="minLength"/> letters: long ones are what a
    /// misspelling may be corrected to; every one of them is a known word, never itself corrected.
    /// </summary>
    private static IEnumerable<string> PhraseWords(IEnumerable<string> phrases, int minLength)
    {
        foreach (var phrase in phrases)
        {
            foreach (var word in phrase.ToLowerInvariant().Split([' ', '-', '_', '\'', ',', '.', '/', ':', ';', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.Length >= minLength && (minLength < MinCorrectionSource || DevVocabulary.Find(word) is not { Implies: not null }))
                {
                    yield return word;
                }
            }
        }
    }

    public RouteDecision Decide(string text)
    {
        // Output pasted above the request ("FAILED tests/x.py ...\nrerun the tests") only says what it is about.
        var (request, pasted) = TextAnalyzer.SplitPasted(text);

        // A shell command ("cargo update", "run `pytest -x`") is read as the words of the operation it performs.
        var command = CommandRequest.Rewrite(request);
        var tokens = TextAnalyzer.Analyze(command?.Text ?? request, corrector);
        if (pasted is not null && tokens.Length < MaxTokens)
        {
            tokens = [.. tokens, .. TextAnalyzer.AnalyzePasted(pasted, corrector)];
        }

        if (tokens.Length > MaxTokens)
        {
            tokens = tokens[..MaxTokens];
        }

        var s = scratch;
        if (s is null || s.TargetMask.Length < targets.Length || s.PhraseMask.Length < phraseTargets.Length)
        {
            s = scratch = new Scratch(Math.Max(targets.Length, s?.TargetMask.Length ?? 0), Math.Max(phraseTargets.Length, s?.PhraseMask.Length ?? 0));
        }

        var ids = new int[tokens.Length][];
        var weights = new double[tokens.Length];
        string? globalVeto = null;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            // A negation in a clause that only gives context ("somebody said it might not compile") negates no request; a
            // question or a bug report still sends the request to the agent, wherever it stands.
            if (token.Class is WordClass.Question or WordClass.Problem || (token.Class == WordClass.Negation && !token.Context))
            {
                globalVeto ??= token.Class switch
                {
                    WordClass.Question => $"\"{token.Surface}\" asks for an explanation or advice",
                    WordClass.Negation => $"\"{token.Surface}\" negates the request",
                    _ => $"\"{token.Surface}\" reports a problem to investigate",
                };
                ids[i] = [];
                continue;
            }

            var tokenIds = new int[token.Concepts.Length];
            var weight = 0.0;
            for (var c = 0; c < token.Concepts.Length; c++)
            {
                tokenIds[c] = conceptIds.TryGetValue(token.Concepts[c], out var id) ? id : -1;
                weight = Math.Max(weight, tokenIds[c] >= 0 ? idf[tokenIds[c]] : unknownWeight);
            }

            ids[i] = tokenIds;
            weights[i] = weight * ClassWeight(token.Class) * (token.Corrected ? CorrectedWeight : 1) * (token.Named || token.Descriptive ? NamedWeight : 1);
        }

        var masks = new QueryMasks(tokens, weights);
        try
        {
            Accumulate(ids, masks.Anchor, s);
            var decision = Choose(text, tokens, ids, weights, masks, globalVeto, s);
            if (command is { Text: null } known)
            {
                // A known command that does no routable operation ("cargo publish", "mix deps.get") routes only to a tool
                // that names it word for word (a phrase of two words or more); read as English ("deps", "migrate") its words pick a wrong tool.
                return decision.Routed && (decision.MatchedPhrase is not { } phrase || !phrase.Contains(' ', StringComparison.Ordinal) || !text.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                    ? decision with { Routed = false, Confidence = Math.Min(decision.Confidence, VetoedConfidence), Why = $"abstain: the command is {known.Signature}, which no tool performs" }
                    : decision with { Why = $"{decision.Why}; read the command as {known.Signature}" };
            }

            return command is { } c
                ? decision with { Why = $"{decision.Why}; read the command as {c.Signature} (\"{c.Text!.Trim()}\")" }
                : decision;
        }
        finally
        {
            s.Clear();
        }
    }

    private void Accumulate(int[][] ids, ulong anchorMask, Scratch s)
    {
        // Each distinct concept is traversed once, carrying the bits of every request word that has it.
        var concepts = new List<(int Id, ulong Bits)>(ids.Length + 4);
        for (var i = 0; i < ids.Length; i++)
        {
            foreach (var id in ids[i])
            {
                if (id < 0)
                {
                    continue;
                }

                var at = 0;
                while (at < concepts.Count && concepts[at].Id != id)
                {
                    at++;
                }

                if (at == concepts.Count)
                {
                    concepts.Add((id, 1UL << i));
                }
                else
                {
                    concepts[at] = (id, concepts[at].Bits | (1UL << i));
                }
            }
        }

        // Concepts that can anchor a route go first; generic and scope words ("run", "frontend") then only add to
        // targets already anchored, instead of touching thousands of targets that can never be chosen.
        concepts.Sort((x, y) => ((y.Bits & anchorMask) != 0).CompareTo((x.Bits & anchorMask) != 0));

        // Every word of a target's vocabulary sits in one of its phrases, so phrase postings give the target's matches too.
        foreach (var (id, bits) in concepts)
        {
            var anchors = (bits & anchorMask) != 0;
            foreach (var posting in phrasePostings[id])
            {
                var p = posting.Phrase;
                if (!anchors && (s.TargetMask[phraseTargets[p]] & anchorMask) == 0)
                {
                    continue;
                }

                var word = 1U << posting.Word;
                var seen = s.PhraseMask[p];
                if (seen == 0)
                {
                    s.TouchedPhrases.Add(p);
                }

                // Two request concepts can hit the same phrase word (pytest and test): count its weight once.
                if ((seen & word) == 0)
                {
                    s.PhraseMask[p] = seen | word;
                    s.PhraseMatched[p] += posting.Weight;
                }

                var t = phraseTargets[p];
                if (s.TargetMask[t] == 0)
                {
                    s.TouchedTargets.Add(t);
                }

                s.TargetMask[t] |= bits;
            }
        }

        foreach (var p in s.TouchedPhrases)
        {
            var t = phraseTargets[p];

            // A target that matched only generic or scope words cannot be routed to: skip its phrases.
            if ((s.TargetMask[t] & anchorMask) == 0)
            {
                continue;
            }

            var coverage = phraseTotals[p] > 0 ? Math.Min(1.0, (double)s.PhraseMatched[p] / phraseTotals[p]) : 0;
            if (coverage > s.BestCoverage[t])
            {
                s.BestCoverage[t] = coverage;
                s.BestPhrase[t] = p;
            }
        }
    }

    private RouteDecision Choose(string text, AnalyzedToken[] tokens, int[][] ids, double[] weights, QueryMasks masks, string? globalVeto, Scratch s)
    {
        int best = -1, second = -1;
        double bestScore = 0, secondScore = 0, bestRequestCoverage = 0;
        foreach (var t in s.TouchedTargets)
        {
            // score = sqrt(phrase coverage) x request coverage <= sqrt(phrase coverage): skip what cannot enter the top two.
            var coverage = s.BestCoverage[t];
            if (coverage <= 0 || Math.Sqrt(coverage) < secondScore)
            {
                continue;
            }

            var matched = s.TargetMask[t];

            // A work verb the target declares ("fix formatting") only anchors it when it is that whole phrase: "tidy" alone is not formatting.
            if ((matched & masks.Anchor & ~masks.Work) == 0 && coverage < 1)
            {
                continue;
            }

            if ((matched & masks.Work) != 0)
            {
                matched = LicensedMask(tokens, ids, t, matched);
            }

            var (score, requestCoverage) = masks.Score(matched, coverage);
            if (score > bestScore || (score == bestScore && best >= 0 && t < best))
            {
                second = best;
                secondScore = bestScore;
                best = t;
                bestScore = score;
                bestRequestCoverage = requestCoverage;
            }
            else if (score > secondScore)
            {
                second = t;
                secondScore = score;
            }
        }

        if (best < 0 || bestScore <= 0)
        {
            var reason = globalVeto ?? "no registered tool or pattern shares a meaningful word with the request";
            return new RouteDecision(text, null, 0, false, $"abstain: {reason}");
        }

        var ratio = secondScore / bestScore;
        var margin = 1 - (0.5 * ratio * ratio);
        var confidence = (int)Math.Round(100 * bestScore * margin, MidpointRounding.AwayFromZero);
        var mask = LicensedMask(tokens, ids, best, s.TargetMask[best]);
        var workVeto = UnlicensedWork(tokens, mask);
        var veto = globalVeto ?? (workVeto is null ? null : $"\"{workVeto}\" asks for development work that {targets[best].Name} does not declare");
        var target = targets[best];
        var arguments = ArgumentExtractor.Extract(target.Tool, text);
        if (veto is null && arguments.Missing is { } missing)
        {
            veto = $"no valid value for the required argument '{missing}'";
        }

        if (veto is not null)
        {
            confidence = Math.Min(confidence, VetoedConfidence);
        }

        var routed = veto is null && confidence >= options.MinConfidence;
        var phrase = s.BestPhrase[best] >= 0 && s.BestCoverage[best] > 0 ? phraseTexts[s.BestPhrase[best]] : null;
        var why = Explain(target, tokens, mask, phrase, s.BestCoverage[best], bestRequestCoverage, second >= 0 ? targets[second].Name : null, ratio,
            routed, confidence, veto, arguments);
        return new RouteDecision(text, target, confidence, routed, why)
        {
            MatchedPhrase = phrase,
            RunnerUp = second >= 0 && secondScore > 0 ? targets[second].Name : null,
            Arguments = arguments,
        };
    }

    /// <summary>The target's matched words, keeping a work verb only when the target declares that verb itself.</summary>
    private ulong LicensedMask(AnalyzedToken[] tokens, int[][] ids, int target, ulong mask)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Class == WordClass.Work && (mask & (1UL << i)) != 0 && !(ids[i].Length > 0 && licensedWork[target].Contains(ids[i][0])))
            {
                mask &= ~(1UL << i);
            }
        }

        return mask;
    }

    /// <summary>A description's clauses ("Build the project and type-check it; report errors only") as phrases.</summary>
    private static string[] DescriptionClauses(string description) =>
        description.Split([".", ":", ";", ",", " and ", "(", ")"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? UnlicensedWork(AnalyzedToken[] tokens, ulong mask)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Class == WordClass.Work && (mask & (1UL << i)) == 0)
            {
                return tokens[i].Surface;
            }
        }

        return null;
    }

    private static string Explain(
        RouteTarget target,
        AnalyzedToken[] tokens,
        ulong mask,
        string? phrase,
        double phraseCoverage,
        double requestCoverage,
        string? runnerUp,
        double ratio,
        bool routed,
        int confidence,
        string? veto,
        ExtractedArguments arguments)
    {
        var why = new StringBuilder();
        why.Append(routed ? "route to " : "abstain (best: ").Append(target.Name);
        if (!routed)
        {
            why.Append(')');
        }

        why.Append(CultureInfo.InvariantCulture, $", confidence {confidence}");
        if (veto is not null)
        {
            why.Append(": ").Append(veto);
        }

        var matched = new List<string>();
        var unexplained = new List<string>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if ((mask & (1UL << i)) != 0)
            {
                matched.Add(token.Surface == token.Concepts[0] ? token.Surface : $"{token.Surface}={token.Concepts[0]}{(token.Corrected ? " (typo)" : string.Empty)}");
            }
            else if (token.Class is WordClass.Plain or WordClass.Topic or WordClass.Action && !token.Scoped)
            {
                unexplained.Add(token.Surface);
            }
        }

        why.Append("; matched ").Append(matched.Count == 0 ? "nothing" : string.Join(", ", matched));
        if (phrase is not null)
        {
            why.Append(CultureInfo.InvariantCulture, $"; closest phrase \"{phrase}\" ({phraseCoverage:P0})");
        }

        why.Append(CultureInfo.InvariantCulture, $"; request explained {requestCoverage:P0}");
        if (unexplained.Count > 0)
        {
            why.Append("; not explained: ").Append(string.Join(", ", unexplained));
        }

        if (runnerUp is not null && ratio > 0.5)
        {
            why.Append(CultureInfo.InvariantCulture, $"; close to {runnerUp} ({ratio:P0} of the best score)");
        }

        if (arguments.Values.Count > 0)
        {
            why.Append("; arguments ").Append(string.Join(", ", arguments.Values.Select(kv => $"{kv.Key}={kv.Value}")));
        }

        if (arguments.Refused.Count > 0)
        {
            why.Append("; refused ").Append(string.Join(", ", arguments.Refused));
        }

        return why.ToString();
    }

    private static double ClassWeight(WordClass wordClass) => wordClass switch
    {
        WordClass.Generic or WordClass.Outcome => 0.4,
        WordClass.Scope => 0.3,
        WordClass.Question or WordClass.Negation or WordClass.Problem => 0,
        _ => 1,
    };

    /// <summary>
    /// The request's words as bit masks (bit i = word i) so scoring a target is a few bit operations: words that can
    /// anchor a route, words that count against a target when it does not explain them, and work verbs.
    /// </summary>
    private readonly struct QueryMasks
    {
        private readonly double[] weights;
        private readonly ulong countable;
        private readonly ulong halfCountable;
        private readonly double countableTotal;

        public QueryMasks(AnalyzedToken[] tokens, double[] weights)
        {
            this.weights = weights;
            var incidentalAnchors = 0UL;
            var scopedAnchors = 0UL;
            var contextTopics = 0UL;
            var asks = false;
            for (var i = 0; i < tokens.Length; i++)
            {
                var bit = 1UL << i;
                var cls = tokens[i].Class;
                if (cls is WordClass.Plain or WordClass.Topic or WordClass.Action or WordClass.Work)
                {
                    if (tokens[i].Incidental)
                    {
                        // A statement of fact ("the app is slow") asks for nothing: only places may stand in for the request.
                        incidentalAnchors |= tokens[i].Context ? 0 : bit;
                        contextTopics |= tokens[i].Context && cls is WordClass.Topic or WordClass.Action ? bit : 0;
                    }
                    else if ((tokens[i].Scoped || tokens[i].Named || tokens[i].Descriptive) && cls != WordClass.Work)
                    {
                        scopedAnchors |= bit;
                    }
                    else
                    {
                        Anchor |= bit;
                    }
                }

                if (cls is WordClass.Plain or WordClass.Topic or WordClass.Action && !tokens[i].Scoped)
                {
                    countable |= bit;
                    countableTotal += weights[i];
                }
                else if (cls == WordClass.Topic && !tokens[i].Incidental)
                {
                    // A topic in a scope phrase ("in the new version", "on the tests") still names what the request
                    // is about: half of it counts against a target that does not explain it.
                    halfCountable |= bit;
                    countableTotal += weights[i] * HalfCount;
                }

                if (cls == WordClass.Work)
                {
                    Work |= bit;
                }

                asks |= cls is WordClass.Generic or WordClass.Action && !tokens[i].Context;
            }

            // A place ("packages/web", "before I commit") decides the route only when nothing else in the request can.
            // So does a word in a scope phrase ("run eslint on the tests") or a thing named ("the notifications
            // service"): what the request is about comes first.
            if (Anchor == 0)
            {
                Anchor = scopedAnchors != 0 ? scopedAnchors : incidentalAnchors;
            }

            // "lint came back dirty; run it again": a request that names nothing acts on what its context was about,
            // the first thing named there.
            if (Anchor == 0 && asks)
            {
                Anchor = contextTopics & (~contextTopics + 1);
            }
        }

        public ulong Anchor { get; }

        public ulong Work { get; }

        /// <summary>sqrt(phrase coverage) x request coverage; zero when nothing but generic or scope words matched.</summary>
        public (double Score, double RequestCoverage) Score(ulong mask, double phraseCoverage)
        {
            if ((mask & Anchor) == 0)
            {
                return (0, 0);
            }

            double matched = 0, extra = 0;
            for (var bits = mask; bits != 0; bits &= bits - 1)
            {
                var i = BitOperations.TrailingZeroCount(bits);
                matched += weights[i];
                if ((countable & (1UL << i)) == 0)
                {
                    extra += (halfCountable & (1UL << i)) == 0 ? weights[i] : weights[i] * (1 - HalfCount);
                }
            }

            var total = countableTotal + extra;
            if (total <= 0)
            {
                return (0, 0);
            }

            var requestCoverage = matched / total;
            return (Math.Sqrt(phraseCoverage) * requestCoverage, requestCoverage);
        }
    }

    /// <summary>A word of a phrase holding a concept, with the word's weight.</summary>
    private readonly record struct Posting(int Phrase, int Word, float Weight);

    /// <summary>Per-thread working arrays, cleared through the touched lists so a decision costs what it touches.</summary>
    private sealed class Scratch(int targetCount, int phraseCount)
    {
        public ulong[] TargetMask { get; } = new ulong[targetCount];

        public uint[] PhraseMask { get; } = new uint[phraseCount];

        public float[] PhraseMatched { get; } = new float[phraseCount];

        public double[] BestCoverage { get; } = new double[targetCount];

        public int[] BestPhrase { get; } = Enumerable.Repeat(-1, targetCount).ToArray();

        public List<int> TouchedTargets { get; } = [];

        public List<int> TouchedPhrases { get; } = [];

        public void Clear()
        {
            // Every phrase's concepts are in its target's vocabulary, so touched targets cover touched phrases' targets.
            foreach (var t in TouchedTargets)
            {
                TargetMask[t] = 0;
                BestCoverage[t] = 0;
                BestPhrase[t] = -1;
            }

            foreach (var p in TouchedPhrases)
            {
                PhraseMask[p] = 0;
                PhraseMatched[p] = 0;
            }

            TouchedTargets.Clear();
            TouchedPhrases.Clear();
        }
    }
}
