using System.Text.Json;

namespace Outloop.Cli.Tests.Commands;

public sealed class ConfigCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outloop-cli-tests", Guid.NewGuid().ToString("N"));

    public ConfigCommandTests() => Directory.CreateDirectory(Path.Combine(_folder, ".outloop"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ConfigJsonShowsEachValueWithItsSource()
    {
        var file = Path.Combine(_folder, ".outloop", "config.yaml");
        await File.WriteAllTextAsync(file, "outerLoop:\n  maxProposals: 4\n", TestContext.Current.CancellationToken);

        var (exit, json, error) = await CliRun.Run("config", "--project", _folder, "--json");

        Assert.True(exit == 0, error);
        using var document = JsonDocument.Parse(json);
        var entries = document.RootElement.GetProperty("config").EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!);
        Assert.Equal(4, entries["outerLoop.maxProposals"].GetProperty("value").GetInt32());
        Assert.Equal(file + ":2", entries["outerLoop.maxProposals"].GetProperty("source").GetString());
        Assert.Equal(10, entries["outerLoop.triggers.afterTasks"].GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task UnknownKeyExitsWithUsageErrorNamingTheFile()
    {
        var file = Path.Combine(_folder, ".outloop", "config.yaml");
        await File.WriteAllTextAsync(file, "nonsense: 1\n", TestContext.Current.CancellationToken);

        var (exit, _, error) = await CliRun.Run("config", "--project", _folder);

        Assert.Equal(2, exit);
        Assert.Contains(file + ":1: unknown configuration key 'nonsense'", error, StringComparison.Ordinal);
    }
}
