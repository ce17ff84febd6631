using System.Text.RegularExpressions;

namespace Outloop.Outputs;

/// <summary>The diagnostic formats of the compilers, type checkers and linters <see cref="DiagnosticDigestReader"/> reads.</summary>
internal static partial class DiagnosticSpecs
{
    public static DiagnosticSpec? For(string runner) => runner switch
    {
        Runners.Tsc => Tsc,
        Runners.DotnetBuild => DotnetBuild,
        Runners.CargoBuild => Cargo,
        Runners.GoBuild or Runners.GoVet => Go,
        Runners.MixCompile => MixCompile,
        Runners.Eslint => Eslint,
        Runners.Ruff => Ruff,
        Runners.Flake8 => Flake8,
        Runners.Mypy => Mypy,
        Runners.Credo => Credo,
        Runners.Rubocop => Rubocop,
        _ => null,
    };

    public static DiagnosticSpec Tsc { get; } = new() { Lines = [TscParen(), TscPretty()], Summary = TscSummary() };

    public static DiagnosticSpec DotnetBuild { get; } = new() { Lines = [MsBuildLine(), MsBuildProject()], Summary = MsBuildSummary() };

    public static DiagnosticSpec Cargo { get; } = new() { Lines = [CargoLine()], FollowLocation = CargoArrow(), Summary = CargoSummary() };

    public static DiagnosticSpec Go { get; } = new() { Lines = [GoLine()], Summary = GoSummary() };

    public static DiagnosticSpec MixCompile { get; } = new()
    {
        Lines = [ElixirOld(), ElixirLine()],
        FollowLocation = ElixirLocation(),
        Summary = ElixirSummary(),
    };

    public static DiagnosticSpec Eslint { get; } = new()
    {
        Lines = [EslintStylish(), EslintUnix()],
        FileHeader = EslintFile(),
        Summary = EslintSummary(),
        Linter = true,
    };

    public static DiagnosticSpec Ruff { get; } = new()
    {
        Lines = [RuffConcise(), RuffFull()],
        FollowLocation = RuffArrow(),
        Summary = RuffSummary(),
        Linter = true,
    };

    public static DiagnosticSpec Flake8 { get; } = new() { Lines = [RuffConcise()], Summary = Flake8Summary(), Linter = true };

    public static DiagnosticSpec Mypy { get; } = new() { Lines = [MypyLine()], Summary = MypySummary(), Linter = true };

    public static DiagnosticSpec Credo { get; } = new()
    {
        Lines = [CredoLine()],
        FollowLocation = CredoLocation(),
        Summary = CredoSummary(),
        Linter = true,
    };

    public static DiagnosticSpec Rubocop { get; } = new() { Lines = [RubocopLine()], Summary = RubocopSummary(), Linter = true };

    [GeneratedRegex(@"^(?<file>[^\s(][^(]*)\((?<line>\d+),\d+\): (?<sev>error|warning) (?<code>TS\d+): (?<msg>.+)$")]
    private static partial Regex TscParen();

    [GeneratedRegex(@"^(?<file>\S+):(?<line>\d+):\d+ - (?<sev>error|warning) (?<code>TS\d+): (?<msg>.+)$")]
    private static partial Regex TscPretty();

