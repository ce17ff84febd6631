namespace Outloop.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task DemoGeneratesImportsAndReportsTheSample()
    {
        var (exit, output, error) = await CliRun.Run("demo");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Imported 21 files (0 unchanged), 896 lines, 16 sessions, 253 requests, 212 tool calls, 0 skipped lines.", output, StringComparison.Ordinal);
        Assert.Contains("$4.88", output, StringComparison.Ordinal);
        Assert.Contains("-home-dev-projects-ledger", output, StringComparison.Ordinal);
        Assert.Contains("test:pytest:all", output, StringComparison.Ordinal);
        Assert.Contains("cannot compile module Ledger.Invoice", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoReviewsTheSampleInAProjectFolderAndPrintsTheDigest()
    {
        var folder = Path.Combine(Path.GetTempPath(), "outloop-demo-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, output, error) = await CliRun.Run("demo", "--keep", folder);

            Assert.Equal(0, exit);
            Assert.Equal(string.Empty, error);
            var project = Path.Combine(folder, "project");
            var guidelines = Directory.GetFiles(Path.Combine(project, ".outloop", "guidelines"), "*.md");
            Assert.NotEmpty(guidelines);
            var claudeMd = File.ReadAllText(Path.Combine(project, "CLAUDE.md"));
            foreach (var guideline in guidelines)
            {
                Assert.Contains("@.outloop/guidelines/" + Path.GetFileName(guideline), claudeMd, StringComparison.Ordinal);
                Assert.Contains("wrote .outloop/guidelines/" + Path.GetFileName(guideline), output, StringComparison.Ordinal);
            }

            // The digest is printed whole: its headings in the documented order, and it is the file on disk.
            string[] headings = ["## Summary", "## Patterns", "## Learnings", "## Guidelines Updated", "## Pending Proposals", "## Effectiveness", "## Loop Metrics", "## Recent Tasks"];
            var positions = headings.Select(h => output.IndexOf(h, StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(-1, positions);
            Assert.Equal(positions.Order(), positions);
            var digest = Assert.Single(Directory.GetFiles(Path.Combine(project, ".outloop", "digests"), "*.md"));
            Assert.Contains(File.ReadAllText(digest), output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
