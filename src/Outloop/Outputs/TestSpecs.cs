using System.Text.RegularExpressions;

namespace Outloop.Outputs;

/// <summary>The failure-block layout of each test runner <see cref="BlockDigestReader"/> reads.</summary>
internal static partial class TestSpecs
{
    public static BlockSpec? For(string runner) => runner switch
    {
        Runners.Pytest => Pytest,
        Runners.Unittest => Unittest,
        Runners.MixTest => ExUnit,
        Runners.Jest => Jest,
        Runners.Vitest => Vitest,
        Runners.Mocha => Mocha,
        Runners.Playwright => Playwright,
        Runners.GoTest => GoTest,
        Runners.CargoTest => CargoTest,
        Runners.Rspec => Rspec,
        Runners.DotnetTest => DotnetTest,
        Runners.Maven => Maven,
        Runners.Gradle => Gradle,
        _ => null,
    };

    // pytest (default, -q, -v, --tb=short): blocks under FAILURES / ERRORS, named by an underscore rule.
    public static BlockSpec Pytest { get; } = new()
    {
        Start = PytestStart(),
        End = PytestSection(),
        Summary = PytestSummary(),
        Head = PytestHead(),
        BodyKeep = PytestKeep(),
        Locations = [PytestLocation(), PythonFrame()],
        LastLocation = true,
        Message = PytestMessage(),
        Warning = PythonWarning(),
        GroupNodeIds = true,
    };

    // unittest and Django's runtests.py / manage.py test.
    public static BlockSpec Unittest { get; } = new()
    {
        Start = UnittestStart(),
        End = UnittestEnd(),
        Summary = UnittestSummary(),
        BodyKeep = UnittestKeep(),
        Locations = [PythonFrame()],
        LastLocation = true,
        Message = PythonException(),
    };

    public static BlockSpec ExUnit { get; } = new()
    {
        Start = ExUnitStart(),
        EndsWhenDedented = true,
        Summary = ExUnitSummary(),
        Head = ExUnitHead(),
        BodyDrop = ExUnitDrop(),
        Locations = [ExUnitLocation()],
        Warning = ExUnitWarning(),
    };

    public static BlockSpec Jest { get; } = new()
    {
        Start = JestStart(),
        End = JestEnd(),
        Summary = JestSummary(),
        Head = JestHead(),
        Locations = [JsFrame()],
    };

    public static BlockSpec Vitest { get; } = new()
    {
        Start = VitestStart(),
        End = VitestEnd(),
        Summary = VitestSummary(),
        BodyDrop = VitestDrop(),
        Locations = [VitestLocation(), JsFrame()],
    };

    public static BlockSpec Mocha { get; } = new()
    {
        Activate = MochaFailing(),
        Start = NumberedStart(),
        Summary = MochaSummary(),
        Locations = [JsFrame()],
        NameEndsWithColon = true,
    };

    public static BlockSpec Playwright { get; } = new()
    {
        Start = PlaywrightStart(),
        Summary = PlaywrightSummary(),
        Locations = [AnyLocation()],
    };

    public static BlockSpec GoTest { get; } = new()
    {
        Start = GoFail(),
        End = GoEnd(),
        Summary = GoSummary(),
        Head = GoHead(),
        Locations = [GoLocation()],
    };

    public static BlockSpec CargoTest { get; } = new()
    {
        Start = CargoStart(),
        End = CargoEnd(),
        Summary = CargoSummary(),
        BodyDrop = CargoDrop(),
        Locations = [CargoPanic()],
    };

    public static BlockSpec Rspec { get; } = new()
    {
        Activate = RspecFailures(),
        Start = NumberedStart(),
        Summary = RspecSummary(),
        Head = RspecHead(),
        Locations = [RspecLocation()],
    };

