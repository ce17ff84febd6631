namespace Outloop.Patterns.Signatures;

/// <summary>The language ecosystems' runners: Python, JavaScript/TypeScript, .NET, Go, Rust, Elixir, JVM, Ruby, PHP, native builds, containers.</summary>
internal static partial class RunnerTable
{
    private static CommandOperation? Ecosystem(UnwrappedCommand command, CommandSite site)
    {
        var args = command.Args;
        var program = command.Program;
        return program switch
        {
            // Python.
            "pytest" => site.Op(Test, "pytest", site.ScopeTarget(Positionals(args, 0, PytestValueOption))),
            "unittest" => Unittest(args, site),
            "tox" => site.Op(Test, "tox", OptionValue(args, "-e", "--envlist") ?? All),
            "nox" => site.Op(Test, "nox", OptionValue(args, "-s", "--session") ?? All),
            "mypy" or "dmypy" => site.Op(Build, "mypy", OptionValue(args, "-p", "--package") ?? site.ScopeTarget(Positionals(args, 0, static a => a is "--config-file" or "-m" or "--module" or "--python-version" or "--exclude" or "-p" or "--package"))),
            "pyright" or "basedpyright" or "pytype" or "pyre" or "pyrefly" or "ty" => site.Op(Build, program, site.ScopeTarget(Positionals(args, program is "ty" or "pyrefly" ? 1 : 0, static a => a is "-p" or "--project" or "--pythonpath" or "--level"))),
            "ruff" => Ruff(args, site),
            "flake8" or "pylint" or "pycodestyle" or "pydocstyle" or "bandit" or "pyflakes" or "vulture" or "pyroma"
                or "codespell" or "typos" or "yamllint" or "shellcheck" or "hadolint" or "actionlint" or "markdownlint"
                or "markdownlint-cli2" or "cspell" or "vale" or "tflint" or "cppcheck" or "clang-tidy" or "ansible-lint"
                or "sqlfluff" or "htmlhint" or "semgrep" or "lint-staged" or "commitlint" or "swiftlint" or "luacheck" or "hlint"
                or "clj-kondo" or "selene" or "ameba" or "scalastyle" or "checkov" or "djlint" or "eslint_d" or "statix" or "deadnix" or "elm-review" => site.Op(Lint, program, site.ScopeTarget(Positionals(args, program == "sqlfluff" ? 1 : 0, LinterValueOption))),
            "black" or "isort" or "autopep8" or "yapf" or "autoflake" or "docformatter" or "blue" => Formatter(program, args, site),
            "ocamlformat" or "rufo" or "erlfmt" or "fantomas" or "nixpkgs-fmt" or "stylish-haskell" or "nimpretty" or "purs-tidy" or "cljstyle" => Formatter(program, args, site),
            "buf" => Buf(args, site),
            "swift-format" or "swiftformat" or "stylua" or "shfmt" or "ktfmt" or "scalafmt" or "elm-format" or "ormolu" or "fourmolu"
                or "cljfmt" or "nixfmt" or "alejandra" or "buildifier" or "csharpier" or "rubyfmt" or "taplo" => Formatter(program, args, site),
            "pip" => Pip("pip", args, site),
            "pip-compile" => site.Op(Deps, "pip-tools", HasAny(args, "--upgrade", "-U") ? "upgrade" : "lock"),
            "pip-sync" => site.Op(Deps, "pip-tools", "sync"),
            "uv" => Uv(args, site),
            "poetry" or "pipenv" or "pdm" or "hatch" or "rye" => PythonProject(program, args, site),
            "conda" or "mamba" or "micromamba" => site.Op(Deps, program, FirstVerb(args) ?? All),
            "python" => Python(args, site),
            "manage.py" => Django(args, site),
            "django" or "django-admin" => Django(args, site),
            "sphinx-build" or "mkdocs" or "jekyll" or "hugo" or "docusaurus" => FirstVerb(args) is "serve" or "server" or "start"
                ? site.Op(Run, program, program == "mkdocs" ? site.FolderTarget() : ServerTarget)
                : site.Op(Build, program, site.FolderTarget()),
            "pre-commit" or "prek" => FirstVerb(args) is "install" or "autoupdate" ? site.Op(Deps, "pre-commit", FirstVerb(args)!) : site.Op(Lint, "pre-commit", All),
            "coverage" => site.Op(Test, "coverage", FirstVerb(args) ?? All),
            "ipython" or "jupyter" or "julia" or "lua" or "rscript" or "r" => site.Op(Run, program, FirstVerb(args) ?? All),

            // JavaScript and TypeScript.
            "kaocha" or "elm-test" or "bats" or "busted" or "shellspec" or "cucumber" or "cucumber-js" => site.Op(Test, program, site.ScopeTarget(Positionals(args, 0, LinterValueOption))),
            "jest" or "mocha" or "ava" or "tap" or "jasmine" or "karma" or "wdio" or "uvu" or "tape" or "qunit" => site.Op(Test, program, site.ScopeTarget(Positionals(args, 0, JsTestValueOption))),
            "vitest" => site.Op(FirstVerb(args) == "bench" ? Run : Test, "vitest", site.ScopeTarget(Positionals(args, FirstVerb(args) is "run" or "watch" or "related" or "dev" ? 1 : 0, JsTestValueOption))),
            "playwright" or "cypress" => FirstVerb(args) is "install" ? site.Op(Deps, program, "install") : site.Op(Test, program, site.ScopeTarget(Positionals(args, FirstVerb(args) is "test" or "run" or "open" ? 1 : 0, JsTestValueOption))),
            "tsc" or "vue-tsc" or "svelte-check" or "tsgo" => site.Op(Build, program == "tsgo" ? "tsc" : program, TsProjectTarget(args, site)),
            "eslint" or "stylelint" or "oxlint" or "xo" or "standard" or "jshint" or "tslint" or "knip" or "ts-standard" or "semistandard" => site.Op(IsFixingFormatter(program, args) ? Format : Lint, program, site.ScopeTarget(Positionals(args, 0, LinterValueOption))),
            "prettier" or "clang-format" or "gofumpt" => Formatter(program, args, site),
            "biome" or "rome" => Biome(args, site),
            "dprint" => site.Op(FirstVerb(args) == "check" ? Lint : Format, "dprint", All),
            "webpack" or "rollup" or "esbuild" or "parcel" or "tsup" or "swc" or "babel" or "rspack" or "rolldown" or "tsdown" or "microbundle" => site.Op(Build, program, site.FolderTarget()),
            "vite" or "next" or "nuxt" or "nuxi" or "astro" or "remix" or "svelte-kit" or "react-scripts" or "vue-cli-service" or "ng" or "expo"
                or "gatsby" or "ember" or "ionic" or "quasar" or "react-native" or "vinxi" or "rsbuild" or "umi" or "shadow-cljs" => Framework(program, args, site),
            "turbo" or "nx" or "lerna" or "gulp" or "grunt" or "wireit" or "moon" => TaskRunner(program, args, site),
            "npm" or "pnpm" or "yarn" or "bun" => PackageManager(program, args, site),
            "ncu" or "npm-check-updates" => site.Op(Deps, "npm-check-updates", HasAny(args, "-u", "--upgrade") ? "upgrade" : "outdated"),
            "node" or "tsx" or "ts-node" or "ts-node-esm" or "esno" or "vite-node" => Node(program, args, site),
            "deno" => Deno(args, site),

            // .NET, Go, Rust.
            "dotnet" => Dotnet(args, site),
            "go" => Go(args, site),
            "golangci-lint" when FirstVerb(args) is "fmt" or "format" => site.Op(HasAny(args, "--diff", "-d") ? Lint : Format, "golangci-lint", site.FolderTarget()),
            "golangci-lint" or "staticcheck" or "revive" or "golint" or "errcheck" or "govulncheck" => site.Op(Lint, program, GoPackagesTarget(Positionals(args, program == "golangci-lint" ? 1 : 0, static a => a is "-c" or "--config" or "--timeout" or "-E" or "-D" or "--enable" or "--disable"), site)),
            "gofmt" or "goimports" => Formatter(program, args, site),
            "gotestsum" => site.Op(Test, "gotestsum", GoPackagesTarget(SplitPackages(OptionValue(args, "--packages")), site)),
            "cargo" => Cargo(args, site),
            "rustc" => site.Op(Build, "rustc", site.ScopeTarget(Positionals(args, 0, static a => a is "-o" or "--edition" or "--crate-type" or "-C" or "--target"))),
            "rustfmt" => Formatter(program, args, site),

            // Elixir and Erlang.
            "mix" => Mix(args, site),
            "iex" => IexMix(args) is "phx.server" or "run" ? App(site.Op(Run, "iex", All)) : site.Op(Run, "iex", All),
            "elixir" or "erl" or "escript" => Interpreter(program, args, site, static a => a is "-r" or "-pa" or "-pz" or "--erl" or "-S"),
            "rebar3" => Rebar(args, site),

            // JVM.
            "mvn" => Maven(args, site),
            "gradle" => Gradle(args, site),
            "ktlint" => site.Op(args.Contains("-F") || args.Contains("--format") ? Format : Lint, "ktlint", site.ScopeTarget(Positionals(args, 0, LinterValueOption))),
            "detekt" or "checkstyle" or "pmd" or "spotbugs" => site.Op(Lint, program, site.FolderTarget()),
            "javac" or "kotlinc" or "scalac" => site.Op(Build, program, site.ScopeTarget(Positionals(args, 0, static a => a is "-d" or "-cp" or "-classpath" or "--class-path" or "-sourcepath" or "-encoding" or "--release" or "-source" or "-target"))),
            "java" => Java(args, site),
            "sbt" => Sbt(args, site),
            "lein" => Lein(args, site),
            "clojure" or "clj" => ClojureCli(program, args, site),
            "mill" => Mill(args, site),

            // Ruby.
            "rspec" => site.Op(Test, "rspec", site.ScopeTarget(Positionals(args, 0, static a => a is "-e" or "--example" or "-t" or "--tag" or "-f" or "--format" or "-o" or "--out" or "-r" or "--require" or "--seed" or "-I" or "--order" or "-P" or "--pattern"))),
            "rake" => Rake(args, site),
            "rubocop" or "standardrb" or "reek" or "brakeman" or "erblint" or "haml-lint" => site.Op(IsFixingFormatter(program, args) ? Format : Lint, program, site.ScopeTarget(Positionals(args, 0, LinterValueOption))),
            "srb" or "steep" => FirstVerb(args) is "tc" or "typecheck" or "check" or null ? site.Op(Build, program, site.FolderTarget()) : site.Op(Other, program, FirstVerb(args)!),
            "bundle" or "bundler" => Bundle(args, site),
            "gem" => FirstVerb(args) == "build" ? site.Op(Build, "gem", All) : site.Op(Deps, "gem", FirstVerb(args) ?? All),
            "rails" => Rails(args, site),
            "ruby" => Interpreter("ruby", args, site, static a => a is "-I" or "-r" or "-C"),

            // PHP.
            "php" => Php(args, site),
            "artisan" => Artisan(args, site),
            "composer" => Composer(args, site),
            "phpunit" or "pest" or "paratest" or "codecept" => site.Op(Test, program, site.ScopeTarget(Positionals(args, 0, static a => a is "--filter" or "-c" or "--configuration" or "--group" or "--testsuite"))),
            "phpstan" or "psalm" or "phan" or "phpcs" or "phpmd" => site.Op(Lint, program, site.ScopeTarget(Positionals(args, program == "phpstan" && FirstVerb(args) == "analyse" ? 1 : 0, static a => a is "-c" or "--configuration" or "-l" or "--level" or "--memory-limit" or "--standard"))),
            "php-cs-fixer" or "phpcbf" or "pint" => site.Op(args.Contains("--dry-run") || args.Contains("--test") ? Lint : Format, program, All),

            // Native builds and other toolchains.
            "make" or "gmake" or "just" or "task" or "mage" or "invoke" or "doit" or "cake" => Make(program, args, site),
            "cmake" => args.Contains("--install") || args.Contains("-E") || args.Contains("-P")
                ? site.Op(Run, "cmake", args.Contains("--install") ? "install" : "script")
                : site.Op(Build, "cmake", args.Contains("--build") ? "build" : "configure"),
            "ninja" or "meson" or "bazel" or "bazelisk" or "buck" or "buck2" or "pants" or "scons" or "xmake" => BuildTool(program, args, site),
            "ctest" => site.Op(Test, "ctest", All),
            "gcc" or "g++" or "cc" or "c++" or "clang" or "clang++" or "tcc" or "icc" or "nvcc" or "ghc" or "ocamlc" or "ocamlfind" => site.Op(Build, program, site.ScopeTarget(Positionals(args, 0, static a => a is "-o" or "-I" or "-L" or "-l" or "-D" or "-include" or "-x" or "-MF" or "-target" or "--target"))),
            "dune" => Dune(args, site),
            "swift" or "flutter" or "dart" or "zig" or "stack" or "cabal" or "elm" or "gleam" or "nim" or "nimble" or "crystal" or "v" or "xcodebuild" or "ponyc" or "corral" or "scala-cli" => Toolchain(program, args, site),
            "cargo-watch" => CargoWatch(args, site),
            "bacon" => Bacon(args, site),
            "nix" or "nix-build" or "nix-shell" => Nix(program, args, site),
            "opam" => Opam(args, site),
            "shards" or "niv" => site.Op(Deps, program, FirstVerb(args) ?? "install"),

            // Containers, infrastructure, system packages.
            "docker" or "podman" or "nerdctl" or "docker-compose" or "podman-compose" => Docker(program, args, site),
            "helm" => Helm(args, site),
            "pod" => site.Op(Deps, "pod", FirstVerb(args) ?? "install"),
            "pio" or "platformio" => PlatformIo(args, site),
            "kubectl" or "oc" or "kind" or "minikube" or "k9s" or "skaffold" or "tilt" or "vagrant" or "ansible" or "ansible-playbook" or "pulumi" or "serverless" or "sam" or "aws" or "gcloud" or "az" or "fly" or "flyctl" or "heroku" or "vercel" or "netlify" or "wrangler" => site.Op(Run, program, FirstVerb(args) ?? All),
            "terraform" or "tofu" or "terragrunt" or "packer" => Terraform(program, args, site),
            "apt" or "apt-get" or "aptitude" or "apt-cache" or "brew" or "yum" or "dnf" or "apk" or "pacman" or "zypper" or "snap" or "choco" or "winget" or "port" or "nix-env" or "scoop" or "dpkg" or "rpm" or "flatpak" or "asdf" or "mise" or "sdk" or "nvm" or "volta" or "rustup" or "pyenv" or "rbenv" or "fnm" => site.Op(Deps, program, FirstVerb(args) ?? All),
            "bash" or "sh" or "zsh" or "dash" or "ksh" or "fish" or "busybox" => ShellScript(program, args, site),
            _ => Service(program, args, site),
        };
    }

