using System.Text.Json;

namespace Outloop.Cli.Tests.Commands;

public sealed class EffectivenessCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outloop-cli-tests", Guid.NewGuid().ToString("N"));

    public EffectivenessCommandTests() => Directory.CreateDirectory(Path.Combine(_folder, "project", ".outloop"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task WithoutAppliedGuidelinesItSaysSoAndTheJsonCarriesTheProjectsMinTasks()
    {
        var db = Path.Combine(_folder, "store.db");
        var project = Path.Combine(_folder, "project");
        await File.WriteAllTextAsync(Path.Combine(project, ".outloop", "config.yaml"), "effectiveness:\n  minTasks: 7\n", TestContext.Current.CancellationToken);

        var (exit, text, error) = await CliRun.Run("effectiveness", "--project", project, "--db", db);
        var (jsonExit, json, _) = await CliRun.Run("effectiveness", "--project", project, "--lookback-days", "14", "--json", "--db", db);

        Assert.True(exit == 0, error);
        Assert.Equal("No applied guideline yet: nothing to measure.", text.Trim());
        Assert.Equal(0, jsonExit);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(7, document.RootElement.GetProperty("minTasks").GetInt32());
        Assert.Equal(14, document.RootElement.GetProperty("lookbackDays").GetInt32());
        Assert.Equal(0, document.RootElement.GetProperty("guidelines").GetArrayLength());
    }
}
