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

    [Fact]
    public async Task ReviewOfAnotherFolderUsesThatFoldersConfigAndWritesOnlyInsideIt()
    {
        var db = Path.Combine(_folder, "store.db");
        var project = Path.Combine(_folder, "project");
        var log = ReviewProject.Write(_folder, project);
        var (importExit, _, importError) = await CliRun.Run("import", "tasklog", log, "--db", db);
        Assert.True(importExit == 0, importError);

        // Due without --force only because the project's own config says afterTasks: 1 (the default is 10).
        var (exit, output, error) = await CliRun.Run("review", "--project", project, "--db", db);
        var (listExit, list, _) = await CliRun.Run("proposals", "list", "--project", project, "--json", "--db", db);
        var (autoExit, auto, autoError) = await CliRun.Run("review", "--project", project, "--auto", "--force", "--db", db);

        Assert.True(exit == 0, error);
        Assert.StartsWith($"Reviewed {project}: 2 new proposal(s)", output, StringComparison.Ordinal);
        Assert.Contains("2 proposal(s) pending: review them with 'outloop review --pending'", output, StringComparison.Ordinal);
        Assert.Contains($"Digest: {Path.Combine(project, ".outloop", "digests")}", output, StringComparison.Ordinal);
        Assert.Equal(0, listExit);
        using var proposals = JsonDocument.Parse(list);
        Assert.Equal(2, proposals.RootElement.GetProperty("proposals").GetArrayLength());
        Assert.True(autoExit == 0, autoError);
        Assert.Contains("Updated .outloop/guidelines/coding.md", auto, StringComparison.Ordinal);
        Assert.Contains("- " + ReviewProject.RateLimits, await File.ReadAllTextAsync(Path.Combine(project, ".outloop", "guidelines", "coding.md"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("- " + ReviewProject.Migrations, await File.ReadAllTextAsync(Path.Combine(project, ".outloop", "guidelines", "testing.md"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("@.outloop/guidelines/coding.md", await File.ReadAllTextAsync(Path.Combine(project, "CLAUDE.md"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.NotEqual(Path.GetFullPath(project), Path.GetFullPath(Directory.GetCurrentDirectory()));
        Assert.False(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "CLAUDE.md")));
        Assert.False(Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), ".outloop", "digests")));
    }
}