    private static bool PytestValueOption(string a) => a is "-k" or "-m" or "-p" or "-c" or "-o" or "-n" or "-W" or "--tb"
        or "--maxfail" or "--durations" or "--rootdir" or "--junitxml" or "--junit-xml" or "--cov-report" or "--deselect"
        or "--ignore" or "--log-level" or "--basetemp" or "--confcutdir" or "--import-mode" or "--timeout" or "--reruns"
        or "--dist" or "--color" or "--capture" or "--override-ini" or "--ds" or "--cov-config" or "--randomly-seed"
        or "--count" or "-r" or "--lfnf" or "--last-failed-no-failures" or "--log-cli-level" or "--benchmark-min-rounds";

    private static bool JsTestValueOption(string a) => a is "-t" or "--testNamePattern" or "--config" or "-c" or "--reporter"
        or "-r" or "--project" or "--environment" or "--shard" or "--grep" or "-g" or "--timeout" or "--maxWorkers" or "-w"
        or "--testTimeout" or "--pool" or "--root" or "--dir" or "--workers" or "-j" or "--retries" or "--spec" or "--browser"
        or "--require" or "--ui" or "--coverage.provider" or "--outputFile" or "--testPathPattern" or "--selectProjects";

    private static bool LinterValueOption(string a) => a is "-c" or "--config" or "--format" or "-f" or "--ext"
        or "--ignore-path" or "--ignore-pattern" or "--max-warnings" or "--rcfile" or "--max-line-length" or "--select"
        or "--ignore" or "--extend-ignore" or "--exclude" or "--disable" or "--enable" or "-d" or "-e" or "--output-format"
        or "--rule" or "--plugin" or "--parser" or "--resolve-plugins-relative-to" or "-o" or "--output" or "--only"
        or "--severity" or "-S" or "--shell" or "--dialect" or "--reporter" or "--jobs" or "-j" or "--out" or "--require";

