using Outloop.Automation.Issues;
using Outloop.Cli.Commands;
using Outloop.Patterns;
using Outloop.Storage;

namespace Outloop.Cli.Tests.Commands;

/// <summary>Every test that sets GITHUB_TOKEN is in this class, so they never run at the same time.</summary>
public sealed class IssuesCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outloop-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly string _db;

    public IssuesCommandTests()
    {
        Directory.CreateDirectory(_folder);
        _db = Path.Combine(_folder, "store.db");
        CandidatesCommandTests.WritePatterns(_db, ("test:pytest:all", 6, 80, 5.0), ("vcs:git:status", 7, 90, 2.0), ("build:tsc:all", 2, 90, 9.0));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(IssuesCommand.TokenVariable, null);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task DraftWritesOneIssuePerCandidateFollowingTheSeedTemplate()
    {
        var (exit, output, error) = await CliRun.Run("issues", "draft", "--project", _folder, "--db", _db);

        Assert.True(exit == 0, error);
        Assert.Contains("2 issue draft(s)", output, StringComparison.Ordinal);
        var id = PatternIds.Make(PatternKind.Operation, "test:pytest:all");
        var text = await File.ReadAllTextAsync(Path.Combine(_folder, ".outloop", "issues", id + ".md"), TestContext.Current.CancellationToken);
        Assert.StartsWith("# Automation opportunity: test:pytest:all\n", text, StringComparison.Ordinal);
        Assert.Contains($"<!-- outloop-pattern: {id} -->", text, StringComparison.Ordinal);
        Assert.Contains("**Frequency:** observed in 6 tasks", text, StringComparison.Ordinal);
        Assert.Contains("**Potential savings:** $5.00/month ($60.00/year)", text, StringComparison.Ordinal);
        Assert.Contains("- Avg cost: $0.0200", text, StringComparison.Ordinal);
        Assert.Contains("- Estimated cost: $0.0020", text, StringComparison.Ordinal);
        Assert.Contains("- **Savings per use:** $0.0180 (90%)", text, StringComparison.Ordinal);
        Assert.Contains("- `pytest -q` (6x)", text, StringComparison.Ordinal);
        Assert.Contains($"outloop tools generate {id}", text, StringComparison.Ordinal);
        Assert.Contains("task 5 of test:pytest:all", text, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_folder, ".outloop", "issues")).Length);
    }

    [Fact]
    public async Task FileCreatesEachIssueOnceAndFindsItsOwnIssueTheSecondTime()
    {
        using var github = new FakeGitHub();
        github.FailNextCreates = 1;
        Environment.SetEnvironmentVariable(IssuesCommand.TokenVariable, "secret-token");
        await CliRun.Run("issues", "draft", "--project", _folder, "--db", _db);

        var (exit, first, error) = await CliRun.Run("issues", "file", "--repo", "acme/app", "--api-url", github.Url, "--project", _folder, "--db", _db);
        var created = github.Requests.Count(r => r.Method == "POST");

        // A second store forgets the recorded numbers: the filer must find its issues on GitHub by their marker.
        var otherDb = Path.Combine(_folder, "other.db");
        File.Copy(_db, otherDb);
        using (var store = SqliteStore.Open(otherDb))
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM pattern_issues";
            command.ExecuteNonQuery();
        }

        var (againExit, again, _) = await CliRun.Run("issues", "file", "--repo", "acme/app", "--api-url", github.Url, "--project", _folder, "--db", otherDb);
        var (recordedExit, recorded, _) = await CliRun.Run("issues", "file", "--repo", "acme/app", "--api-url", github.Url, "--project", _folder, "--db", _db);

        Assert.True(exit == 0, error);
        Assert.Equal(2, github.Issues.Count);
        Assert.Equal(3, created);
        Assert.Equal(2, first.Split('\n').Count(l => l.Contains(": filed #", StringComparison.Ordinal)));
        Assert.All(github.Requests, r => Assert.Equal("Bearer secret-token", r.Authorization));
        Assert.All(github.Issues, i => Assert.Equal("automation-candidate", i["labels"]![0]!["name"]!.GetValue<string>()));
        Assert.Equal(0, againExit);
        Assert.Equal(2, again.Split('\n').Count(l => l.Contains("already on GitHub as #", StringComparison.Ordinal)));
        Assert.Equal(0, recordedExit);
        Assert.Equal(2, recorded.Split('\n').Count(l => l.Contains("already filed as #", StringComparison.Ordinal)));
        Assert.Equal(3, github.Requests.Count(r => r.Method == "POST"));
        using var check = SqliteStore.Open(_db);
        var id = PatternIds.Make(PatternKind.Operation, "vcs:git:status");
        Assert.NotNull(new SqliteAutomationStore(check).IssueFor(id, "acme/app"));
    }

    [Fact]
    public async Task FileWithoutATokenFailsWithAClearMessage()
    {
        Environment.SetEnvironmentVariable(IssuesCommand.TokenVariable, null);
        await CliRun.Run("issues", "draft", "--project", _folder, "--db", _db);

        var (exit, _, error) = await CliRun.Run("issues", "file", "--repo", "acme/app", "--api-url", "http://127.0.0.1:9/", "--project", _folder, "--db", _db);

        Assert.Equal(2, exit);
        Assert.Contains("GITHUB_TOKEN is not set", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEditedDraftIsReadBackWithItsTitleBodyAndPattern()
    {
        var path = Path.Combine(_folder, "op-1.md");
        File.WriteAllText(path, "# Script the tests\n\n<!-- outloop-pattern: op-1234567890 -->\nbody text\n");

        var draft = IssueMarkdown.FromFile(path)!;

        Assert.Equal(("op-1234567890", "Script the tests"), (draft.PatternId, draft.Title));
        Assert.StartsWith("<!-- outloop-pattern: op-1234567890 -->\nbody text", draft.Body, StringComparison.Ordinal);
    }
}
