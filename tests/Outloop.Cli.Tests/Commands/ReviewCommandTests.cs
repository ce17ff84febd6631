using System.Text.Json;

namespace Outloop.Cli.Tests.Commands;

public sealed class ReviewCommandTests : IDisposable
{
    private static readonly string[] Headings =
        ["## Summary", "## Patterns", "## Learnings", "## Guidelines Updated", "## Pending Proposals", "## Effectiveness", "## Loop Metrics", "## Recent Tasks"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outloop-cli-tests", Guid.NewGuid().ToString("N"));

    public ReviewCommandTests() => Directory.CreateDirectory(Path.Combine(_folder, "project"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ReviewIsNotDueWithoutTasksButForcedItWritesTheDigestWithEveryHeadingInOrder()
    {
        var db = Path.Combine(_folder, "store.db");
        var project = Path.Combine(_folder, "project");

        var (notDueExit, notDue, _) = await CliRun.Run("review", "--project", project, "--non-interactive", "--db", db);
        var (exit, json, error) = await CliRun.Run("review", "--project", project, "--non-interactive", "--force", "--json", "--db", db);
        var (listExit, list, _) = await CliRun.Run("proposals", "list", "--project", project, "--json", "--db", db);

        Assert.Equal(0, notDueExit);
        Assert.StartsWith("Review not due: 0 tasks since the last review", notDue, StringComparison.Ordinal);
        Assert.True(exit == 0, error);
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("ran").GetBoolean());
        var markdown = await File.ReadAllTextAsync(document.RootElement.GetProperty("digest").GetString()!, TestContext.Current.CancellationToken);
        var positions = Headings.Select(h => markdown.IndexOf("\n" + h + "\n", StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order().ToArray(), positions);
        Assert.True(File.Exists(document.RootElement.GetProperty("digestJson").GetString()));
        Assert.Equal(0, listExit);
        Assert.Equal("""{"proposals":[]}""", list.Trim());
    }
}
