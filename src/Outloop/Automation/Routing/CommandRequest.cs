using Outloop.Patterns.Signatures;

namespace Outloop.Automation.Routing;

/// <summary>
/// Reads a shell command written in a request ("cargo update", "run `pytest -x`", "python manage.py migrate") with the
/// shell-command classifier of the pattern engine, and rewrites it as the plain words of the operation it performs
/// ("update the dependencies"), so targets are matched by what the command does, whatever runner it names. Only
/// operations a request can safely name by their kind are rewritten: tests, builds and type checks, linters, formatters,
/// dependency updates, read-only version-control commands, migrations applied, servers and applications started.
/// </summary>
internal static class CommandRequest
{
    private static readonly PathScope NoScope = new(null, null);

    // Words before the command that do not belong to it ("please run `x`", "can you execute x").
    // Greetings, politeness and fillers are lead words too ("hi! would you mind running x for me").
    private static readonly HashSet<string> Lead = new(StringComparer.Ordinal)
    {
        "please", "pls", "plz", "run", "execute", "exec", "can", "could", "you", "u", "just", "now", "do", "lets", "let's", "try", "quickly",
        "running", "executing", "would", "will", "mind", "kindly", "hi", "hello", "hey", "yo", "ok", "okay", "so", "um", "uh", "erm",
        "maybe", "and", "then", "also", "quick", "first", "sorry", "again", "rerun", "re-run", "call",
        "invoke", "i", "we", "want", "need", "to", "like",
    };

    // Programs whose name is also an English word: followed by an English word, they are English ("make the tests pass").
    private static readonly HashSet<string> EnglishPrograms = new(StringComparer.Ordinal)
    {
        "make", "go", "test", "just", "task", "find", "sort", "cut", "type", "which", "kill", "open", "time", "watch", "mix",
        "bundle", "rake", "serve", "start", "install", "check", "format", "lint", "build", "deploy", "migrate", "tidy", "clean",
        "touch", "head", "tail", "more", "less", "file", "date", "sleep", "wait", "read", "set", "export", "source", "env", "top",
        "say", "tree", "patch", "join", "paste", "fold", "expand", "jump", "ship", "fly", "dev", "black", "standard", "turbo",
        "invoke", "cake", "air", "reflex", "gem", "yes", "no", "do", "can", "tell", "show", "see", "up",
    };

    // Words that end the command and go back to prose ("cargo test and then report").
    private static readonly HashSet<string> Prose = new(StringComparer.Ordinal)
    {
        "and", "then", "please", "pls", "before", "after", "so", "but", "because", "if", "when", "while", "for", "now",
        "again", "once", "until", "since", "thanks", "to",
    };