    [GeneratedRegex(@"^Found \d+ errors?")]
    private static partial Regex TscSummary();

    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(]*?)\((?<line>\d+)(,\d+)?(,\d+,\d+)?\): (?<sev>error|warning) (?<code>[A-Z]+\d+): (?<msg>.+?)(\s+\[[^\]]+\])?$")]
    private static partial Regex MsBuildLine();

    [GeneratedRegex(@"^\s*(?<file>\S+) : (?<sev>error|warning) (?<code>[A-Z]+\d+): (?<msg>.+?)(\s+\[[^\]]+\])?$")]
    private static partial Regex MsBuildProject();

    [GeneratedRegex(@"^(Build (succeeded|FAILED)\.?|Build (succeeded|failed)( with .*)? in |Restore (succeeded|failed)|\s+\d+ (Warning|Error)\(s\)$|Time Elapsed )")]
    private static partial Regex MsBuildSummary();

    [GeneratedRegex(@"^(?<sev>error|warning)(\[(?<code>E\d+|[\w:]+)\])?: (?<msg>.+)$")]
    private static partial Regex CargoLine();

    [GeneratedRegex(@"^\s*--> (?<file>[^:\s]+):(?<line>\d+):\d+")]
    private static partial Regex CargoArrow();

    [GeneratedRegex(@"^error: (could not compile|aborting due to)|^warning: `\S+` \(.*\) generated \d+|^warning: build failed|^\s+Finished ")]
    private static partial Regex CargoSummary();

    [GeneratedRegex(@"^(vet: )?(?<file>[^\s:]+\.go):(?<line>\d+)(:\d+)?: (?<msg>.+)$")]
    private static partial Regex GoLine();

    [GeneratedRegex(@"^FAIL\s|^exit status \d+")]
    private static partial Regex GoSummary();

    [GeneratedRegex(@"^\*\* \((?<code>\w+)\) (?<file>[^\s:]+):(?<line>\d+):(\d+:)? (?<msg>.+)$")]
    private static partial Regex ElixirOld();

    [GeneratedRegex(@"^\s*(?<sev>error|warning): (?<msg>.+)$")]
    private static partial Regex ElixirLine();

    [GeneratedRegex(@"└─ (?<file>[^\s:]+):(?<line>\d+)|^\s{2,}(?<file>[^\s:]+\.exs?):(?<line>\d+)(:\d+)?(: |$)")]
    private static partial Regex ElixirLocation();

    [GeneratedRegex(@"^(Compilation failed|\*\* \(CompileError\) [^:]+: cannot compile)")]
    private static partial Regex ElixirSummary();

    [GeneratedRegex(@"^\s+(?<line>\d+):\d+\s+(?<sev>error|warning)\s+(?<msg>.+?)(\s{2,}(?<code>[\w@/-]+))?$")]
    private static partial Regex EslintStylish();

    [GeneratedRegex(@"^(?<file>[^\s:]+):(?<line>\d+):\d+: (?<msg>.+) \[(?<sev>Error|Warning)/(?<code>[\w@/-]+)\]$")]
    private static partial Regex EslintUnix();

    [GeneratedRegex(@"^(?<file>(/|[A-Za-z]:\\|\.{0,2}[\w@-])\S*\.[A-Za-z]{1,5})$")]
    private static partial Regex EslintFile();

    [GeneratedRegex(@"^✖ \d+ problems?|^\s+\d+ errors? and \d+ warnings? potentially fixable")]
    private static partial Regex EslintSummary();

    [GeneratedRegex(@"^(?<file>[^\s:]+):(?<line>\d+):\d+: (?<code>[A-Z]+\d+) (\[\*\] )?(?<msg>.+)$")]
    private static partial Regex RuffConcise();

    [GeneratedRegex(@"^(?<code>[A-Z]+\d+) (\[\*\] )?(?<msg>.+)$")]
    private static partial Regex RuffFull();

    [GeneratedRegex(@"^\s*--> (?<file>[^:\s]+):(?<line>\d+):\d+")]
    private static partial Regex RuffArrow();

    [GeneratedRegex(@"^Found \d+ errors?|^\[\*\] \d+ fixable|^All checks passed|^No fixes available")]
    private static partial Regex RuffSummary();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Flake8Summary();

    [GeneratedRegex(@"^(?<file>[^\s:]+):(?<line>\d+):(\d+:)? (?<sev>error|warning|note): (?<msg>.+?)(\s+\[(?<code>[\w-]+)\])?$")]
    private static partial Regex MypyLine();

    [GeneratedRegex(@"^Found \d+ errors? in \d+ files?|^Success: ")]
    private static partial Regex MypySummary();

    [GeneratedRegex(@"^┃ \[(?<code>[A-Z])\] \S (?<msg>.+)$")]
    private static partial Regex CredoLine();

    [GeneratedRegex(@"^┃\s+(?<file>[^\s:]+):(?<line>\d+)(:\d+)?\s")]
    private static partial Regex CredoLocation();

    [GeneratedRegex(@"^\d+ mods?/funs?, found|^Analysis took |^Checking \d+ source files|found no issues")]
    private static partial Regex CredoSummary();

    [GeneratedRegex(@"^(?<file>[^\s:]+):(?<line>\d+):\d+: (?<sev>[CWEFR]): (\[Correctable\] )?(?<code>[\w/]+): (?<msg>.+)$")]
    private static partial Regex RubocopLine();

    [GeneratedRegex(@"^\d+ files? inspected")]
    private static partial Regex RubocopSummary();
}
