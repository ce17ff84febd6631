namespace Outloop.Automation.Routing;

/// <summary>
/// The generic vocabulary of software development requests: synonyms that mean the same operation
/// (compile = build, deps = dependencies), tool names that imply their kind (jest is a test runner, ruff a linter),
/// words that only say where (frontend, src, python), and the words that ask an agent for work rather than a
/// script (fix, add, refactor, why). It knows nothing about any particular registry; tools bring their own words.
/// Multi-word entries use '_' between words ("set_up").
/// </summary>
internal static class DevVocabulary
{
    private static readonly HashSet<string> Written = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, VocabularyEntry> Words = Build();

    /// <summary>Words that carry no meaning for routing.</summary>
    public static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "teh", "hte", "adn", "way", "of", "for", "in", "on", "at", "by", "with", "and", "or", "is", "are", "was", "were", "be",
        "been", "being", "it", "its", "this", "that", "these", "those", "my", "our", "your", "their", "me", "i", "we",
        "you", "us", "please", "pls", "plz", "can", "could", "would", "will", "do", "does", "did", "done", "so", "far",
        "what", "which", "who", "any", "some", "just", "now", "again", "still", "then", "also", "there", "here",
        "whether", "if", "as", "from", "into", "up", "let", "lets", "s", "t", "d", "ll", "ve", "m", "re", "hey", "ok",
        "okay", "thanks", "thank", "kindly", "quickly", "quick", "go", "ahead", "to", "out", "every", "right",
        "currently", "yet", "too", "very", "really", "need", "needs", "want", "like", "am", "has", "have", "had",
        "got", "get", "how", "many", "much", "where", "when", "whats", "via", "using", "since", "across", "within",
        "inside", "under", "over", "about", "through", "after", "before", "while", "once", "but", "yes", "try",
        "help", "mind", "u", "ya", "y", "am", "im", "one", "thing", "things", "stuff", "first", "them", "few", "several",
        "couple", "full", "complete", "fresh", "entire", "whole", "recent", "real", "anything", "something", "around", "auto", "bring", "rn", "wat", "thru", "lol", "lmao", "stuff", "look", "looks", "wait", "even", "wether", "wheter", "long", "story", "short", "r", "needful", "prepone", "itself", "helpful", "convenient", "prudent",

        // Chat and voice noise: greetings, hedges, politeness and fillers carry no request.
        "um", "umm", "uh", "uhh", "uhm", "erm", "hmm", "hi", "hello", "yo", "sorry", "bother", "maybe", "perhaps", "possibly",
        "possible", "properly", "correctly", "nicely", "actually", "basically", "literally", "kinda", "sorta", "somehow", "asap",
        "cheers", "thx", "ty", "buddy", "mate", "dear", "nothing", "able", "wondering", "wonder", "appreciate", "appreciated",
        "grateful", "chance", "feel", "free", "guys", "folks", "probably", "simply", "already", "ever", "exactly", "okie",
        "alright", "awesome", "great", "cool", "nice", "sure", "mind", "if", "time", "moment", "sec", "soon", "whenever", "more",
        "current", "currently", "know", "else",

        // When and how soon: a day or a moment says when the answer is wanted, never which operation.
        "today", "tonight", "yesterday", "tomorrow", "lately", "recently", "atm", "nowadays", "meanwhile", "gimme", "lemme",

        // Hedges and modals away from the start of a clause ("anything we should know about"), and quantities of an answer.
        "should", "shall", "must", "rough", "roughly", "approximately", "count", "nobody", "anybody",
        "anyone", "someone", "somebody", "everybody", "everyone", "stand", "stands", "standing", "only", "cleanly", "smoothly", "outstanding", "think", "guess", "believe", "suppose", "reckon", "included", "including",

        // Asides of long requests: "back and forth with QA", "thanks a lot", "according to our style", "whatever we use".
        "forth", "lot", "lots", "according", "whatever", "whichever", "same", "em",

