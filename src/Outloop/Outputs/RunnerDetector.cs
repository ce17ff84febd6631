using System.Text.RegularExpressions;

namespace Outloop.Outputs;

/// <summary>
/// Finds which tool wrote an output: from the command line (through wrappers such as <c>uv run</c>,
/// <c>npx</c>, <c>bundle exec</c>, <c>python -m</c>) and from the output's shape, so that an unknown
/// command (<c>npm test</c>, <c>make check</c>, a script) is still recognised.
/// </summary>
internal static partial class RunnerDetector
{
    /// <summary>The runner for this command and output, <see cref="Runners.Generic"/> when nothing matches.</summary>
    public static string Detect(string command, IReadOnlyList<string> lines)
    {
        var fromCommand = FromCommand(command);
        var fromOutput = FromOutput(lines);
        if (fromOutput is not null && (fromCommand.Count == 0 || fromCommand.Contains(fromOutput)))
        {
            return fromOutput;
        }

        if (fromCommand.Count == 0)
        {
            return Runners.Generic;
        }

        // A chain such as "mix compile && mix test" reports the tests last and most usefully.
        return fromCommand.LastOrDefault(Runners.IsTestRunner) ?? fromCommand[^1];
    }

    /// <summary>Runners named by each step of a shell command line, in order.</summary>
    public static IReadOnlyList<string> FromCommand(string command)
    {
        var found = new List<string>();
        foreach (var step in StepSeparator().Split(command))
        {
            // In "pytest -x | tail -5" the tool is the pipe's first stage.
            var stage = step.Split('|', 2)[0];
            var runner = FromArguments(Tokens(stage));
            if (runner is not null && !found.Contains(runner))
            {
                found.Add(runner);
            }
        }

        return found;
    }

    /// <summary>The runner whose output this looks like, null when no shape matches.</summary>
    public static string? FromOutput(IReadOnlyList<string> lines)
    {
        foreach (var (runner, shape) in Shapes)
        {
            foreach (var line in lines)
            {
                if (shape.IsMatch(line))
                {
                    return runner;
                }
            }
        }

        return null;
    }

    private static string? FromArguments(List<string> args)
    {
        args = StripWrappers(args);
        if (args.Count == 0)
        {
            return null;
        }

        var tool = Path.GetFileName(args[0]).ToLowerInvariant();
        var verb = args.Count > 1 ? args[1].ToLowerInvariant() : string.Empty;
        return tool switch
        {
            "pytest" or "py.test" => Runners.Pytest,
            "unittest" or "runtests.py" or "manage.py" when tool != "manage.py" || verb == "test" => Runners.Unittest,
            "mix" => verb switch
            {
                "test" => Runners.MixTest,
                "compile" => Runners.MixCompile,
                "credo" => Runners.Credo,
                "deps.get" or "deps.update" or "deps.compile" => Runners.MixDeps,
                _ => null,
            },
            "dotnet" => verb switch
            {
                "test" => Runners.DotnetTest,
                "build" or "restore" or "publish" or "pack" or "msbuild" => Runners.DotnetBuild,
                _ => null,
            },
            "jest" => Runners.Jest,
            "vitest" => Runners.Vitest,
            "mocha" => Runners.Mocha,
            "playwright" when verb == "test" => Runners.Playwright,
            "tsc" or "vue-tsc" => Runners.Tsc,
            "eslint" => Runners.Eslint,
            "npm" or "pnpm" or "yarn" or "bun" when verb is "install" or "i" or "ci" or "add" || (tool == "yarn" && args.Count == 1) => Runners.NpmInstall,
            "go" => verb switch
            {
                "test" => Runners.GoTest,
                "build" or "install" or "run" => Runners.GoBuild,
                "vet" => Runners.GoVet,
                _ => null,
            },
            "cargo" => verb switch
            {
                "test" or "nextest" => Runners.CargoTest,
                "build" or "check" or "clippy" or "run" => Runners.CargoBuild,
                _ => null,
            },
            "mvn" or "mvnw" => Runners.Maven,
            "gradle" or "gradlew" => Runners.Gradle,
            "rspec" => Runners.Rspec,
            "rubocop" => Runners.Rubocop,
            "bundle" when verb is "install" or "update" || args.Count == 1 => Runners.BundleInstall,
            "ruff" => Runners.Ruff,
            "flake8" => Runners.Flake8,
            "mypy" or "dmypy" => Runners.Mypy,
            "pip" or "pip3" when verb == "install" => Runners.PipInstall,
            "uv" when verb is "sync" or "add" || (verb == "pip" && args.Count > 2 && args[2] == "install") => Runners.PipInstall,
            _ => null,
        };
    }

