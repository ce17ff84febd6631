namespace Outloop.Automation.Routing;

/// <summary>
/// What stands around a request and is no part of it: output pasted above it, sentences told before it on the same
/// line, and a label before a colon. Those words only say what the request is about.
/// </summary>
internal static partial class TextAnalyzer
{
    /// <summary>
    /// Splits output pasted above a request from the request: with two lines or more, the last line that holds a word is
    /// the request and the lines above it are what it is about ("FAILED tests/x.py::test_refund\nrerun the tests").
    /// Markdown fences (```sh) are no lines of their own.
    /// </summary>
    public static (string Request, string? Pasted) SplitPasted(string text)
    {
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            return ToldBefore(WithoutLabel(text));
        }

        var lines = text.Split('\n').Where(static l => l.Any(char.IsLetterOrDigit) && !l.TrimStart().StartsWith("```", StringComparison.Ordinal)).ToList();
        return lines.Count switch
        {
            0 => (text, null),
            1 => (WithoutLabel(lines[0]), null),
            _ => (WithoutLabel(lines[^1]), string.Join('\n', lines.Take(lines.Count - 1))),
        };
    }

    /// <summary>
    /// Output or a state told on one line before the request ("pre-commit failed: gofmt found unformatted files. format
    /// the code", "npm audit: 14 vulnerabilities. run npm update"): when the last sentence asks for something and no
    /// sentence before it does, those sentences only say what the request is about, like output pasted above it.
    /// </summary>
    private static (string Request, string? Pasted) ToldBefore(string text)
    {
        var end = SentenceEnds(text).LastOrDefault(-1);
        if (end < 0)
        {
            return (text, null);
        }

        var told = text[..end];
        var request = text[end..].TrimStart();
        var starts = SentenceEnds(told).Prepend(0).ToList();
        var sentences = starts.Select((from, k) => told[from..(k + 1 < starts.Count ? starts[k + 1] : told.Length)]);

        // A "why" before the request still asks the agent to investigate ("why do the tests fail? run them").
        var asks = static (string sentence) => Split(sentence) is { Count: > 0 } words && (AsksTheListener(words) || OpensWithImperative(words));
        return !asks(request) || Split(told).Exists(static w => w.Word == "why") || sentences.Any(asks) ? (text, null) : (request, told);
    }

    /// <summary>Where each sentence after the first starts: after ". ", "? " or "! " (and any closing quote or parenthesis).</summary>
    private static IEnumerable<int> SentenceEnds(string text)
    {
        for (var i = 1; i + 1 < text.Length; i++)
        {
            if (text[i - 1] is '.' or '?' or '!' && (i < 2 || char.IsLetterOrDigit(text[i - 2]) || text[i - 2] is ')' or '\'' or '"' or '`'))
            {
                var k = i;
                while (k < text.Length && text[k] is '\'' or '"' or ')' or '`')
                {
                    k++;
                }

                if (k < text.Length && text[k] == ' ')
                {
                    yield return k + 1;
                }
            }
        }
    }

    /// <summary>
    /// The request without a label before a colon ("step 1: go test ./...", "release prep: refresh the deps", "teammate
    /// asks: ..."), when the label is a few words naming no operation ("CI lint job: ..." keeps its label).
    /// </summary>
    public static string WithoutLabel(string request)
    {
        var colon = request.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0 || colon > 40)
        {
            return request;
        }

        var label = Split(request[..colon]);
        return label.Count is > 0 and <= 8 && !label.Exists(static w => w.Argument || DevVocabulary.Find(w.Word) is { Class: WordClass.Topic or WordClass.Action or WordClass.Work or WordClass.Generic })
            ? request[(colon + 2)..]
            : request;
    }

    /// <summary>
    /// The words of pasted output: context only. They neither veto (an error pasted is no bug report to investigate
    /// when the request says what to do) nor count against a target, and name what "run them again" acts on.
    /// </summary>
    public static IEnumerable<AnalyzedToken> AnalyzePasted(string pasted, TypoCorrector? corrector = null) =>
        Analyze(pasted, corrector).Select(static t => t with
        {
            // A branch named there is where things happened, and a topic in a scope phrase or a question's subject ("did my
            // last change break the build?") is what it was about: never what "check it", "run it" acts on.
            Class = t.Class is WordClass.Work or WordClass.Question or WordClass.Negation or WordClass.Problem || t.Concepts[0] == "branch"
                || (t.Class == WordClass.Topic && t.Scoped && !t.Incidental) ? WordClass.Scope : t.Class,
            ClauseStart = false,
            Scoped = true,
            Incidental = true,
            Context = true,
        });
}