    private static string? OptionValue(IReadOnlyList<string> args, params string[] names)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            foreach (var name in names)
            {
                if (a == name && i + 1 < args.Count)
                {
                    return args[i + 1];
                }

                if (a.Length > name.Length + 1 && a.StartsWith(name, StringComparison.Ordinal) && a[name.Length] == '=')
                {
                    return a[(name.Length + 1)..];
                }
            }
        }

        return null;
    }

    private static bool HasAny(IReadOnlyList<string> args, params string[] flags)
    {
        foreach (var a in args)
        {
            foreach (var flag in flags)
            {
                if (a == flag || (a.StartsWith(flag, StringComparison.Ordinal) && a.Length > flag.Length && a[flag.Length] == '='))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static CommandOperation Unittest(IReadOnlyList<string> args, CommandSite site)
    {
        var positionals = Positionals(args, 0, static a => a is "-k" or "-s" or "-p" or "-t" or "--start-directory" or "--pattern" or "--top-level-directory");
        if (positionals.Count > 0 && positionals[0] == "discover")
        {
            var start = OptionValue(args, "-s", "--start-directory");
            return site.Op(Test, "unittest", start is null ? site.ScopeTarget(positionals.Skip(1)) : site.ScopeTarget([start]));
        }

        return site.Op(Test, "unittest", site.ScopeTarget(positionals, labels: true));
    }

    private static CommandOperation Ruff(IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        var skip = verb is "check" or "format" or "rule" or "server" or "clean" or "analyze" ? 1 : 0;
        var scope = site.ScopeTarget(Positionals(args, skip, LinterValueOption));
        if (verb == "format")
        {
            return site.Op(HasAny(args, "--check", "--diff") ? Lint : Format, "ruff", scope);
        }

        return site.Op(Lint, "ruff", scope);
    }

    /// <summary>Formatters write by default, except those that only print; a check, diff or list mode is a lint.</summary>
    private static CommandOperation Formatter(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var check = HasAny(args, "--check", "--diff", "--check-only", "--list-different", "--verify-no-changes", "--dry-run", "-n", "--validate", "--lint")
            || (program is "cljfmt" or "cljstyle" or "purs-tidy" or "csharpier" && FirstVerb(args) == "check")
            || args.Any(static a => a.EndsWith("mode=check", StringComparison.Ordinal) || a.StartsWith("-lint=", StringComparison.Ordinal) || a.StartsWith("--lint=", StringComparison.Ordinal));
        var writes = HasAny(args, "--write", "-w", "-i", "--in-place", "--inplace", "--fix") || (program is "ormolu" or "fourmolu" && OptionValue(args, "--mode", "-m") == "inplace");
        bool lint = program switch
        {
            "prettier" => check || args.Contains("-c") || args.Contains("-l") || !writes,
            "gofmt" or "goimports" or "gofumpt" => !writes,
            "clang-format" or "ocamlformat" or "erlfmt" or "stylish-haskell" or "ormolu" or "fourmolu" => !writes || check,
            "rustfmt" => check,
            _ => check,
        };
        var label = program is "goimports" or "gofumpt" ? program : program;
        var scope = site.ScopeTarget(Positionals(args, 0, static a => a is "--config" or "-c" or "--line-length" or "-l" or "--target-version" or "-t" or "--style" or "--settings-path" or "--profile" or "--edition" or "--ignore-path" or "--parser" or "--exclude" or "--extend-exclude" or "--skip" or "--src" or "--mode" or "-m"));
        return site.Op(lint ? Lint : Format, label, scope);
    }

    private static CommandOperation Pip(string label, IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args) ?? All;
        if (verb is "install" or "i" && HasAny(args, "-U", "--upgrade") && HasAny(args, "-r", "--requirement"))
        {
            return site.Op(Deps, label, "upgrade");
        }

        return site.Op(Deps, label, verb is "i" ? "install" : verb);
    }

    private static CommandOperation Uv(IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        return verb switch
        {
            "pip" => site.Op(Deps, "uv", "pip-" + (FirstVerb(args.Skip(1).ToList()) ?? All)),
            "build" => site.Op(Build, "uv", verb),
            "publish" => site.Op(Run, "uv", verb),
            "lock" or "sync" when HasAny(args, "--upgrade", "-U", "--upgrade-package", "-P") => site.Op(Deps, "uv", "upgrade"),
            "venv" or "add" or "remove" or "sync" or "lock" or "tree" or "tool" or "python" or "export" or "init" or "self" or "cache" => site.Op(Deps, "uv", verb),
            _ => site.Op(Other, "uv", verb ?? All),
        };
    }

    private static CommandOperation PythonProject(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        return verb switch
        {
            "install" or "add" or "remove" or "lock" or "update" or "sync" or "upgrade" or "uninstall" or "env" or "shell" or "venv" or "clean" or "graph" or "requirements" => site.Op(Deps, program, verb),
            "build" => site.Op(Build, program, verb),
            "publish" => site.Op(Run, program, verb),
            "check" => site.Op(Lint, program, verb),
            "test" => site.Op(Test, program, site.ScopeTarget(Positionals(args, 1, PytestValueOption))),
            "fmt" => site.Op(Format, program, All),
            _ => site.Op(Run, program, verb ?? All),
        };
    }

    private static CommandOperation Python(IReadOnlyList<string> args, CommandSite site)
    {
        var i = 0;
        while (i < args.Count && args[i].Length > 1 && args[i][0] == '-')
        {
            if (args[i] is "-c")
            {
                return site.Op(Run, "python", "inline");
            }

            i += args[i] is "-W" or "-X" ? 2 : 1;
        }

        if (i >= args.Count || args[i] == "-")
        {
            return site.Op(Run, "python", i >= args.Count ? "repl" : "stdin");
        }

        var script = args[i];
        var rest = args.Skip(i + 1).ToList();
        var name = UnwrapperName(script).ToLowerInvariant();
        if (name == "manage.py")
        {
            site.Touch(script);
            return Django(rest, site);
        }

        if (name == "setup.py")
        {
            site.Touch(script);
            var verb = FirstVerb(rest) ?? All;
            return verb switch
            {
                "test" or "pytest" => site.Op(Test, "setuptools", All),
                "install" or "develop" or "egg_info" => site.Op(Deps, "setuptools", "install"),
                _ when verb.StartsWith("build", StringComparison.Ordinal) || verb.StartsWith("bdist", StringComparison.Ordinal) || verb == "sdist" => site.Op(Build, "setuptools", verb),
                _ => site.Op(Run, "python", "setup.py"),
            };
        }

        return ScriptRun("python", script, rest, site);
    }

    /// <summary>An interpreter running a script: runner-like names (<c>runtests.py</c>) are test runners scoped by their arguments; test-like file names are test runs scoped by the script; the rest are runs.</summary>
    private static CommandOperation ScriptRun(string interpreter, string script, IReadOnlyList<string> rest, CommandSite site)
    {
        var stem = StripExtension(UnwrapperName(script)).ToLowerInvariant();
        if (stem is "runtests" or "run_tests" or "run-tests" or "runtest" or "test" or "tests")
        {
            site.Touch(script);
            return site.Op(Test, stem, site.ScopeTarget(Positionals(rest, 0, static a => a is "-k" or "--settings" or "--parallel" or "-v" or "--verbosity"), labels: true));
        }

        var category = IsTestScriptName(stem) || stem.EndsWith(".test", StringComparison.Ordinal) || stem.EndsWith(".spec", StringComparison.Ordinal) ? Test : Run;
        var operation = site.Op(category, interpreter, site.ScopeTarget([script]));
        return category == Run && IsServerEntry(script) ? App(operation) : operation;
    }

    private static CommandOperation Django(IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        return verb switch
        {
            "test" => site.Op(Test, "django", site.ScopeTarget(Positionals(args, 1, static a => a is "--settings" or "--parallel" or "-k" or "--tag" or "--exclude-tag" or "-v" or "--verbosity" or "-p" or "--pattern"), labels: true)),
            "check" or "validate" => site.Op(Lint, "django", "check"),
            "migrate" => site.Op(Run, "django", MigrateTarget),
            "runserver" or "runserver_plus" => site.Op(Run, "django", ServerTarget),
            null => site.Op(Run, "django", All),
            _ => site.Op(Run, "django", verb),
        };
    }

    private static CommandOperation Biome(IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        var writes = HasAny(args, "--write", "--apply", "--fix", "--apply-unsafe");
        var category = verb switch
        {
            "format" => writes ? Format : Lint,
            "check" => writes ? Format : Lint,
            _ => Lint,
        };
        return site.Op(category, "biome", site.ScopeTarget(Positionals(args, verb is null ? 0 : 1, LinterValueOption)));
    }

    private static string TsProjectTarget(IReadOnlyList<string> args, CommandSite site)
    {
        var project = OptionValue(args, "-p", "--project");
        if (project is null)
        {
            return site.FolderTarget();
        }

        var slash = project.LastIndexOf('/');
        var folder = SignatureTargets.LooksLikeFile(slash < 0 ? project : project[(slash + 1)..])
            ? (slash < 0 ? "." : project[..slash])
            : project;
        return folder == "." ? site.FolderTarget() : site.ScopeTarget([folder]);
    }

    private static CommandOperation Framework(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        var category = verb switch
        {
            "build" or "generate" or "export" or "prerender" => Build,
            "check" or "typecheck" => Build,
            "lint" => Lint,
            "test" or "e2e" => Test,
            "release" or "compile" when program == "shadow-cljs" => Build,
            null when program is "webpack" => Build,
            _ => Run,
        };
        var operation = site.Op(category, program, category == Run ? verb ?? "dev" : site.FolderTarget());

        // "react-native run-android", "expo run:ios", "shadow-cljs watch app": the application, built and running.
        return verb is not null && (verb.StartsWith("run-", StringComparison.Ordinal) || verb.StartsWith("run:", StringComparison.Ordinal) || (program == "shadow-cljs" && verb is "watch" or "server"))
            ? App(operation)
            : operation;
    }

    private static CommandOperation TaskRunner(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var positionals = Positionals(args, 0, static a => a is "--filter" or "-F" or "-p" or "--projects" or "--scope" or "-t" or "--target" or "--targets" or "--base" or "--head" or "--parallel" or "-c" or "--configuration");
        string? task = null;
        string? project = OptionValue(args, "--filter", "-F", "-p", "--projects", "--scope");
        var targetOption = OptionValue(args, "-t", "--target", "--targets");
        var i = 0;
        if (positionals.Count > 0 && positionals[0] is "run" or "run-many" or "affected" or "exec")
        {
            i = 1;
        }

        if (targetOption is not null)
        {
            task = targetOption.Split(',')[0];
        }
        else if (i < positionals.Count)
        {
            task = positionals[i];
            if (program == "nx" && task.Contains(':'))
            {
                // nx run app:test
                var parts = task.Split(':');
                project ??= parts[0];
                task = parts[1];
            }
            else if (program == "nx" && i + 1 < positionals.Count)
            {
                project ??= positionals[i + 1];
            }
        }

        var category = task is null ? Build : ScriptCategory(task);
        return site.Op(category, program, project is not null ? project.TrimStart('@') : site.FolderTarget() is var folder && folder != All ? folder : task is null || task == category ? All : task);
    }

    /// <summary>The category a package script or task name suggests (<c>test:unit</c> is a test, <c>typecheck</c> a build).</summary>
    internal static string ScriptCategory(string name)
    {
        var n = name.ToLowerInvariant();
        if (n.Contains("lint", StringComparison.Ordinal) || n.Contains("eslint", StringComparison.Ordinal) || n is "check" or "validate" or "credo" or "vet")
        {
            return Lint;
        }

        if (n.Contains("typecheck", StringComparison.Ordinal) || n.Contains("type-check", StringComparison.Ordinal) || n.Contains("check-types", StringComparison.Ordinal)
            || n.Contains("check:types", StringComparison.Ordinal) || n is "types" or "tsc" or "typescript")
        {
            return Build;
        }

        if (n.Contains("test", StringComparison.Ordinal) || n.Contains("spec", StringComparison.Ordinal) || n.Contains("e2e", StringComparison.Ordinal)
            || n.Contains("jest", StringComparison.Ordinal) || n.Contains("vitest", StringComparison.Ordinal) || n.Contains("cypress", StringComparison.Ordinal)
            || n.Contains("playwright", StringComparison.Ordinal) || n.StartsWith("cov", StringComparison.Ordinal))
        {
            return Test;
        }

        if (n.Contains("format", StringComparison.Ordinal) || n.Contains("fmt", StringComparison.Ordinal) || n.Contains("prettier", StringComparison.Ordinal))
        {
            return n.Contains("check", StringComparison.Ordinal) ? Lint : Format;
        }

        if (n.Contains("build", StringComparison.Ordinal) || n.Contains("compile", StringComparison.Ordinal) || n.Contains("bundle", StringComparison.Ordinal)
            || n is "dist" or "all" or "assemble" or "package" or "default")
        {
            return Build;
        }

        if (n is "install" or "bootstrap" or "setup" or "deps" or "postinstall" or "prepare" or "vendor" or "install-deps")
        {
            return Deps;
        }

        return Run;
    }

    private static CommandOperation PackageManager(string program, IReadOnlyList<string> args, CommandSite site)
    {
        // Options before the verb: -C/--dir/--prefix change folder, --filter/-w pick a workspace.
        string? workspace = null;
        var i = 0;
        while (i < args.Count && args[i].StartsWith('-'))
        {
            var a = args[i];
            if (a is "-C" or "--dir" or "--prefix" or "--cwd" && i + 1 < args.Count)
            {
                site.Folder = CombineFolder(site.Folder, args[i + 1]);
                i += 2;
                continue;
            }

            if (a is "--filter" or "-F" or "-w" or "--workspace" && i + 1 < args.Count)
            {
                workspace = args[i + 1];
                i += 2;
                continue;
            }

            i++;
        }

        if (i >= args.Count)
        {
            return program is "yarn" or "bun" or "pnpm" or "npm" && args.Count == i
                ? site.Op(Deps, program, "install")
                : site.Op(Other, program, All);
        }

        var verb = args[i];
        var rest = args.Skip(i + 1).ToList();
        switch (verb)
        {
            case "install" or "i" or "ci" or "add" or "uninstall" or "remove" or "rm" or "un" or "update" or "up" or "upgrade" or "upgrade-interactive"
                or "dedupe" or "prune" or "link" or "outdated" or "audit" or "fetch" or "import" or "why" or "ls" or "list" or "pm" or "rebuild":
                var canonical = verb switch
                {
                    "i" or "add" => "install",
                    "un" or "rm" or "remove" => "uninstall",
                    "up" or "upgrade" or "upgrade-interactive" => "update",
                    _ => verb,
                };
                return site.Op(Deps, program, canonical);
            case "test" or "t" or "tst":
                if (program == "bun")
                {
                    return site.Op(Test, "bun", site.ScopeTarget(Positionals(rest, 0, JsTestValueOption)));
                }

                return PackageScript(program, "test", rest, workspace, site);
            case "run" or "run-script" or "rum" or "urn":
                var script = Positionals(rest, 0, static a => a is "--filter" or "-F" or "-w" or "--workspace").FirstOrDefault();
                if (script is null)
                {
                    return site.Op(Other, program, "run");
                }

                if (program == "bun" && SignatureTargets.LooksLikeFile(UnwrapperName(script)))
                {
                    return ScriptRun("bun", script, rest.Skip(1).ToList(), site);
                }

                return PackageScript(program, script, rest.SkipWhile(a => a != script).Skip(1).ToList(), workspace, site);
            case "start" or "restart" or "stop" or "dev" or "serve":
                return PackageScript(program, verb, rest, workspace, site);
            case "build" when program == "bun":
                return site.Op(Build, "bun", site.FolderTarget());
            case "pack":
                return site.Op(Build, program, verb);
            case "publish" or "version" or "unpublish" or "deprecate" or "dist-tag":
                return site.Op(Run, program, verb);
            case "init" or "create" or "config" or "login" or "whoami" or "cache" or "help" or "info" or "view" or "search" or "set" or "get":
                return site.Op(Other, program, verb);
            case "workspace" when program == "yarn" && rest.Count >= 2:
                return PackageScript(program, rest[1], rest.Skip(2).ToList(), rest[0], site);
            case "workspaces" or "recursive" or "-r":
                var inner = FirstVerb(rest.Where(static a => a != "foreach").ToList());
                return inner is null ? site.Op(Other, program, verb) : PackageScript(program, inner, [], workspace, site);
        }

        if (program == "npm")
        {
            return site.Op(Other, "npm", IsVerbWord(verb) ? verb : All);
        }

        // pnpm, yarn and bun run a script or a local binary by name.
        if (program == "bun" && SignatureTargets.LooksLikeFile(UnwrapperName(verb)))
        {
            return ScriptRun("bun", verb, rest, site);
        }

        var binary = new UnwrappedCommand(UnwrappedProgram(verb), verb, rest, null, null, false);
        var asBinary = Ecosystem(binary, site);
        if (asBinary is not null && binary.Program is not ("npm" or "pnpm" or "yarn" or "bun" or "node"))
        {
            return workspace is null ? asBinary : asBinary with { Target = SignatureTargets.Clean(workspace.TrimStart('@')) };
        }

        return PackageScript(program, verb, rest, workspace, site);
    }

    private static string UnwrappedProgram(string word) => CommandUnwrapper.NormalizeProgram(word);

    private static CommandOperation PackageScript(string program, string script, IReadOnlyList<string> rest, string? workspace, CommandSite site)
    {
        var category = script is "start" or "dev" or "serve" or "restart" or "stop" ? Run : ScriptCategory(script);
        string target;
        if (workspace is not null)
        {
            target = workspace.TrimStart('@');
        }
        else
        {
            var paths = Positionals(rest, 0, JsTestValueOption).Where(LooksLikePath).ToList();
            target = paths.Count > 0 ? site.ScopeTarget(paths) : site.FolderTarget();
            if (target == All && script != category && category != Run)
            {
                target = script;
            }
            else if (category == Run && target == All)
            {
                target = script;
            }
        }

        return site.Op(category, program, target);
    }

    private static CommandOperation Node(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var i = 0;
        while (i < args.Count && args[i].Length > 1 && args[i][0] == '-')
        {
            var a = args[i];
            if (a is "--test")
            {
                return site.Op(Test, "node", site.ScopeTarget(Positionals(args, i + 1, static x => x is "--test-name-pattern" or "--test-reporter")));
            }

            if (a is "-e" or "--eval" or "-p" or "--print")
            {
                return site.Op(Run, program, "inline");
            }

            if (a is "--watch" or "--watch-path" && Positionals(args, i + 1, static x => x is "--watch-path" or "-r" or "--require" or "--import").FirstOrDefault() is { } watched)
            {
                // "node --watch src/index.js" keeps the application running and restarts it on change.
                return App(site.Op(Run, program, site.ScopeTarget([watched])));
            }

            i += a is "-r" or "--require" or "--import" or "--loader" or "--experimental-loader" or "--env-file" or "--inspect-port" or "-C" or "--conditions" ? 2 : 1;
        }

        if (i >= args.Count)
        {
            return site.Op(Run, program, "repl");
        }

        if (program == "tsx" && args[i] == "watch" && i + 1 < args.Count)
        {
            return App(site.Op(Run, program, site.ScopeTarget(Positionals(args, i + 1, static _ => false).Take(1))));
        }

        return ScriptRun(program, args[i], args.Skip(i + 1).ToList(), site);
    }

    private static CommandOperation Deno(IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        var scope = site.ScopeTarget(Positionals(args, 1, static a => a is "--config" or "-c" or "--import-map" or "--filter" or "--allow-read" or "--allow-net"));
        return verb switch
        {
            "test" or "bench" => site.Op(verb == "test" ? Test : Run, "deno", scope),
            "lint" => site.Op(Lint, "deno", scope),
            "fmt" => site.Op(HasAny(args, "--check") ? Lint : Format, "deno", scope),
            "check" => site.Op(Build, "deno", scope),
            "compile" or "bundle" => site.Op(Build, "deno", scope),
            "outdated" when HasAny(args, "--update", "-u") => site.Op(Deps, "deno", "upgrade"),
            "install" or "add" or "remove" or "cache" or "outdated" => site.Op(Deps, "deno", verb),
            "task" => PackageScript("deno", Positionals(args, 1, static _ => false).FirstOrDefault() ?? All, [], null, site),
            "serve" => App(site.Op(Run, "deno", ServerTarget)),
            "run" when HasAny(args, "--watch") || Positionals(args, 1, static a => a is "--config" or "-c" or "--import-map" or "--env-file" or "--inspect").FirstOrDefault() is { } entry && (IsServerEntry(entry) || StripExtension(UnwrapperName(entry)) == "main") => App(site.Op(Run, "deno", scope)),
            _ => site.Op(Run, "deno", scope),
        };
    }

    private static CommandOperation Dotnet(IReadOnlyList<string> args, CommandSite site)
    {
        var i = 0;
        while (i < args.Count && args[i].StartsWith('-'))
        {
            i++;
        }

        if (i >= args.Count)
        {
            return site.Op(Other, "dotnet", All);
        }

        var verb = args[i].ToLowerInvariant();
        var rest = args.Skip(i + 1).ToList();
        if (verb == "watch")
        {
            var inner = FirstVerb(rest);
            // "dotnet watch" and "dotnet watch run" keep an application running and reloading: a development server.
            return inner is "test" or "build" ? Dotnet(rest, site) : site.Op(Run, "dotnet", ServerTarget);
        }

        if (SignatureTargets.LooksLikeFile(verb) && verb.EndsWith(".dll", StringComparison.Ordinal))
        {
            return site.Op(Run, "dotnet", site.ScopeTarget([args[i]]));
        }

        var until = rest.IndexOf("--");
        var own = until >= 0 ? rest.Take(until).ToList() : rest;
        var project = OptionValue(own, "--project");
        var scopeArgs = project is not null ? [project] : Positionals(own, 0, static a => a is "-c" or "--configuration" or "-f" or "--framework" or "-r" or "--runtime" or "-o" or "--output" or "--filter" or "-v" or "--verbosity" or "-l" or "--logger" or "-s" or "--settings" or "--results-directory" or "-a" or "--arch" or "--os" or "--collect" or "--launch-profile" or "-p" or "--property" or "--diag" or "--blame-hang-timeout" or "--version" or "--source" or "--severity" or "--include" or "--exclude" or "--report");
        switch (verb)
        {
            case "test" or "vstest":
                return site.Op(Test, "dotnet", site.ScopeTarget(scopeArgs));
            case "build" or "msbuild" or "publish" or "pack":
                return site.Op(Build, "dotnet", site.ScopeTarget(scopeArgs));
            case "format":
                var subverb = scopeArgs.FirstOrDefault() is "whitespace" or "style" or "analyzers" ? 1 : 0;
                var check = HasAny(own, "--verify-no-changes");
                return site.Op(check ? Lint : Format, check ? "dotnet-format" : "dotnet", site.ScopeTarget(scopeArgs.Skip(subverb)));
            case "restore":
                return site.Op(Deps, "dotnet", "restore");
            case "add" or "remove" or "list" when rest.Contains("package") || rest.Contains("reference"):
                return site.Op(Deps, "dotnet", verb + "-" + (rest.Contains("package") ? "package" : "reference"));
            case "tool" or "nuget" or "workload":
                return site.Op(Deps, "dotnet", verb);
            case "run":
                return App(site.Op(Run, "dotnet", site.ScopeTarget(scopeArgs)));
            case "ef" when rest.Contains("database") && rest.Contains("update"):
                return site.Op(Run, "dotnet-ef", MigrateTarget);
            case "outdated" when HasAny(own, "-u", "--upgrade"):
                return site.Op(Deps, "dotnet", "upgrade");
            default:
                // A local tool run by name ("dotnet csharpier .", "dotnet fantomas src") is that tool.
                var tool = Ecosystem(new UnwrappedCommand(verb, verb, rest, null, null, false), site);
                return tool is not null && tool.Category != Other ? tool : site.Op(Run, "dotnet", IsVerbWord(verb) ? verb : All);
        }
    }

    /// <summary><c>helm lint</c> checks a chart; <c>helm dependency update</c> refreshes its dependencies and lock file.</summary>
    private static CommandOperation Helm(IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        var chart = site.ScopeTarget(Positionals(args, 1, static a => a is "-f" or "--values" or "--set" or "-n" or "--namespace"));
        return verb switch
        {
            "lint" => site.Op(Lint, "helm", chart),
            "dependency" or "dep" or "dependencies" => site.Op(Deps, "helm", Positionals(args, 1, static _ => false).FirstOrDefault() is { } sub && sub is "update" or "up" ? "update" : "dependency"),
            _ => site.Op(Run, "helm", verb ?? All),
        };
    }

    /// <summary>PlatformIO: <c>pio run</c> builds the firmware, <c>pio test</c> tests it, <c>pio pkg update</c> updates its packages.</summary>
    private static CommandOperation PlatformIo(IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        var next = Positionals(args, 1, static _ => false).FirstOrDefault();
        return verb switch
        {
            "run" when args.Contains("-t") || args.Contains("--target") => site.Op(Run, "platformio", OptionValue(args, "-t", "--target") ?? All),
            "run" or null => site.Op(Build, "platformio", All),
            "test" => site.Op(Test, "platformio", All),
            "check" => site.Op(Lint, "platformio", All),
            "pkg" or "lib" or "platform" when next is "update" or "upgrade" => site.Op(Deps, "platformio", "update"),
            "update" or "upgrade" => site.Op(Deps, "platformio", "update"),
            _ => site.Op(Other, "platformio", verb),
        };
    }

    private static CommandOperation Go(IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        var folderOption = OptionValue(args, "-C");
        if (folderOption is not null)
        {
            site.Folder = CombineFolder(site.Folder, folderOption);
        }

        var packages = Positionals(args, 1, static a => a is "-run" or "-bench" or "-count" or "-timeout" or "-tags" or "-p" or "-o" or "-coverprofile" or "-ldflags" or "-gcflags" or "-covermode" or "-parallel" or "-cpu" or "-benchtime" or "-mod" or "-C" or "-skip" or "-exec" or "-coverpkg" or "-shuffle" or "-modfile");
        return verb switch
        {
            "test" => site.Op(Test, "go", GoPackagesTarget(packages, site)),
            "build" => site.Op(Build, "go", GoPackagesTarget(packages, site)),
            "vet" => site.Op(Lint, "go-vet", GoPackagesTarget(packages, site)),
            "fmt" => site.Op(Format, "gofmt", GoPackagesTarget(packages, site)),
            "run" when IsAppEntry(packages.FirstOrDefault()) => App(site.Op(Run, "go", GoPackagesTarget(packages.Take(1).ToList(), site))),
            "run" => site.Op(Run, "go", GoPackagesTarget(packages.Take(1).ToList(), site)),
            "mod" => site.Op(Deps, "go", "mod-" + (packages.FirstOrDefault() ?? All)),
            "get" when HasAny(args, "-u", "-u=patch") => site.Op(Deps, "go", "update"),
            "get" or "install" or "work" => site.Op(Deps, "go", verb),
            "generate" => site.Op(Build, "go-generate", GoPackagesTarget(packages, site)),
            null => site.Op(Other, "go", All),
            _ => site.Op(Other, "go", verb),
        };
    }

    private static List<string> SplitPackages(string? value) => value is null ? [] : [.. value.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Go package patterns: <c>./...</c> is everything, <c>./internal/x/...</c> is <c>internal/x</c>'s scope.</summary>
    private static string GoPackagesTarget(List<string> packages, CommandSite site)
    {
        var paths = new List<string>(packages.Count);
        foreach (var package in packages)
        {
            var p = package;
            if (p.EndsWith("/...", StringComparison.Ordinal))
            {
                p = p[..^4];
            }

            if (p is "..." or "." or "./" or "" || p.Contains('.') && !p.StartsWith('.') && p.Contains('/'))
            {
                // "./..." and module paths ("github.com/x/y") cover the whole module.
                if (p is "." or "./")
                {
                    paths.Add(".");
                }

                continue;
            }

            paths.Add(p);
        }

        return paths.Count == 0 ? site.FolderTarget() : site.ScopeTarget(paths);
    }

    private static CommandOperation Cargo(IReadOnlyList<string> args, CommandSite site)
    {
        var positionals = Positionals(args, 0, static a => a is "-p" or "--package" or "--manifest-path" or "--features" or "-F" or "--target" or "--bin" or "--example" or "--test" or "--bench" or "-j" or "--jobs" or "--profile" or "--target-dir" or "-Z" or "--exclude" or "--color" or "--message-format" or "-C");
        var verb = positionals.FirstOrDefault(static p => !p.StartsWith('+'));
        var packages = new List<string>();
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] is "-p" or "--package")
            {
                packages.Add(args[i + 1]);
            }
        }

        var manifest = OptionValue(args, "--manifest-path");
        string target;
        if (packages.Count > 0)
        {
            target = SignatureTargets.Combine(packages);
        }
        else if (manifest is not null)
        {
            var slash = manifest.LastIndexOf('/');
            target = slash > 0 ? site.ScopeTarget([manifest[..slash]]) : site.FolderTarget();
        }
        else
        {
            target = site.FolderTarget();
        }

        return verb switch
        {
            "test" or "t" or "nextest" or "tarpaulin" or "llvm-cov" or "miri" => site.Op(Test, "cargo", target),
            "build" or "b" or "check" or "c" or "doc" or "d" or "package" => site.Op(Build, "cargo", target),
            "publish" or "release" or "yank" or "login" or "owner" => site.Op(Run, "cargo", verb),
            "clippy" => site.Op(Lint, "clippy", target),
            "audit" or "deny" or "udeps" or "machete" or "semver-checks" => site.Op(Lint, "cargo-" + verb, target),
            "outdated" => site.Op(Deps, "cargo", "outdated"),
            "fmt" => site.Op(HasAny(args, "--check") ? Lint : Format, "rustfmt", target),
            "run" or "r" => HasAny(args, "--example") ? site.Op(Run, "cargo", target) : App(site.Op(Run, "cargo", target)),
            "watch" => CargoWatch(args.SkipWhile(static a => a != "watch").Skip(1).ToList(), site),
            "leptos" or "tauri" or "shuttle" or "lambda" => CargoPlugin(verb, Positionals(args, 0, static _ => false).Skip(1).FirstOrDefault(), target, site),
            "make" or "xtask" => site.Op(ScriptCategory(Positionals(args, 0, static _ => false).Skip(1).FirstOrDefault() ?? "default"), "cargo-" + verb, target),
            "insta" when Positionals(args, 0, static _ => false).Contains("test") => site.Op(Test, "cargo", target),
            "binstall" => site.Op(Deps, "cargo", "install"),
            "bench" => site.Op(Run, "cargo", "bench"),
            "add" or "remove" or "rm" or "update" or "upgrade" or "fetch" or "install" or "uninstall" or "vendor" or "generate-lockfile" or "tree" => site.Op(Deps, "cargo", verb),
            null => site.Op(Other, "cargo", All),
            _ => site.Op(Other, "cargo", verb),
        };
    }

    private static CommandOperation Mix(IReadOnlyList<string> args, CommandSite site)
    {
        var positionals = Positionals(args, 0, static a => a is "--seed" or "--only" or "--exclude" or "--include" or "--max-failures" or "--partitions" or "--slowest" or "--repeat-until-failure" or "--format" or "--name" or "--formatter" or "--config" or "-e" or "--eval" or "--trace-limit");
        if (positionals.Count == 0)
        {
            return site.Op(Run, "mix", "default");
        }

        var task = positionals[0].TrimEnd(',');
        var rest = positionals.Skip(1).ToList();
        if (task == "do" && rest.Count > 0)
        {
            // "mix do compile, test": the most telling task wins.
            var tasks = string.Join(' ', rest).Split([',', '+', ' '], StringSplitOptions.RemoveEmptyEntries);
            var best = tasks.Select(t => Mix([t], site)).OrderByDescending(static o => ShellOperationClassifier.Rank(o, false)).FirstOrDefault();
            return best ?? site.Op(Run, "mix", "do");
        }

        switch (task)
        {
            case "test" or "test.watch" or "coveralls" or "coveralls.html" or "coveralls.json" or "test.interactive":
                return site.Op(Test, "mix", site.ScopeTarget(rest));
            case "compile" or "compile.all":
                return site.Op(Build, "mix", All);
            case "format":
                return HasAny(args, "--check-formatted", "--dry-run")
                    ? site.Op(Lint, "mix-format", site.ScopeTarget(rest))
                    : site.Op(Format, "mix", site.ScopeTarget(rest));
            case "credo":
                return site.Op(Lint, "credo", site.ScopeTarget(rest.Where(static r => r is not ("suggest" or "list" or "explain" or "diff")).ToList()));
            case "dialyzer" or "gradient" or "dialyxir":
                return site.Op(Build, "dialyzer", All);
            case "sobelow" or "xref" or "deps.audit" or "hex.audit" or "compile.warnings":
                return site.Op(Lint, task, All);
            case "escript.build" or "release" or "assets.build" or "assets.deploy" or "docs" or "phx.digest" or "esbuild" or "tailwind" or "archive.build":
                return site.Op(Build, "mix", task);
        }

        if (task.StartsWith("deps.", StringComparison.Ordinal) || task.StartsWith("hex.", StringComparison.Ordinal)
            || task.StartsWith("local.", StringComparison.Ordinal) || task.StartsWith("archive.", StringComparison.Ordinal)
            || task == "igniter.install")
        {
            return site.Op(Deps, "mix", task);
        }

        return task switch
        {
            "phx.server" => site.Op(Run, "mix", ServerTarget),

            // "mix run --no-halt" keeps the application running; "mix run priv/repo/seeds.exs" runs a script.
            "run" when !rest.Any(static r => r.EndsWith(".exs", StringComparison.Ordinal) || r.EndsWith(".ex", StringComparison.Ordinal)) => App(site.Op(Run, "mix", site.FolderTarget())),
            _ => site.Op(Run, "mix", IsVerbWord(task) ? task : All),
        };
    }

    private static CommandOperation Interpreter(string program, IReadOnlyList<string> args, CommandSite site, Func<string, bool> takesValue)
    {
        var i = 0;
        while (i < args.Count && args[i].Length > 1 && args[i][0] == '-')
        {
            if (args[i] is "-e" or "--eval")
            {
                return site.Op(Run, program, "inline");
            }

            i += !args[i].Contains('=') && takesValue(args[i]) ? 2 : 1;
        }

        if (i >= args.Count)
        {
            return site.Op(Run, program, "repl");
        }

        return ScriptRun(program, args[i], args.Skip(i + 1).ToList(), site);
    }

    private static CommandOperation Rebar(IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        return verb switch
        {
            "eunit" or "ct" or "proper" or "cover" => site.Op(Test, "rebar3", All),
            "compile" or "release" or "escriptize" or "tar" => site.Op(Build, "rebar3", All),
            "dialyzer" => site.Op(Build, "dialyzer", All),
            "xref" or "lint" => site.Op(Lint, "rebar3", verb),
            "fmt" or "format" => site.Op(Format, "rebar3", All),
            "get-deps" or "upgrade" or "update" or "lock" or "unlock" or "deps" => site.Op(Deps, "rebar3", verb),
            _ => site.Op(Run, "rebar3", verb ?? All),
        };
    }

    private static CommandOperation Maven(IReadOnlyList<string> args, CommandSite site)
    {
        var goals = Positionals(args, 0, static a => a is "-pl" or "--projects" or "-P" or "--activate-profiles" or "-f" or "--file" or "-s" or "--settings" or "-T" or "--threads" or "-rf" or "--resume-from" or "-gs" or "-l" or "--log-file" or "-b");
        var modules = OptionValue(args, "-pl", "--projects");
        var best = Run;
        var bestRank = -1;
        string? bestGoal = null;
        foreach (var goal in goals)
        {
            var g = goal.ToLowerInvariant();
            var category = g switch
            {
                "test" or "verify" or "integration-test" or "surefire:test" or "failsafe:integration-test" => Test,
                "install" or "package" or "compile" or "test-compile" or "jar:jar" or "assembly:single" or "war:war" => Build,
                _ when g.EndsWith(":check", StringComparison.Ordinal) || g.StartsWith("checkstyle", StringComparison.Ordinal) || g.StartsWith("pmd", StringComparison.Ordinal) || g.StartsWith("spotbugs", StringComparison.Ordinal) => Lint,
                _ when g.EndsWith(":apply", StringComparison.Ordinal) || g.EndsWith(":format", StringComparison.Ordinal) => Format,
                _ when g.StartsWith("dependency:", StringComparison.Ordinal) || g.StartsWith("versions:", StringComparison.Ordinal) => Deps,
                _ => Run,
            };
            if (g is "spring-boot:run" or "quarkus:dev" or "jetty:run" or "tomcat7:run" or "liberty:dev" or "micronaut:run")
            {
                return site.Op(Run, "maven", ServerTarget);
            }

            if (g.StartsWith("versions:use-latest", StringComparison.Ordinal) || g.StartsWith("versions:use-next", StringComparison.Ordinal))
            {
                return site.Op(Deps, "maven", "upgrade");
            }

            if (g is "flyway:migrate" or "liquibase:update")
            {
                return site.Op(Run, "maven", MigrateTarget);
            }

            if (g is "exec:java" or "exec:exec")
            {
                return App(site.Op(Run, "maven", site.FolderTarget()));
            }

            var rank = ShellOperationClassifier.CategoryRank(category);
            if (rank > bestRank || (rank == bestRank && category == Run && g != "clean"))
            {
                best = category;
                bestRank = rank;
                bestGoal = g;
            }
        }

        var target = modules is not null
            ? SignatureTargets.Combine(modules.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(static m => m.TrimStart(':')).ToList())
            : best == Run ? bestGoal ?? All : site.FolderTarget();
        return site.Op(best, "maven", target);
    }

    private static CommandOperation Gradle(IReadOnlyList<string> args, CommandSite site)
    {
        var folder = OptionValue(args, "-p", "--project-dir");
        if (folder is not null)
        {
            site.Folder = CombineFolder(site.Folder, folder);
        }

        var tasks = Positionals(args, 0, static a => a is "-p" or "--project-dir" or "-x" or "--exclude-task" or "--tests" or "-c" or "--settings-file" or "-b" or "--build-file" or "-I" or "--init-script" or "--console" or "--max-workers" or "-g" or "--gradle-user-home" or "--warning-mode");
        var best = Run;
        var bestRank = -1;
        string? bestTask = null;
        var modules = new List<string>();
        foreach (var raw in tasks)
        {
            var colon = raw.LastIndexOf(':');
            var name = colon >= 0 ? raw[(colon + 1)..] : raw;
            if (colon > 0)
            {
                modules.Add(raw[..colon].Trim(':').Replace(':', '/'));
            }

            var n = name.ToLowerInvariant();
            if (n is "bootrun" or "quarkusdev" or "apprun" or "jettyrun" or "tomcatrun")
            {
                return site.Op(Run, "gradle", ServerTarget);
            }

            if (n is "flywaymigrate" or "liquibaseupdate")
            {
                return site.Op(Run, "gradle", MigrateTarget);
            }

            if (n is "run")
            {
                return App(site.Op(Run, "gradle", modules.Count > 0 ? SignatureTargets.Combine(modules) : site.FolderTarget()));
            }

            if (n is "uselatestversions" or "versioncatalogupdate")
            {
                return site.Op(Deps, "gradle", "upgrade");
            }

            var category = n switch
            {
                "test" or "check" or "connectedandroidtest" or "connectedcheck" or "integrationtest" or "alltests" => Test,
                _ when n.EndsWith("test", StringComparison.Ordinal) || n.EndsWith("tests", StringComparison.Ordinal) => Test,
                _ when n.StartsWith("lint", StringComparison.Ordinal) || n is "ktlintcheck" or "detekt" or "spotlesscheck" || n.StartsWith("checkstyle", StringComparison.Ordinal) || n.StartsWith("pmd", StringComparison.Ordinal) || n.StartsWith("spotbugs", StringComparison.Ordinal) => Lint,
                "ktlintformat" or "spotlessapply" or "format" => Format,
                "build" or "assemble" or "jar" or "bootjar" or "shadowjar" or "installdist" or "classes" or "war" => Build,
                _ when n.StartsWith("publish", StringComparison.Ordinal) && !n.Contains("local", StringComparison.Ordinal) => Run,
                _ when n.StartsWith("compile", StringComparison.Ordinal) || n.StartsWith("assemble", StringComparison.Ordinal) || n.StartsWith("bundle", StringComparison.Ordinal) || n.StartsWith("publish", StringComparison.Ordinal) => Build,
                "dependencies" or "dependencyupdates" or "dependencyinsight" => Deps,
                _ => Run,
            };
            var rank = ShellOperationClassifier.CategoryRank(category);
            if (rank > bestRank || (rank == bestRank && category == Run && n != "clean"))
            {
                best = category;
                bestRank = rank;
                bestTask = name;
            }
        }

        if (args.Contains("--refresh-dependencies") && bestRank < 0)
        {
            return site.Op(Deps, "gradle", "refresh");
        }

        var target = modules.Count > 0 ? SignatureTargets.Combine(modules) : best == Run ? bestTask ?? All : site.FolderTarget();
        return site.Op(bestRank < 0 ? Build : best, "gradle", target);
    }

    private static CommandOperation Java(IReadOnlyList<string> args, CommandSite site)
    {
        var jar = OptionValue(args, "-jar");
        if (jar is not null)
        {
            return App(site.Op(Run, "java", site.ScopeTarget([jar])));
        }

        var positionals = Positionals(args, 0, static a => a is "-cp" or "-classpath" or "--class-path" or "-p" or "--module-path" or "-m" or "--module" or "--add-opens" or "--add-exports");
        var first = positionals.FirstOrDefault();
        return first is not null && first.EndsWith(".java", StringComparison.Ordinal)
            ? ScriptRun("java", first, positionals.Skip(1).ToList(), site)
            : site.Op(Run, "java", All);
    }

    private static CommandOperation Rake(IReadOnlyList<string> args, CommandSite site)
    {
        var tasks = Positionals(args, 0, static a => a is "-f" or "--rakefile" or "-j" or "--jobs" or "-I" or "--libdir" or "-r" or "--require" or "-C" or "--directory");
        var task = tasks.FirstOrDefault(static t => !t.Contains('='));
        if (task is null)
        {
            return site.Op(Run, "rake", "default");
        }

        var name = task.Split('[')[0];
        if (name is "test" or "spec" || name.StartsWith("test:", StringComparison.Ordinal) || name.StartsWith("spec:", StringComparison.Ordinal))
        {
            return site.Op(Test, "rake", All);
        }

        return name switch
        {
            "rubocop" or "lint" or "standard" => site.Op(Lint, "rake", name),
            "build" or "compile" or "assets:precompile" => site.Op(Build, "rake", name),
            _ => site.Op(Run, "rake", name),
        };
    }

    private static CommandOperation Bundle(IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        return verb switch
        {
            null => site.Op(Deps, "bundler", "install"),
            "install" or "update" or "add" or "remove" or "lock" or "outdated" or "check" or "config" or "binstubs" or "clean" => site.Op(Deps, "bundler", verb),
            _ => site.Op(Other, "bundle", verb),
        };
    }

    private static CommandOperation Rails(IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        var rest = Positionals(args, 1, static a => a is "-e" or "--environment" or "-p" or "--port" or "-b" or "--binding" or "-n" or "--name" or "--seed");
        return verb switch
        {
            "test" or "test:system" or "test:all" or "test:models" or "test:controllers" or "spec" => site.Op(Test, "rails", site.ScopeTarget(rest)),
            "server" or "s" => site.Op(Run, "rails", ServerTarget),
            "db:migrate" => site.Op(Run, "rails", MigrateTarget),
            "db:rollback" => site.Op(Run, "rails", "rollback"),
            "console" or "c" => site.Op(Run, "rails", "console"),
            "generate" or "g" or "destroy" or "d" => site.Op(Run, "rails", "generate"),
            "assets:precompile" => site.Op(Build, "rails", "assets"),
            "runner" or "r" => site.Op(Run, "rails", "runner"),
            null => site.Op(Other, "rails", All),
            _ => site.Op(Run, "rails", verb),
        };
    }

    private static CommandOperation Php(IReadOnlyList<string> args, CommandSite site)
    {
        var positionals = Positionals(args, 0, static a => a is "-d" or "-c" or "-S" or "-t");
        if (args.Contains("-S"))
        {
            return site.Op(Run, "php", ServerTarget);
        }

        if (args.Contains("-r"))
        {
            return site.Op(Run, "php", "inline");
        }

        if (positionals.Count == 0)
        {
            return site.Op(Run, "php", "repl");
        }

        var script = UnwrapperName(positionals[0]).ToLowerInvariant();
        var rest = positionals.Skip(1).ToList();
        return script switch
        {
            "artisan" => Artisan(rest, site),
            "phpunit" or "pest" or "paratest" or "phpspec" or "behat" or "codecept" => site.Op(Test, script, site.ScopeTarget(rest)),
            "phpstan" or "psalm" or "phan" or "phpcs" or "phpmd" => site.Op(Lint, script, All),
            "php-cs-fixer" or "phpcbf" or "pint" or "rector" => site.Op(args.Contains("--dry-run") || args.Contains("--test") ? Lint : Format, script, All),
            "console" when rest.FirstOrDefault() is "doctrine:migrations:migrate" or "d:m:m" && !MigratesBack(rest) => site.Op(Run, "symfony", MigrateTarget),
            "console" when rest.FirstOrDefault() is "server:run" or "server:start" => site.Op(Run, "symfony", ServerTarget),
            _ => ScriptRun("php", positionals[0], rest, site),
        };
    }

    private static CommandOperation Artisan(IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        return verb switch
        {
            "test" => site.Op(Test, "artisan", site.ScopeTarget(Positionals(args, 1, static a => a is "--filter" or "--group" or "--testsuite"))),
            null => site.Op(Other, "artisan", All),
            _ => site.Op(Run, "artisan", verb),
        };
    }

    private static CommandOperation Composer(IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        return verb switch
        {
            "install" or "require" or "update" or "remove" or "dump-autoload" or "dumpautoload" or "outdated" or "show" or "validate" => site.Op(Deps, "composer", verb),
            "run-script" or "run" => PackageScript("composer", Positionals(args, 1, static _ => false).FirstOrDefault() ?? All, [], null, site),
            null => site.Op(Deps, "composer", "install"),
            _ => PackageScript("composer", verb, [], null, site),
        };
    }

    private static CommandOperation Make(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var folder = OptionValue(args, "-C", "--directory");
        if (folder is not null)
        {
            site.Folder = CombineFolder(site.Folder, folder);
        }

        var targets = Positionals(args, 0, static a => a is "-C" or "--directory" or "-f" or "--file" or "--makefile" or "-l" or "-o" or "-W" or "-I" or "--include-dir" or "--jobs")
            .Where(static t => !t.Contains('=') || t.StartsWith('-'))
            .ToList();
        var target = targets.FirstOrDefault();
        var category = target switch
        {
            null or "all" or "build" or "compile" or "default" or "install" or "dist" or "release" or "html" or "docs" or "doc" => Build,
            "check" or "tests" or "unit" or "integration" or "e2e" or "coverage" or "cov" => Test,
            "clean" or "distclean" or "mrproper" => Run,
            "vet" or "typecheck" or "type-check" or "mypy" => target == "vet" ? Lint : Build,
            _ => ScriptCategory(target),
        };
        var label = program == "gmake" ? "make" : program;
        var operation = site.Op(category, label, target ?? All);
        return target is "run" or "start" or "run-app" or "start-app" ? App(operation) : operation;
    }

    private static CommandOperation BuildTool(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        var positionals = Positionals(args, verb is null ? 0 : 1, static a => a is "-C" or "-j" or "-k" or "-f" or "--config" or "--jobs");
        var label = program == "bazelisk" ? "bazel" : program;
        var category = verb switch
        {
            "test" or "coverage" => Test,
            "run" or "exec" or "devenv" => Run,
            "query" or "cquery" or "aquery" or "info" or "clean" or "shutdown" or "version" => Other,
            "lint" => Lint,
            "fmt" or "format" => Format,
            _ => Build,
        };
        string target;
        if (program is "bazel" or "bazelisk" or "buck" or "buck2" or "pants")
        {
            var labels = positionals.Select(static l => l.TrimStart('/').Split(':')[0].Replace("...", string.Empty, StringComparison.Ordinal).TrimEnd('/'))
                .Where(static l => l.Length > 0)
                .ToList();
            target = labels.Count > 0 ? site.ScopeTarget(labels) : All;
        }
        else
        {
            target = program == "ninja" ? verb ?? All : site.FolderTarget();
        }

        return site.Op(category, label, target);
    }

    private static CommandOperation Toolchain(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        if (program == "xcodebuild")
        {
            var positionals = Positionals(args, 0, static a => a is "-scheme" or "-project" or "-workspace" or "-destination" or "-configuration" or "-sdk" or "-target" or "-derivedDataPath" or "-only-testing" or "-skip-testing");
            verb = positionals.Contains("test") ? "test" : positionals.Contains("build") ? "build" : positionals.FirstOrDefault() ?? "build";
            return site.Op(verb is "test" ? Test : verb is "clean" ? Run : Build, "xcodebuild", OptionValue(args, "-scheme") ?? All);
        }

        if (program == "ponyc")
        {
            return site.Op(Build, "ponyc", site.ScopeTarget(Positionals(args, 0, static a => a is "-o" or "--output" or "-b" or "--bin-name" or "-p" or "--path")));
        }

        if (program is "flutter" or "dart" && verb == "pub")
        {
            var pubArgs = args.SkipWhile(static a => a != "pub").Skip(1).ToList();
            var pubVerb = FirstVerb(pubArgs);
            if (pubVerb == "run" && Positionals(pubArgs, 1, static _ => false).FirstOrDefault() == "build_runner")
            {
                // "flutter pub run build_runner build": code generation, part of the build.
                return site.Op(Build, program, "build_runner");
            }

            return site.Op(Deps, program, pubVerb is "upgrade" ? "upgrade" : "pub-" + (pubVerb ?? All));
        }

        var rest = args.SkipWhile(a => a != verb).Skip(1).ToList();
        if (program == "swift" && verb == "package")
        {
            return site.Op(Deps, "swift", FirstVerb(rest) ?? All);
        }

        var appArguments = Positionals(rest, 0, static a => a is "-d" or "--device-id" or "-t" or "--target" or "--flavor" or "-o" or "--output" or "--bin" or "--package" or "-p" or "--dart-define").Take(2).ToList();
        var first = appArguments.FirstOrDefault();
        switch (verb)
        {
            case "run" when program == "dart" && first == "build_runner":
                return site.Op(Build, "dart", "build_runner");

            // "swift run App migrate --yes" gives the app a command of its own: that is no start of the app ("swift run
            // App serve" is).
            case "run" when program is not "nim" && IsAppEntry(first) && (program != "swift" || appArguments.Count < 2 || appArguments[1] is "serve" or "server" or "start" or "run" or "dev" or "up"):
            case "build" when program == "zig" && rest.Contains("run"):
            case "exec" when program == "stack":
                return App(site.Op(Run, program, first is null || verb == "build" ? site.FolderTarget() : SignatureTargets.Clean(StripExtension(UnwrapperName(first)))));
            case "reactor" when program == "elm":
                return App(site.Op(Run, "elm", ServerTarget));
            case "spec" when program == "crystal":
                return site.Op(Test, "crystal", site.ScopeTarget(Positionals(rest, 0, static _ => false)));
            case "tool" when program == "crystal" && first == "format":
            case "format" when program == "swift" && first == "lint":
                return site.Op(first == "lint" || HasAny(args, "--check") ? Lint : Format, program, site.FolderTarget());
            case "deps" when program == "gleam":
                return site.Op(Deps, "gleam", first is "update" or "upgrade" ? "update" : first ?? All);
            case "c" or "cc" or "cpp" or "js" or "compile" when program == "nim":
                return !HasAny(args, "-r", "--run")
                    ? site.Op(Build, "nim", site.ScopeTarget(Positionals(rest, 0, static _ => false)))
                    : first is not null && IsTestScriptName(StripExtension(UnwrapperName(first)).ToLowerInvariant())
                        ? site.Op(Test, "nim", site.ScopeTarget([first]))
                        : App(site.Op(Run, "nim", first is null ? All : SignatureTargets.Clean(StripExtension(UnwrapperName(first)))));
            case "refresh" when program == "nimble":
                return site.Op(Deps, "nimble", "refresh");
        }

        var category = verb switch
        {
            "test" => Test,
            "build" or "compile" or "make" => program == "zig" && rest.Contains("test") ? Test : Build,
            "check" or "analyze" => program is "dart" or "flutter" ? Lint : Build,
            "lint" or "vet" => Lint,
            "fmt" or "format" => HasAny(args, "--check", "--set-exit-if-changed") ? Lint : Format,
            "run" or "exec" or "repl" or "ghci" or "serve" => Run,
            "install" or "get" or "add" or "update" or "upgrade" or "resolve" or "deps" => Deps,
            _ => program == "elm" && verb == "make" ? Build : Other,
        };
        var scope = category is Test or Build or Lint or Format ? site.ScopeTarget(Positionals(rest, 0, static a => a is "-o" or "--output" or "-c" or "--config" or "--filter" or "-j" or "--target" or "-Doptimize")) : verb ?? All;
        return site.Op(category, program, scope);
    }

    private static CommandOperation Docker(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var label = program.StartsWith("podman", StringComparison.Ordinal) ? "podman" : "docker";
        var compose = program.EndsWith("compose", StringComparison.Ordinal);
        var verbs = Positionals(args, 0, static a => a is "-f" or "--file" or "-p" or "--project-name" or "--profile" or "--env-file" or "-t" or "--tag" or "--build-arg" or "--target" or "--platform" or "-c" or "--context" or "-H" or "--host" or "--log-level");
        if (!compose && verbs.FirstOrDefault() == "compose")
        {
            compose = true;
            verbs.RemoveAt(0);
        }

        var verb = verbs.FirstOrDefault();
        if (verb == "buildx" && verbs.Count > 1)
        {
            verb = verbs[1];
        }

        if (verb == "build")
        {
            return site.Op(Build, label, compose ? "compose" : site.ScopeTarget(verbs.Skip(verb == verbs[0] ? 1 : 2).Take(1)));
        }

        if (compose)
        {
            // "docker compose up" (and start, watch) brings the project's services up: the application, running.
            var operation = site.Op(Run, label, "compose-" + (verb ?? All));
            return verb is "up" or "start" or "watch" ? App(operation) : operation;
        }

        return site.Op(Run, label, verb is not null && IsVerbWord(verb) ? verb : All);
    }

    private static CommandOperation Terraform(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var verb = FirstVerb(args);
        return verb switch
        {
            "fmt" or "hclfmt" => site.Op(HasAny(args, "-check", "--check", "--terragrunt-check") ? Lint : Format, program, All),
            "validate" => site.Op(Lint, program, All),
            "init" => site.Op(Deps, program, "init"),
            _ => site.Op(Run, program, verb ?? All),
        };
    }

    private static CommandOperation ShellScript(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var positionals = Positionals(args, 0, static a => a is "-o" or "+o" or "-O");
        if (positionals.Count == 0)
        {
            return site.Op(Other, program, All);
        }

        if (args.Contains("-n"))
        {
            return site.Op(Lint, program + "-n", site.ScopeTarget(positionals.Take(1)));
        }

        var script = positionals[0];
        return script.Contains('/')
            ? LocalScript(script, positionals.Skip(1).ToList(), site)
            : LocalScript("./" + script, positionals.Skip(1).ToList(), site);
    }
}