    public static BlockSpec DotnetTest { get; } = new()
    {
        Start = DotnetStart(),
        End = DotnetEnd(),
        Summary = DotnetSummary(),
        Head = DotnetHead(),
        BodyDrop = DotnetDrop(),
        Locations = [DotnetLocation()],
    };

    public static BlockSpec Maven { get; } = new()
    {
        Start = MavenStart(),
        End = MavenEnd(),
        Summary = MavenSummary(),
        Head = MavenHead(),
        Locations = [JvmFrame()],
        Warning = MavenWarning(),
    };

    public static BlockSpec Gradle { get; } = new()
    {
        Start = GradleStart(),
        EndsWhenDedented = true,
        Summary = GradleSummary(),
        Head = GradleHead(),
        Locations = [JvmFrame()],
    };

    [GeneratedRegex(@"^_{3,} (?<name>.+?) _{3,}$")]
    private static partial Regex PytestStart();

    [GeneratedRegex(@"^={3,} .+ ={3,}$")]
    private static partial Regex PytestSection();

    [GeneratedRegex(@"^(FAILED|ERROR|XPASS) \S|^=+ .*\b\d+ (passed|failed|errors?|skipped|deselected|xfailed|xpassed)\b.*=+$|^=+ no tests ran.*=+$|^=+ tests finished: .*=+$|^DO \*NOT\* COMMIT|^\d+ (passed|failed|errors?|skipped|deselected)\b.* in [\d.]+s|^no tests ran|^Interrupted: ")]
    private static partial Regex PytestSummary();

    [GeneratedRegex(@"^(ERROR: |ImportError while |E\s)")]
    private static partial Regex PytestHead();

    [GeneratedRegex(@"^(>|E\s|[^\s:]+\.py:\d+: |\s*File "".+"", line \d+|_ _ _|[\w.]*(Error|Exception): )")]
    private static partial Regex PytestKeep();

    [GeneratedRegex(@"^(?<file>[^\s:]+\.py):(?<line>\d+): ")]
    private static partial Regex PytestLocation();

    [GeneratedRegex(@"^E\s+(?<msg>\S.*)$")]
    private static partial Regex PytestMessage();

    [GeneratedRegex(@"\w+Warning: ")]
    private static partial Regex PythonWarning();

    [GeneratedRegex(@"File ""(?<file>[^""]+)"", line (?<line>\d+)")]
    private static partial Regex PythonFrame();

    [GeneratedRegex(@"^(FAIL|ERROR|UNEXPECTED SUCCESS): (?<name>.+)$")]
    private static partial Regex UnittestStart();

    [GeneratedRegex(@"^={20,}$")]
    private static partial Regex UnittestEnd();

    [GeneratedRegex(@"^Ran \d+ tests? in |^(OK|FAILED)( \(.+\))?$")]
    private static partial Regex UnittestSummary();

    [GeneratedRegex(@"^(Traceback|\s*File ""|\S)")]
    private static partial Regex UnittestKeep();

    [GeneratedRegex(@"^(?<msg>([\w.]+\.)?\w*(Error|Exception|Failure|Exit|Interrupt)\b.*)$")]
    private static partial Regex PythonException();

    [GeneratedRegex(@"^\s{1,4}\d+\) (?<name>(test|doctest|property) .+)$")]
    private static partial Regex ExUnitStart();

    [GeneratedRegex(@"^(Finished in [\d.]+ seconds|\d+ (doctests?|properties|property|tests?|failures?)(, \d+ [\w ]+)*$|Randomized with seed|There are no tests to run)")]
    private static partial Regex ExUnitSummary();

    [GeneratedRegex(@"^(== Compilation error|\*\* \(\w+)|^\s*error: |^\s*└─ .*:\d+")]
    private static partial Regex ExUnitHead();

    [GeneratedRegex(@"^\s+stacktrace:$")]
    private static partial Regex ExUnitDrop();

    [GeneratedRegex(@"^\s+(?<file>[^\s:]+\.exs?):(?<line>\d+)$")]
    private static partial Regex ExUnitLocation();

