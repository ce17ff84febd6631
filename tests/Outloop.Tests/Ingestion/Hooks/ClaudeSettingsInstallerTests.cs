using System.Text.Json.Nodes;
using Outloop.Ingestion.Hooks;
using Outloop.Tests.Support;

namespace Outloop.Tests.Ingestion.Hooks;

public sealed class ClaudeSettingsInstallerTests : IDisposable
{
    private const string Command = "/opt/outloop/outloop-hook";

    private const string ExistingSettings = """
        {
          "model": "opus",
          "permissions": { "allow": ["Bash(npm test)"], "deny": [] },
          "hooks": {
            "PreToolUse": [
              { "matcher": "Bash", "hooks": [ { "type": "command", "command": "/home/me/bin/block-rm.sh", "timeout": 30 } ] }
            ],
            "Stop": [ { "hooks": [ { "type": "command", "command": "say done" } ] } ]
          },
          "statusLine": { "type": "command", "command": "ccstatus" }
        }
        """;

    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    private string SettingsPath => _folder.File(".claude/settings.json");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void InstallAddsOneHandlerToEveryEventOfAFreshFile()
    {
        var change = ClaudeSettingsInstaller.Install(SettingsPath, Command, Now);

        Assert.Equal(ClaudeSettingsInstaller.Events, change.EventsAdded);
        Assert.Null(change.BackupPath);
        var hooks = Read()["hooks"]!.AsObject();
        Assert.Equal(ClaudeSettingsInstaller.Events, hooks.Select(p => p.Key));
        foreach (var (eventName, groups) in hooks)
        {
            var group = Assert.Single(groups!.AsArray())!.AsObject();
            var handler = Assert.Single(group["hooks"]!.AsArray())!;
            Assert.Equal("command", (string?)handler["type"]);
            Assert.Equal(Command, (string?)handler["command"]);
            Assert.Equal(ClaudeSettingsInstaller.TimeoutSeconds, (int)handler["timeout"]!);
            Assert.Equal(eventName is "UserPromptSubmit" or "Stop" ? null : "*", (string?)group["matcher"]);
        }
    }

    [Fact]
    public void InstallKeepsTheUsersHooksAndSettingsInOrderAndBacksUpTheFile()
    {
        Write(ExistingSettings);

        var change = ClaudeSettingsInstaller.Install(SettingsPath, Command, Now);

        var settings = Read();
        Assert.Equal(["model", "permissions", "hooks", "statusLine"], settings.Select(p => p.Key));
        Assert.Equal("opus", (string?)settings["model"]);
        Assert.Equal("ccstatus", (string?)settings["statusLine"]!["command"]);
        var preToolUse = settings["hooks"]!["PreToolUse"]!.AsArray();
        Assert.Equal(2, preToolUse.Count);
        Assert.Equal("/home/me/bin/block-rm.sh", (string?)preToolUse[0]!["hooks"]![0]!["command"]);
        Assert.Equal("Bash", (string?)preToolUse[0]!["matcher"]);
        Assert.Equal(Command, (string?)preToolUse[1]!["hooks"]![0]!["command"]);
        Assert.Equal("say done", (string?)settings["hooks"]!["Stop"]![0]!["hooks"]![0]!["command"]);
        Assert.NotNull(change.BackupPath);
        Assert.StartsWith(SettingsPath + ".outloop-backup-", change.BackupPath, StringComparison.Ordinal);
        Assert.Equal(ExistingSettings, File.ReadAllText(change.BackupPath));
    }

    [Fact]
    public void InstallingTwiceChangesNothingTheSecondTime()
    {
        Write(ExistingSettings);
        ClaudeSettingsInstaller.Install(SettingsPath, Command, Now);
        var once = File.ReadAllText(SettingsPath);

        var second = ClaudeSettingsInstaller.Install(SettingsPath, Command, Now.AddMinutes(1));

        Assert.False(second.Changed);
        Assert.Null(second.BackupPath);
        Assert.Equal(once, File.ReadAllText(SettingsPath));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(SettingsPath)!, "*.outloop-backup-*"));
    }

    [Fact]
    public void InstallingFromANewPlaceUpdatesTheHandlerInsteadOfAddingOne()
    {
        ClaudeSettingsInstaller.Install(SettingsPath, "/usr/bin/dotnet /old/Outloop.Cli.dll hook", Now);

        var change = ClaudeSettingsInstaller.Install(SettingsPath, Command, Now.AddMinutes(1));

        Assert.Empty(change.EventsAdded);
        Assert.Equal(ClaudeSettingsInstaller.Events, change.EventsUpdated);
        var handlers = Read()["hooks"]!.AsObject().SelectMany(p => p.Value!.AsArray()).SelectMany(g => g!["hooks"]!.AsArray()).ToList();
        Assert.Equal(ClaudeSettingsInstaller.Events.Count, handlers.Count);
        Assert.All(handlers, h => Assert.Equal(Command, (string?)h!["command"]));
    }

    [Fact]
    public void RemoveTakesOutExactlyOutloopsHandlersAndRestoresTheFile()
    {
        Write(ExistingSettings);
        ClaudeSettingsInstaller.Install(SettingsPath, Command, Now);

        var change = ClaudeSettingsInstaller.Remove(SettingsPath, Now.AddMinutes(1));

        Assert.Equal(ClaudeSettingsInstaller.Events.Count, change.HandlersRemoved);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ExistingSettings), Read()), File.ReadAllText(SettingsPath));
        Assert.NotNull(change.BackupPath);
    }

    [Fact]
    public void RemoveAfterInstallOnAFileWithoutHooksLeavesNoHooksKey()
    {
        Write("""{ "model": "sonnet" }""");
        ClaudeSettingsInstaller.Install(SettingsPath, "'/home/me/my tools/Outloop.Cli' hook --db /data/o.db", Now);

        ClaudeSettingsInstaller.Remove(SettingsPath, Now);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "model": "sonnet" }"""), Read()));
    }

    [Fact]
    public void RemoveWithoutOutloopHandlersChangesNothing()
    {
        Write(ExistingSettings);

        var change = ClaudeSettingsInstaller.Remove(SettingsPath, Now);

        Assert.False(change.Changed);
        Assert.Equal(ExistingSettings, File.ReadAllText(SettingsPath));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(SettingsPath)!, "*.outloop-backup-*"));
    }

    [Fact]
    public void InvalidSettingsAreReportedAndLeftUntouched()
    {
        Write("{ \"hooks\": ");

        var error = Assert.Throws<OutloopException>(() => ClaudeSettingsInstaller.Install(SettingsPath, Command, Now));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal("{ \"hooks\": ", File.ReadAllText(SettingsPath));
    }

    [Theory]
    [InlineData(null, "/home/me/.claude/settings.json")]
    [InlineData("/cfg/claude", "/cfg/claude/settings.json")]
    [InlineData("/cfg/a, /cfg/b", "/cfg/a/settings.json")]
    public void UserSettingsFollowClaudeConfigDir(string? configDir, string expected) =>
        Assert.Equal(expected, ClaudeSettingsInstaller.UserSettingsPath(configDir, "/home/me"));

    [Fact]
    public void ProjectSettingsAreInTheProjectsClaudeFolder() =>
        Assert.Equal("/work/app/.claude/settings.json", ClaudeSettingsInstaller.ProjectSettingsPath("/work/app"));

    private void Write(string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SettingsPath)!);
        File.WriteAllText(SettingsPath, text);
    }

    private JsonObject Read() => JsonNode.Parse(File.ReadAllText(SettingsPath))!.AsObject();
}
