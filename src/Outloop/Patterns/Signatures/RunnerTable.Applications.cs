namespace Outloop.Patterns.Signatures;

/// <summary>
/// Runs of the project's own application through its ecosystem's runner (<c>cargo run</c>, <c>go run .</c>,
/// <c>flutter run</c>, <c>dune exec</c>, <c>sbt ~reStart</c>, <c>docker compose up</c>), and the build tools whose
/// tasks need more than a verb table: sbt, Leiningen, the Clojure CLI, Mill, cargo watch and bacon, dune, Nix, opam.
/// </summary>
internal static partial class RunnerTable
{
    /// <summary>The operation, marked as starting the project's application.</summary>
    private static CommandOperation App(CommandOperation operation) => operation with { StartsApp = true };

    /// <summary>A script an interpreter runs whose name says it is the application (<c>server.js</c>, <c>app.py</c>).</summary>
    private static bool IsServerEntry(string script) => StripExtension(UnwrapperName(script)).ToLowerInvariant() is "server" or "app";

    /// <summary>
    /// What a compiled language's runner is asked to run is the application: nothing (the module), a package folder
    /// (<c>./cmd/api</c>), or a main, app or server file; any other file is a one-off program (<c>scripts/gen.go</c>).
    /// </summary>
    private static bool IsAppEntry(string? target)
    {
        if (target is null || target is "." or "./")
        {
            return true;
        }

        if (target.Contains('@') || (!target.StartsWith('.') && target.Split('/')[0].Contains('.') && target.Contains('/')))
        {
            // A module fetched to run ("golang.org/x/tools/cmd/stringer@latest") is a tool, not the project.
            return false;
        }

        var trimmed = target.TrimEnd('/');
        var name = UnwrapperName(trimmed);
        if (!SignatureTargets.LooksLikeFile(name) || StripExtension(name).ToLowerInvariant() is "main" or "server" or "app")
        {
            return true;
        }

        // A source file of the application's own folders (src/, bin/, cmd/, app/), not of scripts/ or tools/.
        var folder = trimmed.StartsWith("./", StringComparison.Ordinal) ? trimmed[2..] : trimmed;
        return folder.StartsWith("src/", StringComparison.Ordinal) || folder.StartsWith("bin/", StringComparison.Ordinal)
            || folder.StartsWith("cmd/", StringComparison.Ordinal) || folder.StartsWith("app/", StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>sbt clean test</c>, <c>sbt ~reStart</c>, <c>sbt "testOnly x.Y"</c>, <c>sbt scalafmtAll</c>: each argument is a
    /// command (a leading <c>~</c> watches, <c>+</c> cross-builds, <c>core/</c> or <c>Test/</c> scopes it); the most
    /// telling one names the run.
    /// </summary>
    private static CommandOperation Sbt(IReadOnlyList<string> args, CommandSite site)
    {
        var commands = Positionals(args, 0, static a => a is "-J" or "--java-home" or "-sbt-version" or "--sbt-version" or "-mem" or "--mem")
            .SelectMany(static c => c.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        CommandOperation? best = null;
        foreach (var command in commands)
        {
            var word = command.Split(' ', 2)[0];
            var watch = word.StartsWith('~');
            var name = word.TrimStart('~', '+', ' ');
            var slash = name.LastIndexOf('/');
            var task = (slash >= 0 ? name[(slash + 1)..] : name).ToLowerInvariant();
            var project = slash > 0 && char.IsAsciiLetterLower(name[0]) ? name[..slash] : null;
            var target = project is not null ? SignatureTargets.Clean(project) : site.FolderTarget();
            var operation = task switch
            {
                "restart" or "re-start" or "bgrun" => App(site.Op(Run, "sbt", ServerTarget)),
                "run" or "runmain" or "fgrun" => App(site.Op(Run, "sbt", watch ? ServerTarget : target)),
                "flywaymigrate" or "liquibaseupdate" => site.Op(Run, "sbt", MigrateTarget),
                "update" or "updateclassifiers" => site.Op(Deps, "sbt", "resolve"),
                "dependencyupdates" => site.Op(Deps, "sbt", "outdated"),
                "dependencytree" or "dependencybrowsetree" => site.Op(Deps, "sbt", "tree"),
                "publish" or "publishsigned" or "release" or "sonatypebundlerelease" => site.Op(Run, "sbt", task),
                "scalastyle" or "scalafix" or "headercheck" or "headercheckall" or "wartremover" => site.Op(Lint, "sbt", target),
                _ when task.StartsWith("scalafmtcheck", StringComparison.Ordinal) => site.Op(Lint, "sbt", target),
                _ when task.StartsWith("scalafmt", StringComparison.Ordinal) || task is "headercreate" or "headercreateall" => site.Op(Format, "sbt", target),
                _ when task.StartsWith("test", StringComparison.Ordinal) || task.StartsWith("coverage", StringComparison.Ordinal) || task.EndsWith("test", StringComparison.Ordinal) => site.Op(Test, "sbt", target),
                "compile" or "package" or "assembly" or "stage" or "dist" or "publishlocal" or "packagebin" or "doc" or "nativeimage"
                    or "fastoptjs" or "fulloptjs" or "fastlinkjs" or "fulllinkjs" or "graalvm-native-image:packagebin" => site.Op(Build, "sbt", target),
                "clean" or "reload" or "console" or "shell" => site.Op(Run, "sbt", task),
                _ when ScriptCategory(task) is var category && category != Run => site.Op(category, "sbt", target),
                _ => site.Op(Run, "sbt", IsVerbWord(task) ? task : All),
            };
            best = Better(best, operation);
        }

        return best ?? site.Op(Run, "sbt", "shell");
    }

    /// <summary>
    /// <c>lein test</c>, <c>lein run</c>, <c>lein do clean, test</c>, <c>lein with-profile +dev ring server</c>,
    /// <c>lein cljfmt fix</c>, <c>lein ancient upgrade</c>, <c>lein migratus migrate</c>.
    /// </summary>
    private static CommandOperation Lein(IReadOnlyList<string> args, CommandSite site)
    {
        var words = Positionals(args, 0, static _ => false).Select(static w => w.TrimEnd(',')).Where(static w => w.Length > 0).ToList();
        var i = 0;
        while (i < words.Count && words[i] is "with-profile" or "with-profiles" or "trampoline" or "update-in")
        {
            i += words[i] is "trampoline" ? 1 : 2;
        }

        if (i >= words.Count)
        {
            return site.Op(Run, "lein", "repl");
        }

        if (words[i] == "do")
        {
            // "lein do clean, test": the tasks are the words that follow a comma (and the first one).
            CommandOperation? best = null;
            var tasks = string.Join(' ', args.SkipWhile(static a => a != "do").Skip(1)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var task in tasks)
            {
                best = Better(best, Lein(task.Split(' ', StringSplitOptions.RemoveEmptyEntries), site));
            }

            return best ?? site.Op(Run, "lein", "do");
        }

        var verb = words[i];
        var next = i + 1 < words.Count ? words[i + 1] : null;
        return verb switch
        {
            "test" or "midje" or "kaocha" or "doo" or "test-refresh" or "cloverage" or "eftest" or "expectations" => site.Op(Test, "lein", site.FolderTarget()),
            "run" => App(site.Op(Run, "lein", site.FolderTarget())),
            "ring" when next is "server" or "server-headless" => App(site.Op(Run, "lein", ServerTarget)),
            "figwheel" or "fig" or "figwheel-main" => App(site.Op(Run, "lein", ServerTarget)),
            "compile" or "uberjar" or "jar" or "javac" or "cljsbuild" or "install" or "pom" => site.Op(Build, "lein", site.FolderTarget()),
            "cljfmt" or "zprint" => site.Op(next == "check" ? Lint : Format, "lein", site.FolderTarget()),
            "kibit" or "eastwood" or "bikeshed" or "clj-kondo" or "kondo" or "check" or "splint" or "nvd" => site.Op(Lint, "lein", verb),
            "deps" => site.Op(Deps, "lein", "install"),
            "ancient" => site.Op(Deps, "lein", next is "upgrade" or "upgrade-profiles" ? "upgrade" : "outdated"),
            "migratus" or "ragtime" => next is "migrate" or "up" or null ? site.Op(Run, "lein", MigrateTarget) : site.Op(Run, "lein", next is "rollback" or "down" or "reset" ? "rollback" : next),
            _ => site.Op(Run, "lein", IsVerbWord(verb) ? verb : All),
        };
    }

    /// <summary>
    /// The Clojure CLI: the aliases of <c>-M:test</c>, <c>-X:lint</c>, <c>-T:build uber</c> name the task, <c>-M -m app.core</c>
    /// runs the application, nothing at all is a REPL.
    /// </summary>
    private static CommandOperation ClojureCli(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var aliases = new List<string>();
        var rest = new List<string>();
        var main = false;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.Length > 2 && a[0] == '-' && a[1] is 'M' or 'X' or 'T' or 'A' && a[2] == ':')
            {
                aliases.AddRange(a[3..].Split(':', StringSplitOptions.RemoveEmptyEntries));
                continue;
            }

            if (a is "-m" or "--main")
            {
                main = true;
                i++;
                continue;
            }

            if (a is "-Sdeps" or "-Scp" or "-e" or "--eval")
            {
                i++;
                continue;
            }

            if (!a.StartsWith('-'))
            {
                rest.Add(a);
            }
        }

        CommandOperation? best = null;
        foreach (var raw in aliases)
        {
            var alias = raw.ToLowerInvariant();
            var operation = alias switch
            {
                _ when alias.Contains("test", StringComparison.Ordinal) || alias.Contains("kaocha", StringComparison.Ordinal) || alias is "spec" or "cov" or "coverage" or "cloverage" => site.Op(Test, program, site.FolderTarget()),
                _ when alias.Contains("lint", StringComparison.Ordinal) || alias is "kondo" or "clj-kondo" or "eastwood" or "kibit" or "splint" => site.Op(Lint, program, site.FolderTarget()),
                _ when alias.Contains("fmt", StringComparison.Ordinal) || alias.Contains("format", StringComparison.Ordinal) || alias is "cljstyle" or "zprint" =>
                    site.Op(rest.Contains("check") ? Lint : Format, program, site.FolderTarget()),
                "build" or "uberjar" or "uber" or "jar" or "compile" => rest.FirstOrDefault() is "ci" or "test" ? site.Op(Test, program, site.FolderTarget()) : site.Op(Build, program, site.FolderTarget()),
                "outdated" or "antq" or "ancient" => site.Op(Deps, program, rest.Contains("--upgrade") || args.Contains("--upgrade") ? "upgrade" : "outdated"),
                "migrate" or "migratus" or "ragtime" => rest.FirstOrDefault() is null or "migrate" or "up" ? site.Op(Run, program, MigrateTarget) : site.Op(Run, program, "migrations"),
                "run" or "main" or "app" or "start" => App(site.Op(Run, program, site.FolderTarget())),
                "deps" => site.Op(Deps, program, rest.FirstOrDefault() ?? All),
                "dev" or "repl" or "nrepl" or "cider" or "rebel" => site.Op(Run, program, "repl"),
                _ => site.Op(Run, program, SignatureTargets.Clean(alias)),
            };
            best = Better(best, operation);
        }

        if (best is not null && best.Category != Run)
        {
            return best;
        }

        if (main)
        {
            return App(site.Op(Run, program, site.FolderTarget()));
        }

        return best ?? site.Op(Run, program, rest.Count == 0 ? "repl" : All);
    }

    /// <summary>Mill: <c>mill app.run</c>, <c>mill __.test</c>, <c>mill -w app.runBackground</c>, <c>mill mill.scalalib.scalafmt.ScalafmtModule/reformatAll __.sources</c>.</summary>
    private static CommandOperation Mill(IReadOnlyList<string> args, CommandSite site)
    {
        var task = Positionals(args, 0, static a => a is "-j" or "--jobs" or "-D" or "--define" or "--import").FirstOrDefault();
        if (task is null)
        {
            return site.Op(Run, "mill", "repl");
        }

        var last = task.Split(['.', '/'], StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.ToLowerInvariant() ?? task;
        var dot = task.IndexOf('.', StringComparison.Ordinal);
        var module = dot > 0 && !task.StartsWith("mill.", StringComparison.Ordinal) && !task.StartsWith('_') ? SignatureTargets.Clean(task[..dot]) : site.FolderTarget();
        return last switch
        {
            "run" or "runbackground" or "runmain" or "runmainbackground" or "runlocal" => App(site.Op(Run, "mill", module)),
            "reformat" or "reformatall" => site.Op(Format, "mill", module),
            "checkformat" or "checkformatall" or "fix" => site.Op(Lint, "mill", module),
            "compile" or "assembly" or "jar" or "launcher" or "nativeimage" or "docjar" or "publishlocal" or "fastlinkjs" or "fulllinkjs" => site.Op(Build, "mill", module),
            "showupdates" or "updates" => site.Op(Deps, "mill", "outdated"),
            "clean" or "resolve" or "inspect" or "show" or "console" or "repl" => site.Op(Run, "mill", last),
            _ when last.StartsWith("test", StringComparison.Ordinal) || task.Contains(".test", StringComparison.Ordinal) => site.Op(Test, "mill", module),
            _ => site.Op(ScriptCategory(last), "mill", module),
        };
    }

    /// <summary>
    /// <c>cargo watch -x test</c>, <c>cargo watch -x check -x 'run -- --port 3000'</c>: the cargo commands it re-runs
    /// decide (a watched run of the app keeps it running, like a development server); bare, it re-runs <c>cargo check</c>.
    /// </summary>
    private static CommandOperation CargoWatch(IReadOnlyList<string> args, CommandSite site)
    {
        CommandOperation? best = null;
        for (var i = 0; i < args.Count; i++)
        {
            string[]? words = null;
            if (args[i] is "-x" or "--exec" && i + 1 < args.Count)
            {
                words = ["cargo", .. args[++i].Split(' ', StringSplitOptions.RemoveEmptyEntries)];
            }
            else if (args[i] is "-s" or "--shell" && i + 1 < args.Count)
            {
                words = args[++i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
            else if (args[i] == "--" && i + 1 < args.Count)
            {
                words = [.. args.Skip(i + 1)];
                i = args.Count;
            }
            else if (args[i] is "-w" or "--watch" or "-i" or "--ignore" or "-d" or "--delay" or "-p" or "--package" or "--workdir" or "-C")
            {
                i++;
            }

            if (words is { Length: > 0 })
            {
                var operation = Classify(CommandUnwrapper.Unwrap(words), site);
                best = operation.StartsApp ? operation with { Target = ServerTarget } : Better(best, operation);
                if (best.StartsApp)
                {
                    return best;
                }
            }
        }

        return best ?? site.Op(Build, "cargo", site.FolderTarget());
    }

    /// <summary><c>bacon</c> re-runs a job on every change: <c>check</c> by default, or <c>test</c>, <c>clippy</c>, <c>run</c>.</summary>
    private static CommandOperation Bacon(IReadOnlyList<string> args, CommandSite site) => FirstVerb(args) switch
    {
        "test" or "nextest" => site.Op(Test, "bacon", site.FolderTarget()),
        "clippy" or "clippy-all" => site.Op(Lint, "bacon", site.FolderTarget()),
        "run" or "run-long" => App(site.Op(Run, "bacon", ServerTarget)),
        null or "check" or "check-all" or "build" or "doc" => site.Op(Build, "bacon", site.FolderTarget()),
        var job => site.Op(Run, "bacon", job),
    };

    /// <summary>
    /// dune: <c>dune build</c>, <c>dune test</c> and <c>dune runtest</c>, <c>dune build @fmt</c> (a check; with
    /// <c>--auto-promote</c> it formats, like <c>dune fmt</c>), <c>dune exec ./bin/main.exe</c> (the application).
    /// </summary>
    private static CommandOperation Dune(IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        var positionals = Positionals(args, verb is null ? 0 : 1, static a => a is "-j" or "--profile" or "--root" or "--workspace" or "-p" or "--only-packages" or "--build-dir");
        var aliases = positionals.Where(static p => p.StartsWith('@')).Select(static p => p.TrimStart('@').Split('/')[^1]).ToList();
        var promote = args.Contains("--auto-promote");
        switch (verb)
        {
            case "build" or "b" or null when aliases.Contains("fmt"):
                return site.Op(promote ? Format : Lint, "dune", site.FolderTarget());
            case "build" or "b" or null when aliases.Contains("runtest") || aliases.Contains("test"):
                return site.Op(Test, "dune", site.FolderTarget());
            case "build" or "b" or null:
                return site.Op(Build, "dune", site.ScopeTarget(positionals.Where(static p => !p.StartsWith('@'))));
            case "test" or "runtest":
                return site.Op(Test, "dune", site.ScopeTarget(positionals));
            case "fmt" or "format-dune-file":
                return site.Op(args.Contains("--preview") ? Lint : Format, "dune", site.FolderTarget());
            case "exec" or "x":
                var program = positionals.FirstOrDefault();
                return App(site.Op(Run, "dune", program is null ? All : SignatureTargets.Clean(StripExtension(UnwrapperName(program)))));
            case "utop" or "top" or "ocaml-merlin" or "rpc":
                return site.Op(Run, "dune", verb);
            default:
                return site.Op(Other, "dune", verb);
        }
    }

    /// <summary>
    /// Nix: <c>nix build</c>, <c>nix flake check</c> (the flake's checks: its tests), <c>nix flake update</c>,
    /// <c>nix fmt</c>, <c>nix run</c> of the project's own flake (the application), <c>nix develop</c>.
    /// </summary>
    private static CommandOperation Nix(string program, IReadOnlyList<string> args, CommandSite site)
    {
        if (program == "nix-build")
        {
            return site.Op(Build, "nix", site.FolderTarget());
        }

        if (program == "nix-shell")
        {
            return site.Op(Other, "nix", "shell");
        }

        var words = Positionals(args, 0, static a => a is "--option" or "-I" or "--include" or "--override-input" or "--update-input" or "--extra-experimental-features" or "-L");
        var verb = words.FirstOrDefault();
        var second = words.Skip(1).FirstOrDefault();
        return verb switch
        {
            "build" => site.Op(Build, "nix", site.FolderTarget()),
            "fmt" => site.Op(Format, "nix", site.FolderTarget()),
            "flake" when second == "check" => site.Op(Test, "nix", site.FolderTarget()),
            "flake" when second == "update" || (second == "lock" && args.Contains("--update-input")) => site.Op(Deps, "nix", "update"),
            "flake" => site.Op(Deps, "nix", "flake-" + (second ?? All)),
            "run" when second is null || second == "." || second.StartsWith(".#", StringComparison.Ordinal) => App(site.Op(Run, "nix", site.FolderTarget())),
            "profile" => site.Op(Deps, "nix", "profile"),
            null => site.Op(Other, "nix", All),
            _ => site.Op(Other, "nix", IsVerbWord(verb) ? verb : All),
        };
    }

    /// <summary>opam: the OCaml package manager (<c>opam update</c>, <c>opam upgrade</c>, <c>opam install . --deps-only</c>); <c>opam exec -- cmd</c> runs <c>cmd</c>.</summary>
    private static CommandOperation Opam(IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        if (verb == "exec")
        {
            var dash = args.ToList().IndexOf("--");
            var inner = dash >= 0 ? args.Skip(dash + 1).ToList() : args.SkipWhile(static a => a != "exec").Skip(1).SkipWhile(static a => a.StartsWith('-')).ToList();
            if (inner.Count > 0)
            {
                return Classify(CommandUnwrapper.Unwrap(inner), site);
            }
        }

        return site.Op(Deps, "opam", verb ?? All);
    }

    /// <summary>cargo plugins that serve or ship an application: <c>cargo leptos watch</c>, <c>cargo tauri dev</c>, <c>cargo shuttle run</c>.</summary>
    private static CommandOperation CargoPlugin(string plugin, string? verb, string target, CommandSite site) => verb switch
    {
        "watch" or "serve" or "dev" or "run" => App(site.Op(Run, "cargo-" + plugin, ServerTarget)),
        "build" => site.Op(Build, "cargo-" + plugin, target),
        "test" or "end-to-end" => site.Op(Test, "cargo-" + plugin, target),
        _ => site.Op(Run, "cargo-" + plugin, verb ?? All),
    };

    /// <summary><c>iex -S mix phx.server</c>: the Mix task an interactive shell starts, if any.</summary>
    private static string? IexMix(IReadOnlyList<string> args)
    {
        for (var i = 0; i + 2 < args.Count; i++)
        {
            if (args[i] == "-S" && args[i + 1] == "mix")
            {
                return args[i + 2];
            }
        }

        return null;
    }

    /// <summary>Linters that are their ecosystem's formatter too (Standard Ruby, StandardJS): their fix mode formats the code.</summary>
    private static bool IsFixingFormatter(string program, IReadOnlyList<string> args) =>
        program is "standardrb" or "standard" or "ts-standard" or "semistandard" && HasAny(args, "--fix", "--fix-unsafely");

    /// <summary><c>buf lint</c>, <c>buf breaking</c>, <c>buf format -w</c>, <c>buf generate</c>, <c>buf dep update</c>.</summary>
    private static CommandOperation Buf(IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        return verb switch
        {
            "lint" or "breaking" or null => site.Op(Lint, "buf", site.FolderTarget()),
            "format" => site.Op(HasAny(args, "-w", "--write") ? Format : Lint, "buf", site.FolderTarget()),
            "generate" or "build" => site.Op(Build, "buf", site.FolderTarget()),
            "dep" or "mod" => site.Op(Deps, "buf", Positionals(args, 1, static _ => false).FirstOrDefault() ?? verb),
            _ => site.Op(Run, "buf", verb),
        };
    }

    /// <summary>The more telling of two operations (as on one command line: test &gt; build &gt; lint &gt; ...); on a tie the later one.</summary>
    private static CommandOperation Better(CommandOperation? best, CommandOperation candidate)
    {
        if (best is null)
        {
            return candidate;
        }

        var rank = ShellOperationClassifier.Rank(candidate, false);
        var bestRank = ShellOperationClassifier.Rank(best, false);
        if (rank > bestRank || (rank == bestRank && !(candidate.Category == Run && candidate.Target is "clean" && best.Category == Run)))
        {
            return candidate;
        }

        return best;
    }
}