    [GeneratedRegex(@"^\s*warning: |^\d\d:\d\d:\d\d\.\d+ \[warn(ing)?\]")]
    private static partial Regex ExUnitWarning();

    [GeneratedRegex(@"^\s{2,4}● (?<name>.+)$")]
    private static partial Regex JestStart();

    [GeneratedRegex(@"^\s?(PASS|FAIL)\s+\S|^Summary of all failing tests$|^\s+console\.(log|warn|error|info)")]
    private static partial Regex JestEnd();

    [GeneratedRegex(@"^(Test Suites|Tests|Snapshots|Time):\s|^Ran all test suites")]
    private static partial Regex JestSummary();

    [GeneratedRegex(@"^\s?FAIL\s+\S")]
    private static partial Regex JestHead();

    [GeneratedRegex(@"\(?(?<file>[^()\s]+?\.[cm]?[jt]sx?):(?<line>\d+):\d+\)?")]
    private static partial Regex JsFrame();

    [GeneratedRegex(@"^\s*FAIL\s+(?<name>\S.* > .+?|\S+ \[ .+ \])\s*$")]
    private static partial Regex VitestStart();

    [GeneratedRegex(@"^\s*⎯{3,}|^\s*(stdout|stderr) \| ")]
    private static partial Regex VitestEnd();

    [GeneratedRegex(@"^\s*(Test Files|Tests|Errors|Duration)\s{2,}\S")]
    private static partial Regex VitestSummary();

    [GeneratedRegex(@"^\s+\d+\|\s|^\s+\|\s")]
    private static partial Regex VitestDrop();

    [GeneratedRegex(@"❯ (?<file>[^\s:]+):(?<line>\d+):\d+")]
    private static partial Regex VitestLocation();

    [GeneratedRegex(@"^\s+\d+ failing$")]
    private static partial Regex MochaFailing();

    [GeneratedRegex(@"^\s{1,4}\d+\) (?<name>.+)$")]
    private static partial Regex NumberedStart();

    [GeneratedRegex(@"^\s+\d+ (passing|failing|pending)\b")]
    private static partial Regex MochaSummary();

    [GeneratedRegex(@"^\s{1,4}\d+\) (?<name>\[[^\]]+\] › .+?)\s*─*$")]
    private static partial Regex PlaywrightStart();

    [GeneratedRegex(@"^\s+\d+ (failed|passed|flaky|skipped|did not run|interrupted)\b|^\s{4}\[[^\]]+\] › ")]
    private static partial Regex PlaywrightSummary();

    [GeneratedRegex(@"(?<file>[\w./-]+\.\w+):(?<line>\d+)(:\d+)?")]
    private static partial Regex AnyLocation();

    [GeneratedRegex(@"^\s*--- FAIL: (?<name>\S+)")]
    private static partial Regex GoFail();

    [GeneratedRegex(@"^\s*--- (PASS|SKIP): |^=== (RUN|PAUSE|CONT|NAME) ")]
    private static partial Regex GoEnd();

    [GeneratedRegex(@"^(FAIL|ok)\s+\S+\s+(\(cached\)|[\d.]+s|\[)|^FAIL$|^(\?|ok)\s+\S+\s+\[no test files\]")]
    private static partial Regex GoSummary();

    [GeneratedRegex(@"^panic: |^[^\s:]+\.go:\d+:\d+: |^# \S+$|^\s+\S+_test\.go:\d+ \+0x")]
    private static partial Regex GoHead();

    [GeneratedRegex(@"(?<file>[\w./-]+\.go):(?<line>\d+)")]
    private static partial Regex GoLocation();

    [GeneratedRegex(@"^---- (?<name>\S+) stdout ----$")]
    private static partial Regex CargoStart();

    [GeneratedRegex(@"^failures:$|^successes:$")]
    private static partial Regex CargoEnd();