        // Times of day and spans: "same as this morning", "like last month" say when it was done before.
        "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year", "sprint", "quarter",
    };

    /// <summary>Words that begin a phrase saying where or with what; the words after them are scope.</summary>
    public static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "for", "in", "on", "across", "under", "inside", "within", "at", "to", "with", "from", "into", "against",
        "using", "via", "throughout", "over", "without", "except", "excluding", "per",
    };

    /// <summary>Words skipped when looking for the verb that opens a clause.</summary>
    public static readonly HashSet<string> ClauseFillers = new(StringComparer.Ordinal)
    {
        "please", "pls", "plz", "kindly", "can", "could", "would", "will", "you", "i", "we", "let", "lets", "s", "go",
        "ahead", "need", "needs", "want", "to", "just", "now", "then", "also", "hey", "ok", "okay", "so", "quickly",
        "help", "me", "us", "try", "and", "do", "u", "first", "next", "finally", "d", "ll", "m", "ve", "re", "im",
        "um", "umm", "uh", "uhh", "uhm", "erm", "hmm", "well", "oh", "only", "really", "actually", "basically", "honestly", "think", "guess", "believe", "suppose", "reckon",
    };

    /// <summary>Words that start a new clause.</summary>
    public static readonly HashSet<string> ClauseBreaks = new(StringComparer.Ordinal)
    {
        "and", "then", "but", "also", "afterwards", "after", "before", "once", "while", "so", "n",
    };

    /// <summary>Everyday words one letter away from a development word: never read as its typo.</summary>
    public static readonly string[] EnglishNearMisses =
    [
        "look", "looks", "line", "lines", "lift", "link", "links", "lent", "hint", "mint", "best", "rest", "nest", "text",
        "texts", "next", "tent", "west", "star", "stars", "smart", "stark", "stare", "state", "stats", "fast", "last",
        "past", "host", "post", "most", "lost", "cost", "mine", "main", "fine", "find", "kind", "mind", "guild", "form",
        "forms", "formal", "from", "dock", "lack", "luck", "rock", "sock", "lick", "type", "types", "tape", "data",
        "date", "save", "have", "move", "more", "mode", "node", "code", "note", "tone", "done", "gone", "none", "bold",
        "hold", "fold", "told", "mild", "wild", "change", "charge", "chance", "range", "strange", "sort", "port", "part",
        "parts", "start", "update", "serve", "server", "nerve", "never", "sever", "fever", "lever", "clock", "block",
        "flock", "bump", "jump", "lump", "pump", "dump", "hump", "flag", "flags", "deep", "step", "steps", "stop",
        "shop", "chip", "ship", "pass", "mass", "less", "loss", "boss", "kiss", "miss", "fail", "mail", "nail", "tail",
        "rail", "sail", "bail", "jail", "tell", "sell", "well", "bell", "cell", "fell", "shell", "spell", "smell",
        "still", "skill", "spill", "build", "guilt", "quilt", "built", "bills", "lists", "listen", "lesson", "person",
        "version", "mention", "motion", "notion", "station", "nation", "ration", "nights", "light", "lights", "right",
        "sight", "might", "fight", "eight", "weight", "height", "tight",
    ];

    /// <summary>Words that open a clause giving context rather than the request ("before I commit", "after the merge").</summary>
    public static readonly HashSet<string> Subordinators = new(StringComparer.Ordinal)
    {
        "after", "before", "once", "while", "since", "because", "until", "unless", "when", "whenever",
    };

    /// <summary>Single known words a misspelt word may be corrected to.</summary>
    /// <remarks>
    /// Only words as written (not stems) of topics, operations and work verbs: generic and scope words are short
    /// everyday English ("list", "unit") that real words are one letter away from. Tool names of six letters or more
    /// ("eslint", "clippy") too: shorter ones ("black", "ruff") are a letter from everyday words. Long scope words and
    /// fillers ("everything", "probably") too, so their typos are read as what they are.
    /// </remarks>
    public static IEnumerable<string> CorrectionWords =>
        Written.Where(static w => !w.Contains('_', StringComparison.Ordinal)
            && ((Words[w] is { Implies: null } e && (e.Class is WordClass.Topic or WordClass.Action or WordClass.Work || e.WorkAtClauseStart || (e.Class == WordClass.Scope && w.Length >= 8)))
                || (Words[w] is { Implies: not null } && w.Length >= 6)))
            .Concat(StopWords.Where(static w => w.Length >= 8));

    /// <summary>The entry for a lower-case word or '_'-joined pair, trying its stem too.</summary>
    public static VocabularyEntry? Find(string word)
    {
        if (Words.TryGetValue(word, out var entry) || Words.TryGetValue(StemPhrase(word), out entry))
        {
            return entry;
        }

        // "autoformat", "recompile", "relint": a repeat/automatic prefix on an operation word means that operation.
        foreach (var prefix in (ReadOnlySpan<string>)["auto", "re"])
        {
            if (word.Length > prefix.Length + 3 && word.StartsWith(prefix, StringComparison.Ordinal)
                && (Words.TryGetValue(word[prefix.Length..], out entry) || Words.TryGetValue(Stemmer.Stem(word[prefix.Length..]), out entry))
                && entry.Class is WordClass.Topic or WordClass.Action or WordClass.Generic)
            {
                return entry;
            }
        }

        return null;
    }

    private static Dictionary<string, VocabularyEntry> Build()
    {
        var words = new Dictionary<string, VocabularyEntry>(StringComparer.Ordinal);

        void Add(string concept, WordClass wordClass, string variants, string? implies = null, bool workAtClauseStart = false)
        {
            var entry = new VocabularyEntry(concept, wordClass, implies, workAtClauseStart);
            foreach (var variant in variants.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                words[variant] = entry;
                Written.Add(variant);
                var stem = StemPhrase(variant);
                words.TryAdd(stem, entry);
            }
        }

        // Each tool name is its own concept and implies its kind, so "jest" finds a tool declared with "pytest".
        void Tools(string kind, string names)
        {
            foreach (var name in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Add(name.Replace("_", "", StringComparison.Ordinal), WordClass.Topic, name, implies: kind);
            }
        }

        Add("test", WordClass.Topic, "test tests testing tested spec specs suite suites unittest unittests testsuite testsuites testcase testcases test_case test_cases regression_test regression_tests regression_suite");
        Tools("test", "prove kaocha pytest jest vitest mocha jasmine rspec phpunit junit xunit nunit minitest exunit cypress playwright karma ava nose nose2 ctest tox "
            + "pest phpspec behat codeception cucumber bats busted gotestsum nextest googletest gtest catch2 doctest kotest spock scalatest hspec xctest testcafe");
        Add("build", WordClass.Topic, "build builds building built rebuild compile compiles compiling compiled compilation compiler assemble assembles");
        Tools("build", "msbuild cmake esbuild rollup webpack tsup ninja xcodebuild meson scons rspack turbopack compilejava compilekotlin compiletestjava assemble");
        Add("make", WordClass.Topic, "make", implies: "build", workAtClauseStart: true);
        Add("typecheck", WordClass.Topic, "typecheck typechecks typechecking typechecker type_check type_checks type_checking type_checker types typing");
        Tools("typecheck", "tsc mypy pyright dialyzer sorbet pyre pytype basedpyright tsgo");
        Add("lint", WordClass.Topic, "lint lints linting linted linter linters static_analysis code_quality quality_check quality_checks code_smell code_smells static_check static_checks style_check style_checks analyzer analyzers analyser analysers static_analyzer static_analyzers");
        Tools("lint", "perlcritic eslint ruff flake8 pylint rubocop clippy credo golangci stylelint shellcheck tslint hadolint markdownlint biome oxlint jshint jslint "
            + "standardrb reek brakeman phpstan psalm phpcs phpmd detekt ktlint checkstyle pmd spotbugs swiftlint hlint luacheck staticcheck revive golint "
            + "vet cppcheck clang_tidy cpplint tflint yamllint sqlfluff semgrep vale actionlint ameba sonarqube pyflakes pycodestyle pydocstyle bandit "
            + "larastan phpinsights sobelow scalastyle scalafix erblint htmlhint spectral stylecop roslynator fxcop spotlesscheck");
        Add("style", WordClass.Topic, "style styles styling stylistic code_style");
        Add("format", WordClass.Topic, "format formats formatting formatted formatter formatters reformat reformats reformatting reformatted indentation indent indenting whitespace prettify prettified beautify beautified fmt pretty_print pretty_up");
        Tools("format", "perltidy stree buildifier rufo standardrb_fix ocamlformat ormolu fourmolu mix_format dart_format spotlessapply ktlintformat "
            + "prettier black gofmt rustfmt isort autopep8 yapf clang_format dprint gofumpt goimports swiftformat swift_format stylua shfmt ktfmt scalafmt "
            + "elm_format ormolu fourmolu cljfmt nixfmt alejandra csharpier rubyfmt taplo php_cs_fixer phpcbf pint spotless");
        Add("dependency", WordClass.Topic, "dependency dependencies deps dep pkg pkgs package packages library libraries requirement requirements gem gems crate crates node_modules");
        Add("lockfile", WordClass.Topic, "lockfile lockfiles lock locks lock_file lock_files");
        Add("version", WordClass.Topic, "version versions");
        Add("database", WordClass.Topic, "database databases db dbs schema schemas postgres postgresql mysql sqlite mongo mongodb");

        // Database libraries and ORMs say what the request is about (the database), not which operation.
        Tools("database", "sqlx diesel prisma typeorm drizzle sqlalchemy activerecord gorm hibernate efcore ef ef_core entity_framework");
        Add("migrate", WordClass.Action, "migrate migrates migrating migrated migration migrations schema_change schema_changes mig migs");
        Tools("migrate", "alembic flyway liquibase ecto knex sequelize goose dbmate yoyo sqitch phinx");
        Add("server", WordClass.Topic, "server servers devserver dev_server webserver srv svr hot_reload hot_reloading live_reload hmr");
        Tools("server", "uvicorn gunicorn hypercorn nodemon puma vite webpack_dev_server air morbo ibazel bootrun runserver");
        // The application is where an operation acts ("build the android app"); run or started on its own, it is the
        // request's object (see TextAnalyzer's components).
        Add("app", WordClass.Scope, "app apps application applications webapp website site dashboard endpoint");
        Add("backend", WordClass.Scope, "back_end");
        Add("frontend", WordClass.Scope, "front_end");
        Add("background", WordClass.Topic, "background bg detached daemon daemonized");
        Add("git", WordClass.Topic, "git vcs");
        Add("change", WordClass.Topic, "change changes changed modify modifies modified modification modifications diff diffs edit edits edited touched mess_with messed_with uncommitted staged unstaged dirty", workAtClauseStart: true);
        Add("commit", WordClass.Topic, "commit commits committed log history", workAtClauseStart: true);
        Add("branch", WordClass.Topic, "branch branches", workAtClauseStart: true);
        Add("status", WordClass.Topic, "status state");
        Add("worktree", WordClass.Topic, "worktree working_tree work_tree working_copy checkout_state");

        Add("update", WordClass.Action, "upd8 update updates updated updating upgrade upgrades upgraded upgrading bump bumps bumped bumping refresh refreshes refreshed refreshing regenerate regen");

        // False friends of "update" in French, Spanish, Portuguese and German ("actualiser", "actualizar", "aktualisieren").
        Add("update", WordClass.Action, "actualise actualize actualised actualized actualising actualizing actualisation actualization");
        Add("start", WordClass.Action, "start starts started starting boot spin spins spin_up fire_up bring_up serve");

        // "launch the backend" starts it; "launch the phpunit tests" runs them.
        Add("start", WordClass.Action, "launch launches launched launching", implies: "run");

        Add("run", WordClass.Generic, "run runs running ran execute executes executing executed exec trigger kick_off invoke rerun re_run redo produce perform carry_out");
        Add("check", WordClass.Generic, "check checks checking checked verify verifies validate ensure confirm make_sure sanity_check control");
        Add("show", WordClass.Generic, "show shows display list print tell give see report reports view summary summarise summarize summarised summarized overview recap read_me read_out say_me send_me paste_me post_me gimme rundown provide_me teach_me remind_me resume me_know paste post ping_me revert_with share surface capture");
        Add("apply", WordClass.Generic, "apply applies applied enforce enforces enforced normalize normalise normalizes normalises adjust reflect reflected");

        // What "make X consistent" asks for: a state an operation brings about, not an operation of its own.
        Add("tidy-state", WordClass.Generic, "consistent uniform neat readable pretty");
        Add("pass", WordClass.Outcome, "pass passes passing passed green succeed succeeds success successful working");
        Add("fail", WordClass.Outcome, "fail fails failing failed failure failures red broken error errors breaks breaking");
        Add("finding", WordClass.Outcome, "finding findings violation violations warning warnings offense offenses offence offences smell smells finds issues problems complaints nits complain complains flags");
        Add("result", WordClass.Outcome, "result results output outputs");

        foreach (var scope in ("project projects repo repos repository codebase code_base code source sources src everything all entire whole file files folder "
            + "head folders directory dir dirs module modules component components service services frontend backend client api ui web mobile local locally dev development unit integration e2e "
            + "end_to_end main master trunk smoke python javascript typescript js ts go golang rust ruby elixir java kotlin swift php csharp dotnet node nodejs "
            + "deno bun npm yarn pnpm pip poetry pipenv uv cargo bundler composer nuget mix phoenix rails django flask fastapi express "
            + "nextjs nuxt laravel spring workspace workspaces monorepo solution sln production prod debug staging optimized minified script scripts "
            + "task tasks job jobs step steps command commands third_party external vendored mode once headless verbose verbosely quiet quietly silent "
            + "silently parallel serially sequentially watch ci maven mvn gradle gradlew sbt bazel c cpp cxx objc dart flutter android ios scala clojure "
            + "haskell lua perl zig nim erlang ocaml fsharp sql html css scss sass json yaml markdown shell bash").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Add(scope, WordClass.Scope, scope);
        }

        // Package managers: "cargo update" is what a tool declared as "npm update" does.
        foreach (var manager in "npm yarn pnpm pip pipx poetry pipenv uv cargo bundler bundle composer nuget bun deno conda pub carton cpanm opam hex".Split(' '))
        {
            Add(manager, WordClass.Scope, manager, implies: "package-manager");
        }

        Add("add", WordClass.Work, "add adds adding added");
        Add("create", WordClass.Work, "create creates creating created generate generates scaffold");

        // "new" describes ("the new migrations", "there are new warnings"); "a new project" or "new component ..." opening
        // a clause is one to make (TextAnalyzer).
        Add("create", WordClass.Scope, "new", workAtClauseStart: true);
        Add("write", WordClass.Work, "write writes writing wrote rewrite rewrites");
        Add("implement", WordClass.Work, "implement implements implementing implemented introduce");

        // "work on the login page" asks for work; "the half-finished work on a branch" names it.
        Add("implement", WordClass.Scope, "work_on working_on worked_on", workAtClauseStart: true);
        Add("refactor", WordClass.Work, "refactor refactors refactoring refactored restructure simplify");
        Add("rename", WordClass.Work, "rename renames renaming renamed");
        Add("explain", WordClass.Work, "explain explains explaining describe understand analyze analyse analysis");
        Add("investigate", WordClass.Work, "investigate investigating debugging diagnose troubleshoot look_into figure_out");
        Add("review", WordClass.Work, "review reviews reviewing audit");
        Add("fix", WordClass.Work, "fix fixes fixing fixed repair solve cleanup clean_up tidy tidy_up");
        Add("configure", WordClass.Work, "configure configuring configured set_up");

        // "our Rubocop setup": the noun; the verb is "set up".
        Add("configure", WordClass.Scope, "setup setups");
        Add("install", WordClass.Work, "install installs installing installed uninstall");
        Add("remove", WordClass.Work, "remove removes removing removed delete deletes deleting deleted");
        Add("move", WordClass.Work, "move moves moving relocate");
        Add("replace", WordClass.Work, "replace replaces replacing swap convert converts migrate_to port_to");
        Add("design", WordClass.Work, "design redesign propose");
        Add("optimize", WordClass.Work, "optimize optimise optimizing optimising speed_up improve improves improving faster slower");
        Add("stop", WordClass.Work, "stop stops kill shut_down shutdown restart revert undo rollback roll_back downgrade disable enable");
        Add("ship", WordClass.Work, "deploy deploys deploying publish rebase");
        Add("document", WordClass.Work, "documentation docstring docstrings translate");
        Add("extend", WordClass.Work, "extend integrate extract mock stub");

        // Verbs that ask for work when they open a clause, and are ordinary words elsewhere ("the release build").
        // "the release build", "a release build": a kind of build; "release v2" opening a clause is work.
        Add("release", WordClass.Scope, "release", workAtClauseStart: true);
        Add("investigate", WordClass.Scope, "debug", workAtClauseStart: true);

        // One package, library or crate is usually the project itself ("does the package still build?"): where, not
        // what; the plural is the dependencies. Its concept still matches a tool about dependencies.
        Add("dependency", WordClass.Scope, "package library crate gem");

        // Where a running app is reached, and a checkout of the repository: scope, but verbs opening a clause ("port the
        // code to rust", "checkout main").
        Add("port", WordClass.Scope, "port", workAtClauseStart: true);
        Add("checkout", WordClass.Scope, "checkout", workAtClauseStart: true);
        Add("address", WordClass.Scope, "link links url urls address localhost");
        Add("person", WordClass.Scope, "reviewer reviewers colleague colleagues teammate teammates");
        Add("note", WordClass.Scope, "note notes noted freeze bug_report bug_reports");
        Add("pull_request", WordClass.Scope, "pull_request pull_requests merge_request merge_requests pr prs mr");

        // Parts of a build that say what is built, not which operation: bundled assets, modules of a multi-module project.
        Add("manifest", WordClass.Scope, "manifest gemfile pipfile cpanfile gemspec pyproject");
        Add("assets", WordClass.Scope, "asset assets static bundle bundles umbrella multi_module multimodule submodule submodules ex exs");

        foreach (var verb in "merge push pull document comment open find search seed compare patch drop reset plan draft support handle split pin check_out stash switch discard"
            .Split(' '))
        {
            Add(verb, WordClass.Plain, verb, workAtClauseStart: true);
        }

        Add("bug", WordClass.Problem, "bug bugs buggy crash crashes crashing crashed exception exceptions traceback tracebacks stacktrace stack_trace panic panics segfault regression regressions hang hangs hanging freezes leak leaks");
        Add("why", WordClass.Question, "why");

        // "which is better, Flyway or Liquibase?": a choice to advise on.
        Add("better", WordClass.Question, "better");
        Add("not", WordClass.Negation, "not never without dont cannot");
        return words;
    }

    /// <summary>Stems each word of a '_'-joined phrase.</summary>
    public static string StemPhrase(string phrase) =>
        phrase.Contains('_', StringComparison.Ordinal)
            ? string.Join('_', phrase.Split('_').Select(Stemmer.Stem))
            : Stemmer.Stem(phrase);
}
