using Outloop.Configuration;
using Outloop.Ingestion;
using Outloop.Ingestion.Claude;
using Outloop.Patterns;
using Outloop.Reporting.Pricing;
using Outloop.Review;
using Outloop.Storage;
using Outloop.Tests.Support;

namespace Outloop.Tests.Review;

/// <summary>
/// The review's store-level checks on a store filled from ../shared/data: the Claude Code transcripts and the
/// mini-swe-agent trajectories, imported and backfilled as <c>outloop import</c> and <c>outloop backfill</c> do.
/// </summary>
public sealed class SharedDataReviewTests : IDisposable
{
    private static readonly string[] Headings =
        ["## Summary", "## Patterns", "## Learnings", "## Guidelines Updated", "## Pending Proposals", "## Effectiveness", "## Loop Metrics", "## Recent Tasks"];

    // Importing and backfilling takes seconds: done once, then each test works on its own copy of the file.
    private static readonly Lazy<string> Template = new(BuildTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly TempFolder TemplateFolder = new();

    private readonly TempFolder _folder = new();
    private SqliteStore? _store;

    public void Dispose()
    {
        _store?.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void NonInteractiveReviewWritesEveryHeadingAndProposalsTraceBackToRealTasks()
    {
        var (runner, project, reviews) = Open();

        var result = runner.Run(Options(project, ReviewMode.NonInteractive));

        var markdown = File.ReadAllText(result.DigestMarkdownPath!);
        var positions = Headings.Select(h => markdown.IndexOf("\n" + h + "\n", StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order().ToArray(), positions);
        Assert.True(File.Exists(result.DigestJsonPath));
        Assert.NotEmpty(result.NewProposals);
        Assert.Contains(result.NewProposals, p => p.Type == "guideline");
        Assert.Contains(result.NewProposals, p => p.Type == "criteria" && p.TargetFile.StartsWith(".outloop/criteria/", StringComparison.Ordinal));
        var tasks = reviews.TaskDescriptions(result.NewProposals.SelectMany(p => p.Evidence.ExampleTaskIds));
        Assert.All(result.NewProposals, p =>
        {
            Assert.Equal(ProposalStatus.Pending, p.Status);
            Assert.NotEmpty(p.Evidence.ExampleTaskIds);
            Assert.All(p.Evidence.ExampleTaskIds, id => Assert.True(tasks.ContainsKey(id), $"{p.Id} cites task {id}, which is not in the store"));
            Assert.Contains(p.Id, markdown, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void SecondReviewOfTheSameDataProposesNothingNew()
    {
        var (runner, project, reviews) = Open();

        var first = runner.Run(Options(project, ReviewMode.NonInteractive));
        var second = runner.Run(Options(project, ReviewMode.NonInteractive));

        Assert.NotEmpty(first.NewProposals);
        Assert.Empty(second.NewProposals);
        Assert.Equal(first.NewProposals.Select(p => p.Id).Order(StringComparer.Ordinal), reviews.Proposals().Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AutoAppliesGuidelinesOnlyAndLeavesCriteriaPending()
    {
        var (runner, project, reviews) = Open();

        var result = runner.Run(Options(project, ReviewMode.Auto));

        var proposals = reviews.Proposals();
        var guidelines = proposals.Where(p => p.Type == "guideline").ToList();
        var criteria = proposals.Where(p => p.Type == "criteria").ToList();
        Assert.NotEmpty(guidelines);
        Assert.NotEmpty(criteria);
        Assert.All(guidelines, p => Assert.Equal(ProposalStatus.Applied, p.Status));
        Assert.All(criteria, p => Assert.Equal(ProposalStatus.Pending, p.Status));
        Assert.All(guidelines, p => Assert.Contains(ProposalChange.Parse(p.Change).Text, File.ReadAllText(Path.Combine(project, p.TargetFile)), StringComparison.Ordinal));
        Assert.All(criteria, p => Assert.False(File.Exists(Path.Combine(project, p.TargetFile)), $"{p.TargetFile} was written without approval"));
        Assert.Equal(guidelines.Select(p => p.TargetFile).Distinct().Order(StringComparer.Ordinal), result.GuidelinesUpdated.Distinct().Order(StringComparer.Ordinal));
        var claude = File.ReadAllText(Path.Combine(project, "CLAUDE.md"));
        Assert.All(guidelines, p => Assert.Contains("@" + p.TargetFile, claude, StringComparison.Ordinal));
    }

    [Fact]
    public void RejectedProposalStaysRejectedOnTheNextReview()
    {
        var (runner, project, reviews) = Open();
        var first = runner.Run(Options(project, ReviewMode.NonInteractive));
        var rejected = first.NewProposals[0] with { Status = ProposalStatus.Rejected, Feedback = "not for this project", ReviewedAt = DateTimeOffset.UtcNow };
        reviews.Save(rejected);

        var second = runner.Run(Options(project, ReviewMode.NonInteractive));

        Assert.DoesNotContain(second.NewProposals, p => p.Id == rejected.Id);
        var stored = reviews.Find(rejected.Id)!;
        Assert.Equal(ProposalStatus.Rejected, stored.Status);
        Assert.Equal("not for this project", stored.Feedback);
        // The room it left is filled by another proposal, never by the rejected one again.
        Assert.True(second.NewProposals.Count <= 1);
    }

    [Fact]
    public void InteractiveReviewDecisionsShowInTheDigest()
    {
        var (runner, project, reviews) = Open();
        var console = new ScriptedReviewConsole("a", "r", "does not apply here", "s", "q");

        var result = runner.Run(Options(project, ReviewMode.Interactive), new InteractiveReview(console, new ProposalEditor("false"), TimeProvider.System));

        var byStatus = result.NewProposals.Select(p => reviews.Find(p.Id)!).ToList();
        Assert.True(byStatus.Count >= 4, "the shared data should yield at least 4 proposals");
        Assert.Equal([ProposalStatus.Applied, ProposalStatus.Rejected], byStatus.Take(2).Select(p => p.Status));
        Assert.All(byStatus.Skip(2), p => Assert.Equal(ProposalStatus.Pending, p.Status));
        var markdown = File.ReadAllText(result.DigestMarkdownPath!);
        var pending = markdown[markdown.IndexOf("## Pending Proposals", StringComparison.Ordinal)..markdown.IndexOf("## Effectiveness", StringComparison.Ordinal)];
        var updated = markdown[markdown.IndexOf("## Guidelines Updated", StringComparison.Ordinal)..markdown.IndexOf("## Pending Proposals", StringComparison.Ordinal)];
        Assert.Contains(byStatus[0].TargetFile, updated, StringComparison.Ordinal);
        Assert.DoesNotContain(byStatus[0].Id, pending, StringComparison.Ordinal);
        Assert.DoesNotContain(byStatus[1].Id, pending, StringComparison.Ordinal);
        Assert.All(byStatus.Skip(2), p => Assert.Contains(p.Id, pending, StringComparison.Ordinal));
        Assert.Contains("Proposal 1 of " + byStatus.Count, console.Output, StringComparison.Ordinal);
    }

    private (ReviewRunner Runner, string Project, SqliteReviewStore Reviews) Open()
    {
        SharedData.Require("claude/projects");
        var db = _folder.File("store.db");
        File.Copy(Template.Value, db);
        _store = SqliteStore.Open(db);
        var project = _folder.File("project");
        Directory.CreateDirectory(project);
        var files = new ProjectFiles(project);
        return (new ReviewRunner(_store, ConfigLoader.Load(project, _folder.File("no-user-config.yaml"))), files.Root, new SqliteReviewStore(_store, files.Root));
    }

    // The data is months old: a lookback of ten years takes all of it in.
    private static ReviewOptions Options(string project, ReviewMode mode) => new(project, mode, Force: true, LookbackDays: 3650, TimeProvider.System);

    private static string BuildTemplate()
    {
        var db = TemplateFolder.File("template.db");
        using (var store = SqliteStore.Open(db))
        {
            new ClaudeImporter(store).Import([SharedData.Require("claude/projects")], new ImportOptions());
            new SourceImporter(store, SourceAdapters.All).Import("mini-swe-agent", [SharedData.Require("mini-swe-agent/trajs")], new ImportOptions());
            PatternEngine.Backfill(store, new BackfillOptions(PriceTable.Load(null)));
        }

        return db;
    }
}