    // A second word that shows the first one is English, not a program ("make the tests pass", "go ahead").
    private static readonly HashSet<string> EnglishSecond = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "my", "our", "your", "this", "that", "these", "those", "it", "its", "all", "me", "us", "some",
        "sure", "up", "ahead", "sense", "them", "any", "every", "everything", "is", "are", "was", "to", "of", "on", "in", "and",
    };

    // Version-control verbs that only read the working tree and history.
    private static readonly HashSet<string> ReadOnlyVcs = new(StringComparer.Ordinal)
    {
        "status", "log", "diff", "show", "shortlog", "reflog", "branch", "whatchanged",
    };

    private static readonly HashSet<string> DepsUpdates = new(StringComparer.Ordinal)
    {
        "update", "upgrade", "up", "upgrade-interactive", "bump", "refresh",
    };

    private static readonly HashSet<string> ServerVerbs = new(StringComparer.Ordinal)
    {
        "server", "runserver", "dev", "serve", "start", "develop", "phx.server", "start:dev", "dev:server", "watch",
    };

    /// <summary>
    /// The request with its command replaced by the words of the operation, and the command's signature; null when
    /// the request holds no command whose operation can be named.
    /// </summary>
    public static (string Text, OperationSignature Signature)? Rewrite(string text)
    {
        var tick = text.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            var end = text.IndexOf('`', tick + 1);
            if (end > tick + 1)
            {
                var inner = text[(tick + 1)..end].Trim();
                var signature = Formatting(Classify(inner), inner.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                return signature is null || Words(signature) is not { } words
                    ? null
                    : (text[..tick] + " " + words + " " + text[(end + 1)..], signature);
            }
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = 0;
        while (start < parts.Length && Lead.Contains(parts[start].ToLowerInvariant().TrimEnd('!', ',', '.', '?', ':', ';')))
        {
            start++;
        }

        if (start >= parts.Length || !LooksLikeProgram(parts[start])
            || (start + 1 < parts.Length && EnglishPrograms.Contains(parts[start]) && EnglishSecond.Contains(parts[start + 1].ToLowerInvariant())))
        {
            return null;
        }

        // A tool's bare name ("prettier", "black") says which tool, not a mode: the vocabulary reads it as that tool's kind.
        // A program that is an English verb too ("make") is read as the program: alone, it is no verb of a sentence.
        if ((start + 1 == parts.Length || Prose.Contains(parts[start + 1].ToLowerInvariant()))
            && DevVocabulary.Find(parts[start].ToLowerInvariant().TrimEnd(',', ';', '?', '!', '.')) is { Implies: not null, WorkAtClauseStart: false })
        {
            return null;
        }

        var stop = start;
        var closed = false;
        while (stop < parts.Length && !closed)
        {
            var word = parts[stop];
            if (stop > start && Prose.Contains(word.ToLowerInvariant()))
            {
                break;
            }

            // "cargo test, then report": punctuation after a word closes the command.
            closed = word.Length > 1 && word[^1] is ',' or ';' or '?' or '!';
            stop++;
        }

        var command = string.Join(' ', parts[start..stop]).TrimEnd(',', ';', '?', '!');
        var found = Formatting(Classify(command), parts[start..stop]);
        if (found is null || Words(found) is not { } canonical)
        {
            return null;
        }

        var rewritten = string.Join(' ', parts[..start].Append(canonical + (closed ? "," : string.Empty)).Concat(parts[stop..]));
        return (rewritten, found);
    }

    /// <summary>
    /// Where a request means more than the pattern engine's reading. A formatter named without any flag ("gofmt the
    /// repo", "run prettier on src") is asked to format: the pattern engine reads its default print-only mode as a
    /// check, a request means the tool's purpose. A tox or nox session named for a check (<c>nox -s lint</c>,
    /// <c>tox -e typecheck</c>) asks for that check: the pattern engine counts every session as a test run.
    /// </summary>
    private static OperationSignature? Formatting(OperationSignature? signature, string[] words)
    {
        if (signature is { Category: OperationCategory.Lint } && words.Length > 0 && !words.Any(static w => w.StartsWith('-'))
            && DevVocabulary.Find(words[0].ToLowerInvariant().Replace('-', '_')) is { Implies: "format" })
        {
            return signature with { Category = OperationCategory.Format };
        }

        if (signature is { Category: OperationCategory.Test, Subcategory: "tox" or "nox" } && signature.Target != SignatureTargets.All
            && RunnerTable.ScriptCategory(signature.Target) is var category && category is OperationCategory.Lint or OperationCategory.Build or OperationCategory.Format)
        {
            return signature with { Category = category };
        }

        return signature;
    }

    private static bool LooksLikeProgram(string word)
    {
        if (word.Length == 0 || !(char.IsAsciiLetter(word[0]) || word[0] is '.' or '/'))
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    private static OperationSignature? Classify(string command)
    {
        if (command.Length == 0 || command.Length > 400)
        {
            return null;
        }

        return ShellOperationClassifier.Classify(command, NoScope);
    }

    /// <summary>The plain words of an operation, or null when its kind does not name one routable operation.</summary>
    internal static string? Words(OperationSignature signature) => signature.Category switch
    {
        OperationCategory.Test => "run the tests",
        OperationCategory.Build => "build the project",
        OperationCategory.Lint => "run the linter",
        OperationCategory.Format => "format the code",
        OperationCategory.Deps when DepsUpdates.Contains(signature.Target[(signature.Target.LastIndexOf('.') + 1)..]) => "update the dependencies",
        OperationCategory.Vcs when signature.Subcategory == "git" && ReadOnlyVcs.Contains(signature.Target) => "git " + signature.Target,
        OperationCategory.Run when signature.Target == RunnerTable.MigrateTarget || signature.Target.EndsWith(":migrate", StringComparison.Ordinal) || signature.Target.EndsWith(".migrate", StringComparison.Ordinal) => "run the database migrations",
        OperationCategory.Run when signature.Target == RunnerTable.ServerTarget || ServerVerbs.Contains(signature.Target) => "start the dev server",
        OperationCategory.Run when signature.StartsApp => "run the app",
        _ => null,
    };
}