    [GeneratedRegex(@"^test result: |^error: test failed|^error: \d+ targets? failed|^\s+Running (unittests |tests/)")]
    private static partial Regex CargoSummary();

    [GeneratedRegex(@"^note: run with `RUST_BACKTRACE")]
    private static partial Regex CargoDrop();

    [GeneratedRegex(@"panicked at (?:'.*', )?(?<file>[^\s:']+):(?<line>\d+):\d+")]
    private static partial Regex CargoPanic();

    [GeneratedRegex(@"^Failures:$")]
    private static partial Regex RspecFailures();

    [GeneratedRegex(@"^\d+ examples?, \d+ failures?|^Finished in |^rspec \./\S+:\d+ # ")]
    private static partial Regex RspecSummary();

    [GeneratedRegex(@"^An error occurred ")]
    private static partial Regex RspecHead();

    [GeneratedRegex(@"# (?<file>\./[^:\s]+):(?<line>\d+)")]
    private static partial Regex RspecLocation();

    [GeneratedRegex(@"^\s+Failed (?<name>\S.*?) \[[^\]]*\]$|^failed (?<name>\S.*?) \([\d.]+m?s\)$")]
    private static partial Regex DotnetStart();

    [GeneratedRegex(@"^\s*\[xUnit\.net |^\s+(Passed|Skipped) \S.* \[|^Results File:|^A total of |^(passed|skipped) \S.* \(")]
    private static partial Regex DotnetEnd();

    [GeneratedRegex(@"^\s*(Passed|Failed)!\s+- |^Total tests: |^\s+(Passed|Failed|Skipped|Total): +\d+$|^Test Run (Failed|Successful|Aborted)|^Test summary: |^\s+(total|failed|succeeded|skipped|duration): ")]
    private static partial Regex DotnetSummary();

    [GeneratedRegex(@": error [A-Z]+\d+: ")]
    private static partial Regex DotnetHead();

    [GeneratedRegex(@"^\s*(Error Message|Stack Trace):$")]
    private static partial Regex DotnetDrop();

    [GeneratedRegex(@" in (?<file>.+?):line (?<line>\d+)")]
    private static partial Regex DotnetLocation();

    [GeneratedRegex(@"^\[ERROR\] (?<name>\S+?(\(\S+\))?)\s+(--\s+)?Time elapsed: .*<<< (FAILURE|ERROR)!$")]
    private static partial Regex MavenStart();

    [GeneratedRegex(@"^\[\w+\]|^$")]
    private static partial Regex MavenEnd();

    [GeneratedRegex(@"^\[(ERROR|INFO|WARNING)\] (Tests run:(?!.* - in ).*|Tests run:.*<<< (FAILURE|ERROR)!.*|BUILD (SUCCESS|FAILURE)|Failures:|Errors:|Failed to execute goal.*|Total time:.*|COMPILATION ERROR.*)$|^\[ERROR\]\s{2,}\S")]
    private static partial Regex MavenSummary();

    [GeneratedRegex(@"^\[ERROR\] .*\.(java|kt|scala|groovy):\[?\d+")]
    private static partial Regex MavenHead();

    [GeneratedRegex(@"^\[WARNING\] ")]
    private static partial Regex MavenWarning();

    [GeneratedRegex(@"\((?<file>[\w$]+\.(java|kt|scala|groovy)):(?<line>\d+)\)")]
    private static partial Regex JvmFrame();

    [GeneratedRegex(@"^(?<name>\S.* > .+) FAILED$")]
    private static partial Regex GradleStart();

    [GeneratedRegex(@"^\d+ tests? completed|^BUILD (SUCCESSFUL|FAILED)|^FAILURE: |^> Task \S+ FAILED|^Execution failed for task|^> There were failing tests")]
    private static partial Regex GradleSummary();

    [GeneratedRegex(@"^e: |^\S+\.(java|kt):\d+: error: ")]
    private static partial Regex GradleHead();
}