    private static List<string> StripWrappers(List<string> args)
    {
        var i = 0;
        while (i < args.Count)
        {
            var word = Path.GetFileName(args[i]).ToLowerInvariant();
            var next = i + 1 < args.Count ? args[i + 1].ToLowerInvariant() : string.Empty;
            if (EnvAssignment().IsMatch(args[i]) || word is "sudo" or "env" or "time" or "nice" or "nohup" or "npx" or "bunx" or "exec" or "command")
            {
                i++;
            }
            else if (word is "timeout" or "gtimeout")
            {
                i += 2;
            }
            else if ((word is "uv" or "poetry" or "pipenv" or "pdm" or "hatch" or "rye" or "pixi" or "npm" or "pnpm" or "yarn" or "bun" && next == "run")
                || (word is "pnpm" or "yarn" && next is "exec" or "dlx") || (word is "bundle" && next == "exec"))
            {
                i += 2;
            }
            else if (PythonExecutable().IsMatch(word) && next == "-m")
            {
                i += 2;
            }
            else if (PythonExecutable().IsMatch(word) && i + 1 < args.Count && !args[i + 1].StartsWith('-'))
            {
                // "python runtests.py ..." names the script as the tool.
                i++;
            }
            else
            {
                break;
            }
        }

        return args[i..];
    }

    private static List<string> Tokens(string stage)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        char? quote = null;
        foreach (var c in stage)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (char.IsWhiteSpace(c) || c is '(' or ')')
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    // Ordered from the most to the least specific: a pytest run may also print "Ran 3 tests" from a script.
    private static readonly (string Runner, Regex Shape)[] Shapes =
    [
        (Runners.Pytest, PytestShape()),
        (Runners.MixTest, ExUnitShape()),
        (Runners.DotnetTest, DotnetTestShape()),
        (Runners.Vitest, VitestShape()),
        (Runners.Jest, JestShape()),
        (Runners.Playwright, PlaywrightShape()),
        (Runners.CargoTest, CargoTestShape()),
        (Runners.GoTest, GoTestShape()),
        (Runners.Rspec, RspecShape()),
        (Runners.Maven, MavenShape()),
        (Runners.Gradle, GradleShape()),
        (Runners.Mocha, MochaShape()),
        (Runners.Unittest, UnittestShape()),
        (Runners.Tsc, TscShape()),
        (Runners.DotnetBuild, DotnetBuildShape()),
        (Runners.CargoBuild, CargoBuildShape()),
        (Runners.MixCompile, MixCompileShape()),
        (Runners.Mypy, MypyShape()),
        (Runners.Ruff, RuffShape()),
        (Runners.Flake8, Flake8Shape()),
        (Runners.Eslint, EslintShape()),
        (Runners.Credo, CredoShape()),
        (Runners.Rubocop, RubocopShape()),
        (Runners.GoBuild, GoBuildShape()),
        (Runners.NpmInstall, NpmShape()),
        (Runners.PipInstall, PipShape()),
        (Runners.BundleInstall, BundleShape()),
        (Runners.MixDeps, MixDepsShape()),
    ];

    [GeneratedRegex(@"&&|\|\||;|\n")]
    private static partial Regex StepSeparator();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex EnvAssignment();

    [GeneratedRegex(@"^python[0-9.]*$|^py$")]
    private static partial Regex PythonExecutable();

    [GeneratedRegex(@"^=+ test (session|process) starts =+$|^=+ tests finished: .*=+$|^=+ .*\b\d+ (passed|failed|errors?)\b.* in [\d.]+s.* =+$|^(FAILED|ERROR) \S+\.py::")]
    private static partial Regex PytestShape();

    [GeneratedRegex(@"^Running ExUnit with seed|^\d+ (doctests?|properties|tests?), \d+ failures?|^Finished in [\d.]+ seconds \(")]
    private static partial Regex ExUnitShape();

    [GeneratedRegex(@"^(Passed|Failed)!\s+- Failed:|^Total tests: \d+|^Test Run (Failed|Successful)\.|^Test summary: total:|^\[xUnit\.net ")]
    private static partial Regex DotnetTestShape();

    [GeneratedRegex(@"^\s*Test Files\s+\d+ (passed|failed)|^\s*RUN\s+v\d+\.\d+")]
    private static partial Regex VitestShape();

