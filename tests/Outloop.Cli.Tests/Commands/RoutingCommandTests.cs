using System.CommandLine;
using System.Text.Json;
using Outloop.Cli.Commands;

namespace Outloop.Cli.Tests.Commands;

public sealed class RoutingCommandTests : IDisposable
{
    private const string Tools = """
        tools:
          - name: run-tests
            command: ["bash", "-c", "echo tests ok"]
            description: Run the test suite.
            input_patterns: ["run the tests", "pytest"]
          - name: run-build
            command: ["bash", "-c", "echo build ok"]
            input_patterns: ["build the project", "compile"]
        """;

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"outloop-cli-routing-{Guid.NewGuid():N}");

    public RoutingCommandTests()
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(ToolsPath, Tools);
        File.WriteAllLines(CasesPath,
        [
            """{"input": "run the tests", "expected": "run-tests"}""",
            """{"input": "compile it", "expected": "run-build"}""",
            """{"input": "fix the login bug", "expected": null}""",
        ]);
    }

    private string ToolsPath => Path.Combine(folder, "tools.yaml");

    private string DbPath => Path.Combine(folder, "store.db");

    private string CasesPath => Path.Combine(folder, "cases.jsonl");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task BenchRoutingJsonHasExactlyTheDocumentedShape()
    {
        var (code, output) = await RunAsync(
            new RootCommand { new Command("bench") { BenchRoutingCommand.Create(Console(out var writer)) } },
            writer,
            ["bench", "routing", CasesPath, "--tools", ToolsPath, "--json"]);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["cases", "accuracy", "abstentionAccuracy", "wrongRoutes", "perTool", "latencyP99Ms"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, root.GetProperty("cases").GetInt32());
        Assert.Equal(1.0, root.GetProperty("accuracy").GetDouble());
        Assert.Equal(1.0, root.GetProperty("abstentionAccuracy").GetDouble());
        Assert.Equal(0, root.GetProperty("wrongRoutes").GetInt32());
        var tests = root.GetProperty("perTool").GetProperty("run-tests");
        Assert.Equal(["precision", "recall"], tests.EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("latencyP99Ms").GetDouble() > 0);
    }

    [Fact]
    public async Task BenchRoutingCanAddSyntheticTargetsForTheLatencyMeasurement()
    {
        var (code, output) = await RunAsync(
            new RootCommand { new Command("bench") { BenchRoutingCommand.Create(Console(out var writer)) } },
            writer,
            ["bench", "routing", CasesPath, "--tools", ToolsPath, "--synthetic", "500"]);

        Assert.Equal(0, code);
        Assert.Contains("502 targets", output, StringComparison.Ordinal);
        Assert.Contains("accuracy 1.000", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteIsRegisteredAndADryRunShowsTheDecisionWithoutRunning()
    {
        var console = Console(out var writer);

        var code = await CliApp.RunAsync(["route", "pytest please", "--dry-run", "--json", "--tools", ToolsPath, "--db", DbPath], console, TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(writer.ToString());
        var decision = json.RootElement.GetProperty("decision");
        Assert.True(decision.GetProperty("routed").GetBoolean());
        Assert.Equal("run-tests", decision.GetProperty("target").GetString());
        Assert.True(json.RootElement.GetProperty("outcome").GetProperty("dryRun").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("outcome").GetProperty("toolExitCode").ValueKind);
    }

    [Fact]
    public async Task RouteRunsTheToolAndPrintsItsOutput()
    {
        var console = Console(out var writer);

        var code = await CliApp.RunAsync(["route", "run the tests", "--tools", ToolsPath, "--db", DbPath], console, TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        var output = writer.ToString();
        Assert.StartsWith("route: run-tests (confidence 100)", output, StringComparison.Ordinal);
        Assert.Contains("tests ok", output, StringComparison.Ordinal);
        Assert.Contains("tokens saved", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAbstentionGoesToTheAgentCommand()
    {
        var console = Console(out var writer);

        var code = await CliApp.RunAsync(
            ["route", "refactor the payment service", "--tools", ToolsPath, "--db", DbPath, "--agent-command", "printf [%s]"], console, TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        Assert.EndsWith("[refactor the payment service]", writer.ToString(), StringComparison.Ordinal);
    }

    private static CliConsole Console(out StringWriter writer)
    {
        writer = new StringWriter();
        return new CliConsole(writer, new StringWriter(), IsTerminal: false);
    }

    private static async Task<(int Code, string Output)> RunAsync(RootCommand root, StringWriter writer, string[] args)
    {
        var code = await root.Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        return (code, writer.ToString());
    }
}
