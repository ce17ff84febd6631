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
    internal static readonly HashSet<string> ReadOnlyVcs = new(StringComparer.Ordinal)
    {
        "status", "log", "diff", "show", "shortlog", "reflog", "branch", "whatchanged",
    };

    private static readonly HashSet<string> DepsUpdates = new(StringComparer.Ordinal)
    {
        "update", "upgrade", "up", "upgrade-interactive", "bump", "refresh", "lock",
    };

    // Characters that mark a word as written for a program, not for a reader.
    private static readonly System.Buffers.SearchValues<char> CodeMarks = System.Buffers.SearchValues.Create("-./:@=$~");

    private static readonly HashSet<string> ServerVerbs = new(StringComparer.Ordinal)
    {
        "server", "runserver", "dev", "serve", "start", "develop", "phx.server", "start:dev", "dev:server", "watch",
    };

    /// <summary>
    /// The request with its command replaced by the words of the operation, and the command's signature. The text is
    /// null when the request is a command the runner table knows whose operation no routable kind names
    /// (<c>cargo publish</c>, <c>mix deps.get</c>, <c>git push</c>): the router must not read its words as English.
    /// Null when the request holds no command the table recognises.
    /// </summary>
    public static (string? Text, OperationSignature Signature)? Rewrite(string text)
    {
        var tick = text.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            var end = text.IndexOf('`', tick + 1);
            if (end > tick + 1)
            {
                var inner = text[(tick + 1)..end].Trim();
                var innerWords = inner.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var task = MonorepoTask.Read(innerWords);
                var signature = task ?? Formatting(Classify(inner), innerWords);
                return signature is null ? null
                    : Words(signature) is { } words ? (text[..tick] + " " + words + " " + text[(end + 1)..], signature)
                    : task is not null || Recognised(signature, innerWords) ? (null, signature)
                    : null;
            }
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = 0;
        while (start < parts.Length && Lead.Contains(parts[start].ToLowerInvariant().TrimEnd('!', ',', '.', '?', ':', ';')))
        {
            start++;
        }

        // "just dev", "just migrate pls": the task runner `just` is a filler word too; before one recipe name it is the runner.
        if (start > 0 && start < parts.Length && parts[start - 1] == "just" && (start + 1 == parts.Length || Prose.Contains(parts[start + 1].ToLowerInvariant()))
            && ReadCommand(parts, start - 1) is { Text: not null } recipe)
        {
            return recipe;
        }

        return ReadCommand(parts, start);
    }

    /// <summary>The command that starts at <paramref name="start"/> and runs until the prose resumes, read as in <see cref="Rewrite"/>.</summary>
    private static (string? Text, OperationSignature Signature)? ReadCommand(string[] parts, int start)
    {
        // Environment prefixes belong to the command ("MIX_ENV=test mix ecto.migrate"); the program follows them.
        var program = start;
        while (program < parts.Length && IsAssignment(parts[program]))
        {
            program++;
        }

        // "make the tests pass", "go ahead": a program that is an English word, followed by English, is English; alone
        // with its one argument ("make all") it is the program.
        if (program >= parts.Length || !LooksLikeProgram(parts[program])
            || (program + 1 < parts.Length && EnglishPrograms.Contains(parts[program]) && EnglishSecond.Contains(parts[program + 1].ToLowerInvariant())
                && !(program + 2 == parts.Length || Prose.Contains(parts[program + 2].ToLowerInvariant()))))
        {
            return null;
        }

        // A tool's bare name ("prettier", "black") says which tool, not a mode: the vocabulary reads it as that tool's kind.
        // A program that is an English verb too ("make") is read as the program: alone, it is no verb of a sentence.
        if ((program + 1 == parts.Length || Prose.Contains(parts[program + 1].ToLowerInvariant()))
            && DevVocabulary.Find(parts[program].ToLowerInvariant().TrimEnd(',', ';', '?', '!', '.')) is { Implies: not null, WorkAtClauseStart: false })
        {
            return null;
        }

        var stop = program;
        var closed = false;
        while (stop < parts.Length && !closed)
        {
            var word = parts[stop];
            if (stop > program && Prose.Contains(word.ToLowerInvariant()))
            {
                break;
            }

            // "cargo test, then report": punctuation after a word closes the command.
            closed = word.Length > 1 && word[^1] is ',' or ';' or '?' or '!' or ':' || (word.Length > 2 && word[^1] == '.' && char.IsAsciiLetter(word[^2]));
            stop++;
        }

        // "make run the tests for me": a determiner among the arguments, not after a preposition ("in the background"),
        // is English, not a command line; so is a work verb after a program named like an English word ("make prettier
        // stop wrapping lines"), and an English verb right after a tool it names ("make prettier use single quotes").
        // After "&&" or ";" a program starts again ("go get -u ./... && go mod tidy"): its verbs are no English.
        var chained = false;
        for (var k = start + 2; k < stop; k++)
        {
            chained |= parts[k - 1] is "&&" or ";" || parts[k - 1].EndsWith(';');
            if ((parts[k].ToLowerInvariant() is "the" or "a" or "an" or "my" or "our" or "this" or "these" or "those" or "your"
                    && !DevVocabulary.Prepositions.Contains(parts[k - 1].ToLowerInvariant()))
                || (!chained && EnglishPrograms.Contains(parts[start]) && DevVocabulary.Find(parts[k].ToLowerInvariant()) is { Class: WordClass.Work })
                || (k == start + 2 && EnglishPrograms.Contains(parts[start]) && DevVocabulary.Find(parts[k - 1].ToLowerInvariant()) is { Implies: not null }
                    && DevVocabulary.Find(parts[k].ToLowerInvariant()) is null && EnglishVerbs.Read(parts[k].ToLowerInvariant()) != VerbReading.None))
            {
                return null;
            }
        }

        var command = string.Join(' ', parts[start..stop]).TrimEnd(',', ';', '?', '!');
        if (closed)
        {
            command = command.TrimEnd('.');
        }

        // "nx serve storefront", "bazel run //:format": a monorepo task runner does what its task is named for.
        var task = MonorepoTask.Read(parts[program..stop]);
        var found = task ?? Formatting(Classify(command), parts[program..stop]);
        if (found is not null && Words(found) is null && Chained(parts[program..stop]) is { } step)
        {
            found = step;
        }

        if (found is null)
        {
            return null;
        }

        if (Words(found) is not { } canonical)
        {
            // "gradle deps. upgrade all": a command that does nothing routable, closed by a full stop before more prose,
            // is the subject of that prose; the request is read as English.
            if (closed && stop < parts.Length)
            {
                return null;
            }

            return task is not null || Recognised(found, parts[program..stop]) ? (null, found) : null;
        }

        // "go get -u ./... and go mod tidy": a second command of the same program and kind that names no operation is a
        // step of the first, not more prose to read.
        var rest = stop;
        if (!closed && rest + 2 < parts.Length && parts[rest] is "and" or "then" && parts[rest + 1] == parts[program]
            && Classify(string.Join(' ', parts[(rest + 1)..]).TrimEnd('.', '!')) is { } next && next.Category == found.Category && Words(next) is null)
        {
            rest = parts.Length;
        }

        var rewritten = string.Join(' ', parts[..start].Append(canonical + (closed ? "," : string.Empty)).Concat(parts[rest..]));
        return (rewritten, found);
    }

    /// <summary>
    /// The one routable step of a chain of commands of one kind (<c>go get -u ./... &amp;&amp; go mod tidy</c>: an update,
    /// then the lock file tidied), or null. The line's signature is its last command of the highest rank, which here is
    /// the tidy step that names no operation; steps of different kinds (<c>npm ci &amp;&amp; npm test</c>) keep that reading.
    /// </summary>
    private static OperationSignature? Chained(string[] words)
    {
        var steps = new List<OperationSignature>(2);
        var from = 0;
        for (var k = 0; k <= words.Length; k++)
        {
            var end = k == words.Length || words[k] is "&&" or ";";
            var last = !end && words[k].EndsWith(';');
            if (!end && !last)
            {
                continue;
            }

            var upTo = last ? k + 1 : k;
            if (upTo > from && Classify(string.Join(' ', words[from..upTo]).TrimEnd(';')) is { } step)
            {
                steps.Add(step);
            }

            from = k + 1;
        }

        var routable = steps.Where(static s => Words(s) is not null).ToList();
        return steps.Count > 1 && routable.Count == 1 && steps.TrueForAll(s => s.Category == routable[0].Category) ? routable[0] : null;
    }

    private static bool IsAssignment(string word)
    {
        var eq = word.IndexOf('=');
        if (eq <= 0 || !char.IsAsciiLetterUpper(word[0]))
        {
            return false;
        }

        for (var i = 1; i < eq; i++)
        {
            if (!(char.IsAsciiLetterUpper(word[i]) || char.IsAsciiDigit(word[i]) || word[i] == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Where a request means more than the pattern engine's reading. A formatter named without any flag ("gofmt the
    /// repo", "run prettier on src") is asked to format: the pattern engine reads its default print-only mode as a
    /// check, a request means the tool's purpose. A tox or nox session named for a check (<c>nox -s lint</c>,
    /// <c>tox -e typecheck</c>) asks for that check: the pattern engine counts every session as a test run.
    /// </summary>
    private static OperationSignature? Formatting(OperationSignature? signature, string[] words)
    {
        // "ktlint format", "biome format --write": a linter's format command formats.
        if (signature is { Category: OperationCategory.Lint } && words.Length > 0
            && ((!words.Any(static w => w.StartsWith('-')) && DevVocabulary.Find(words[0].ToLowerInvariant().Replace('-', '_')) is { Implies: "format" })
                || (words.Skip(1).Any(static w => w.TrimEnd('.', ',') is "format" or "fmt" or "-F")
                    && !words.Any(static w => w.StartsWith("--", StringComparison.Ordinal) || w == "lint" || (w.StartsWith('-') && w != "-F")))))
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

    /// <summary>
    /// A command that plainly is one (<c>cargo publish</c>, <c>mix deps.get</c>, <c>migrate -path db down 1</c>,
    /// <c>rm -rf dist build</c>) and does something no routable kind names: a dependency, version-control, run or delete
    /// command of at least two words, whose program is no English verb or whose arguments are written as code. "migrate
    /// db" stays English.
    /// </summary>
    private static bool Recognised(OperationSignature signature, string[] words) =>
        (signature.Category is OperationCategory.Deps or OperationCategory.Run or OperationCategory.Vcs || signature is { Category: OperationCategory.File, Subcategory: "delete" })
        && words.Length >= 2
        && (EnglishVerbs.Read(words[0].ToLowerInvariant()) != VerbReading.Main || words.Skip(1).Any(static w => w.AsSpan().IndexOfAny(CodeMarks) >= 0));

    private static bool LooksLikeProgram(string word)
    {
        // "r tests passing??", "u there?": chat shorthand for a word, not a program.
        if (word.Length == 0 || word is "r" or "u" or "n" or "y" || !(char.IsAsciiLetter(word[0]) || word[0] is '.' or '/'))
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

    /// <summary>
    /// A read-only verb used read-only: <c>git branch</c> lists branches, but <c>git branch -D x</c> deletes one and
    /// <c>git branch x</c> creates one.
    /// </summary>
    private static bool ReadsOnly(OperationSignature signature)
    {
        if (signature.Target != "branch")
        {
            return true;
        }

        var words = signature.NormalizedCommand.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = Array.IndexOf(words, "branch") + 1; i < words.Length && words[i] is not ("|" or "&&" or ";" or "||" or "2>&1"); i++)
        {
            var word = words[i];
            if (word is "--contains" or "--no-contains" or "--merged" or "--no-merged" or "--points-at" or "--sort" or "--format")
            {
                i++;
                continue;
            }

            if (!(word is "-a" or "-r" or "-v" or "-vv" or "-l" or "--list" or "--all" or "--remotes" or "--show-current" or "--verbose"
                || word.StartsWith("--sort=", StringComparison.Ordinal) || word.StartsWith("--format=", StringComparison.Ordinal) || word.StartsWith("--color", StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A package script named for serving in one of its parts (<c>npm run start:dev</c>, <c>yarn dev:server</c>, <c>just serve-local</c>).</summary>
    private static bool IsServerScript(OperationSignature signature)
    {
        if (signature.Subcategory is not ("npm" or "pnpm" or "yarn" or "bun" or "deno" or "composer" or "make" or "just" or "task" or "turbo" or "nx")
            || signature.Target.IndexOfAny(['.', ':', '-', '_']) < 0)
        {
            return false;
        }

        foreach (var part in signature.Target.Split(['.', ':', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part is "dev" or "serve" or "server" or "start" or "develop")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The plain words of an operation, or null when its kind does not name one routable operation.</summary>
    internal static string? Words(OperationSignature signature) => signature.Category switch
    {
        OperationCategory.Test => "run the tests",
        OperationCategory.Build => "build the project",
        OperationCategory.Lint => "run the linter",
        OperationCategory.Format => "format the code",
        OperationCategory.Deps when DepsUpdates.Contains(signature.Target[(signature.Target.LastIndexOf('.') + 1)..]) => "update the dependencies",
        OperationCategory.Vcs when signature.Subcategory == "git" && ReadOnlyVcs.Contains(signature.Target) && ReadsOnly(signature) => signature.Target is "shortlog" or "reflog" or "whatchanged" ? "git log" : "git " + signature.Target,
        OperationCategory.Run when signature.Target == RunnerTable.MigrateTarget || signature.Target.EndsWith(":migrate", StringComparison.Ordinal) || signature.Target.EndsWith(".migrate", StringComparison.Ordinal) => "run the database migrations",
        OperationCategory.Run when signature.Target == RunnerTable.ServerTarget || ServerVerbs.Contains(signature.Target) || IsServerScript(signature) => "start the dev server",
        OperationCategory.Run when signature.StartsApp => "start the app",
        _ => null,
    };
}
