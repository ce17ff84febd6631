using Outloop.Automation.Tools;
using Outloop.Patterns;
using Outloop.Storage;

namespace Outloop.Cli.Tests.Commands;

public sealed class ToolsCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outloop-cli-tests", Guid.NewGuid().ToString("N"));

    public ToolsCommandTests() => Directory.CreateDirectory(_folder);

    private string Db => Path.Combine(_folder, "store.db");

    private string Yaml => Path.Combine(_folder, ".outloop", "tools.yaml");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AddDisableEnableAndRemoveArePersistedInTheYamlAndTheStore()
    {
        var (addExit, _, addError) = await Tools("add", "run-tests", "--pattern", "run the tests", "--", "pytest", "-q");
        var (disableExit, _, _) = await Tools("disable", "run-tests");
        var afterDisable = ToolRegistryFile.Load(Yaml).Find("run-tests")!;
        var storedDisabled = Stored("run-tests")!;
        await Tools("enable", "run-tests");
        var (_, list, _) = await Tools("list");
        var (_, show, _) = await Tools("show", "run-tests");
        await Tools("remove", "run-tests");

        Assert.True(addExit == 0, addError);
        Assert.Equal(0, disableExit);
        Assert.Equal(ToolStatus.Disabled, afterDisable.Status);
        Assert.Equal(["pytest", "-q"], afterDisable.Command);
        Assert.Equal(ToolStatus.Disabled, storedDisabled.Status);
        Assert.Equal(["run the tests"], storedDisabled.InputPatterns);
        Assert.Contains("run-tests                     active", list, StringComparison.Ordinal);
        Assert.Contains("input patterns: run the tests", show, StringComparison.Ordinal);
        Assert.Null(ToolRegistryFile.Load(Yaml).Find("run-tests"));
        Assert.Null(Stored("run-tests"));
    }

    [Fact]
    public async Task RouteKeepsRunCountsAcrossRunsAndDisablesAFailingToolAfterFiveRuns()
    {
        await Tools("add", "run-tests", "--pattern", "run the tests", "--", "bash", "-c", "exit 3");
        var results = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            var (exit, _, _) = await CliRun.Run("route", "run the tests", "--tools", Yaml, "--db", Db, "--agent-command", "printf agent");
            results.Add(exit);
        }

        var stored = Stored("run-tests")!;

        Assert.All(results, e => Assert.Equal(0, e));
        Assert.Equal((5, 0, ToolStatus.Disabled), (stored.Runs, stored.Successes, stored.Status));
    }

    [Fact]
    public async Task GenerateWritesAnExecutableScriptThatCompactsAndKeepsTheExitCode()
    {
        CandidatesCommandTests.WritePatterns(Db, ("test:pytest:all", 6, 80, 5.0));
        var id = PatternIds.Make(PatternKind.Operation, "test:pytest:all");

        var (exit, output, error) = await Tools("generate", id);

        Assert.True(exit == 0, error);
        var script = Path.Combine(_folder, ".outloop", "tools", "test-pytest-all.sh");
        Assert.Contains(script, output, StringComparison.Ordinal);
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute));
        Assert.EndsWith("exec \"${OUTLOOP:-outloop}\" compact -- pytest -q \"$@\"\n", await File.ReadAllTextAsync(script, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var tool = ToolRegistryFile.Load(Yaml).Find("test-pytest-all")!;
        Assert.Equal(["bash", script], tool.Command);
        Assert.Equal(id, Stored("test-pytest-all")!.PatternId);
    }

    [Fact]
    public async Task CompactRunsTheArgumentArrayAndPreservesItsExitCode()
    {
        var (exit, output, _) = await CliRun.Run("compact", "--", "bash", "-c", "echo 'hello; $(rm -rf /)'; exit 4");

        Assert.Equal(4, exit);
        Assert.Contains("hello; $(rm -rf /)", output, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Out, string Error)> Tools(params string[] args) =>
        CliRun.Run(["tools", .. args.TakeWhile(a => a != "--"), "--project", _folder, "--db", Db, .. args.SkipWhile(a => a != "--")]);

    private StoredTool? Stored(string name)
    {
        using var store = SqliteStore.Open(Db);
        return new SqliteToolStore(store).Find(name);
    }
}