    [GeneratedRegex(@"^Test Suites: .*\d+ total$|^Tests:\s+.*\d+ total$")]
    private static partial Regex JestShape();

    [GeneratedRegex(@"^Running \d+ tests? using \d+ workers?")]
    private static partial Regex PlaywrightShape();

    [GeneratedRegex(@"^test result: (ok|FAILED)\. \d+ passed")]
    private static partial Regex CargoTestShape();

    [GeneratedRegex(@"^\s*--- (FAIL|PASS): \S+ \(|^(ok|FAIL)\s+\S+\s+[\d.]+s$|^(ok|FAIL|\?)\s+\S+\s+\[(no test files|build failed|setup failed)\]")]
    private static partial Regex GoTestShape();

    [GeneratedRegex(@"^\d+ examples?, \d+ failures?")]
    private static partial Regex RspecShape();

    [GeneratedRegex(@"^\[INFO\] (BUILD (SUCCESS|FAILURE)|Scanning for projects|Building )")]
    private static partial Regex MavenShape();

    [GeneratedRegex(@"^BUILD (SUCCESSFUL|FAILED) in |^> Task :")]
    private static partial Regex GradleShape();

    [GeneratedRegex(@"^\s+\d+ passing \(\d+m?s\)")]
    private static partial Regex MochaShape();

    [GeneratedRegex(@"^Ran \d+ tests? in [\d.]+s$")]
    private static partial Regex UnittestShape();

    [GeneratedRegex(@"(\(\d+,\d+\): |:\d+:\d+ - )error TS\d+:")]
    private static partial Regex TscShape();

    [GeneratedRegex(@"\(\d+,\d+\): (error|warning) [A-Z]{2,}\d+:|^Build (succeeded|FAILED)\.$|^\s*\d+ Error\(s\)$|^Build (succeeded|failed) with \d+ error")]
    private static partial Regex DotnetBuildShape();

    [GeneratedRegex(@"^error\[E\d{4}\]: |^\s+Compiling \S+ v\d+\.\d+|^\s+Finished `?\w+`? profile")]
    private static partial Regex CargoBuildShape();

    [GeneratedRegex(@"^Compiling \d+ files? \(\.ex\)|^== Compilation error in file |^\*\* \((CompileError|SyntaxError|TokenMissingError)\)|^Generated \w+ app$")]
    private static partial Regex MixCompileShape();

    [GeneratedRegex(@"^Found \d+ errors? in \d+ files? \(checked|^Success: no issues found in \d+ source files?")]
    private static partial Regex MypyShape();

    [GeneratedRegex(@"^Found \d+ errors?\.$|^\[\*\] \d+ fixable with the `--fix` option|^All checks passed!$")]
    private static partial Regex RuffShape();

    [GeneratedRegex(@"^[^\s:]+\.py:\d+:\d+: [EWFCN]\d{3} ")]
    private static partial Regex Flake8Shape();

    [GeneratedRegex(@"^✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)")]
    private static partial Regex EslintShape();

    [GeneratedRegex(@"^Analysis took .* \(\d|^\d+ mods?/funs?, found|^┃ \[[A-Z]\] ")]
    private static partial Regex CredoShape();

    [GeneratedRegex(@"^\d+ files? inspected, (\d+|no) offenses? detected")]
    private static partial Regex RubocopShape();

    [GeneratedRegex(@"^[^\s:]+\.go:\d+:\d+: ")]
    private static partial Regex GoBuildShape();

    [GeneratedRegex(@"^(added|removed|changed|up to date,) .*\d+ packages?|^npm (ERR!|error|WARN|warn) |^Packages: \+\d+|^Progress: resolved \d+|^\[\d/\d\] (Resolving|Fetching|Linking) packages|^➤ YN\d{4}")]
    private static partial Regex NpmShape();

    [GeneratedRegex(@"^Successfully installed \S|^Collecting \S+|^Requirement already satisfied: |^Installed \d+ packages? in |^Resolved \d+ packages? in ")]
    private static partial Regex PipShape();

    [GeneratedRegex(@"^Bundle complete! \d+ Gemfile|^Fetching gem metadata from ")]
    private static partial Regex BundleShape();

    [GeneratedRegex(@"^Resolving Hex dependencies\.\.\.$|^All dependencies are up to date$|^\* Getting \S+ \(")]
    private static partial Regex MixDepsShape();
}
