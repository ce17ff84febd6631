using System.Text.Json.Nodes;
using Outloop.Ingestion.Hooks;

namespace Outloop.Cli.Tests.Commands;

public sealed class InitCommandTests : IDisposable
{
    private readonly string _project = Path.Combine(Path.GetTempPath(), "outloop-cli-tests", Guid.NewGuid().ToString("N"));

    public InitCommandTests() => Directory.CreateDirectory(_project);

    private string Settings => Path.Combine(_project, ".claude", "settings.json");

    public void Dispose() => Directory.Delete(_project, recursive: true);

    [Fact]
    public async Task InitInstallsOnceKeepsExistingHooksAndRemoveRestores()
    {
        const string existing = """{"hooks":{"Stop":[{"hooks":[{"type":"command","command":"say done"}]}]},"model":"opus"}""";
        Directory.CreateDirectory(Path.GetDirectoryName(Settings)!);
        await File.WriteAllTextAsync(Settings, existing, TestContext.Current.CancellationToken);

        var (exit, output, _) = await CliRun.Run("init", "claude", "--project", _project);

        Assert.Equal(0, exit);
        Assert.Contains($"Outloop's hook is installed in {Settings}: 13 event(s) added, 0 updated.", output, StringComparison.Ordinal);
        Assert.Contains("Backup of the previous file: ", output, StringComparison.Ordinal);
        var stop = JsonNode.Parse(await File.ReadAllTextAsync(Settings, TestContext.Current.CancellationToken))!["hooks"]!["Stop"]!.AsArray();
        Assert.Equal("say done", (string?)stop[0]!["hooks"]![0]!["command"]);
        Assert.True(HookCommandLine.IsOutloopHook((string)stop[1]!["hooks"]![0]!["command"]!));

        var (_, again, _) = await CliRun.Run("init", "claude", "--project", _project);
        Assert.Contains("already installed", again, StringComparison.Ordinal);

        var (_, removed, _) = await CliRun.Run("init", "claude", "--project", _project, "--remove");
        Assert.Contains("Removed 13 Outloop hook handler(s)", removed, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(existing), JsonNode.Parse(await File.ReadAllTextAsync(Settings, TestContext.Current.CancellationToken))));
    }

    [Fact]
    public async Task InitCompactPutsTheFlagsOnTheToolHandlersOnlyIdempotentlyAndRemoveTakesThemOut()
    {
        var (exit, output, _) = await CliRun.Run("init", "claude", "--project", _project, "--compact");

        Assert.Equal(0, exit);
        Assert.Contains("Output compaction: on (PostToolUse", output, StringComparison.Ordinal);
        Assert.EndsWith(" --compact", Command("PostToolUse"), StringComparison.Ordinal);
        Assert.DoesNotContain("--rewrite", Command("PreToolUse"), StringComparison.Ordinal);
        Assert.DoesNotContain("--compact", Command("Stop"), StringComparison.Ordinal);
        Assert.All(Handlers(), h => Assert.True(HookCommandLine.IsOutloopHook(h)));
        Assert.Equal(13, Handlers().Count);

        var (_, again, _) = await CliRun.Run("init", "claude", "--project", _project, "--compact");
        Assert.Contains("already installed", again, StringComparison.Ordinal);

        var (_, all, _) = await CliRun.Run("init", "claude", "--project", _project, "--compact", "all");
        Assert.Contains("0 event(s) added, 1 updated", all, StringComparison.Ordinal);
        Assert.EndsWith(" --rewrite", Command("PreToolUse"), StringComparison.Ordinal);
        Assert.EndsWith(" --compact", Command("PostToolUse"), StringComparison.Ordinal);
        Assert.Equal(13, Handlers().Count);

        var (_, off, _) = await CliRun.Run("init", "claude", "--project", _project);
        Assert.Contains("Output compaction: off", off, StringComparison.Ordinal);
        Assert.DoesNotContain(Handlers(), h => h.Contains("--compact", StringComparison.Ordinal) || h.Contains("--rewrite", StringComparison.Ordinal));

        await CliRun.Run("init", "claude", "--project", _project, "--compact", "rewrite");
        var (_, removed, _) = await CliRun.Run("init", "claude", "--project", _project, "--remove");
        Assert.Contains("Removed 13 Outloop hook handler(s)", removed, StringComparison.Ordinal);
        Assert.Empty(Handlers());
    }

    [Fact]
    public async Task AnUnknownCompactModeIsAUsageError()
    {
        var (exit, _, error) = await CliRun.Run("init", "claude", "--project", _project, "--compact", "everything");

        Assert.NotEqual(0, exit);
        Assert.Contains("everything", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Settings));
    }

    private string Command(string eventName) =>
        (string)JsonNode.Parse(File.ReadAllText(Settings))!["hooks"]![eventName]![0]!["hooks"]![0]!["command"]!;

    private List<string> Handlers()
    {
        var hooks = JsonNode.Parse(File.ReadAllText(Settings))!["hooks"]?.AsObject();
        return hooks is null
            ? []
            : [.. hooks.SelectMany(e => e.Value!.AsArray()).SelectMany(g => g!["hooks"]!.AsArray()).Select(h => (string)h!["command"]!)];
    }

    [Fact]
    public async Task UserAndProjectTogetherAreAUsageError()
    {
        var (exit, _, error) = await CliRun.Run("init", "claude", "--user", "--project", _project);

        Assert.Equal(2, exit);
        Assert.Contains("Choose one of --user and --project", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitMakesClaudeMdImportTheGuidelinesAndInitAgentsAddsTheManagedSection()
    {
        Directory.CreateDirectory(Path.Combine(_project, ".outloop", "guidelines"));
        await File.WriteAllTextAsync(Path.Combine(_project, ".outloop", "guidelines", "testing.md"), "- Run the failing test first\n", TestContext.Current.CancellationToken);

        var (exit, output, _) = await CliRun.Run("init", "claude", "--project", _project);

        Assert.Equal(0, exit);
        Assert.Contains("Updated CLAUDE.md", output, StringComparison.Ordinal);
        Assert.Equal("@.outloop/guidelines/testing.md\n", await File.ReadAllTextAsync(Path.Combine(_project, "CLAUDE.md"), TestContext.Current.CancellationToken));
        Assert.False(File.Exists(Path.Combine(_project, "AGENTS.md")));

        var (agentsExit, agentsOutput, _) = await CliRun.Run("init", "agents", "--project", _project);

        Assert.Equal(0, agentsExit);
        Assert.Contains("has Outloop's managed section", agentsOutput, StringComparison.Ordinal);
        var agents = await File.ReadAllTextAsync(Path.Combine(_project, "AGENTS.md"), TestContext.Current.CancellationToken);
        Assert.Contains("- Run the failing test first", agents, StringComparison.Ordinal);
        var (_, again, _) = await CliRun.Run("init", "agents", "--project", _project);
        Assert.Contains("nothing changed", again, StringComparison.Ordinal);
    }
}
