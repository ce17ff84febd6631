using Outloop.Configuration;
using Outloop.Ingestion;
using Outloop.Ingestion.Claude;
using Outloop.Reporting;
using Outloop.Review;
using Outloop.Storage;
using Outloop.Tests.Support;

namespace Outloop.Tests.Review;

public sealed class InteractiveReviewTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SqliteStore _store;
    private readonly ProjectFiles _files;
    private readonly SqliteReviewStore _reviews;
    private readonly string _taskId;
    private int _saved;

    public InteractiveReviewTests()
    {
        var lines = new TranscriptLines("session-1", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var transcript = _folder.Write("claude/projects/-home-dev-app/session-1.jsonl", string.Join('\n',
            lines.Prompt("fix the flaky login test in the auth suite"),
            lines.Assistant("m1", "r1", toolUseId: "t1"),
            lines.ToolResult("t1", "3 tests, 0 failures")) + "\n");
        _store = SqliteStore.Open(_folder.File("store.db"));
        new ClaudeImporter(_store).Import([transcript], new ImportOptions());
        _taskId = Assert.Single(_store.Tasks(new UsageFilter())).Id;
        Directory.CreateDirectory(_folder.File("project"));
        _files = new ProjectFiles(_folder.File("project"));
        _reviews = new SqliteReviewStore(_store, _files.Root);
    }

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void ApproveShowsTheEvidenceThenWritesTheChangeAndMarksItApplied()
    {
        var proposal = Save("guideline", ".outloop/guidelines/testing.md", "APPEND:\n- Run the auth suite twice before calling a flaky test fixed");
        var console = new ScriptedReviewConsole("a");

        var decisions = Review(console, proposal);

        Assert.Equal(ReviewAction.Approved, Assert.Single(decisions).Action);
        var stored = _reviews.Find(proposal.Id)!;
        Assert.Equal(ProposalStatus.Applied, stored.Status);
        Assert.NotNull(stored.ReviewedAt);
        Assert.Equal("- Run the auth suite twice before calling a flaky test fixed\n", File.ReadAllText(_files.Resolve(".outloop/guidelines/testing.md")));
        Assert.Contains("@.outloop/guidelines/testing.md", File.ReadAllText(_files.Resolve("CLAUDE.md")), StringComparison.Ordinal);
        foreach (var expected in new[]
        {
            "Proposal 1 of 1: " + proposal.Id, "guideline (source patterns, confidence 0.80)", "Target:      .outloop/guidelines/testing.md",
            "Reason:      seen in the auth tasks", "Patterns:    failure-abc123", "Evidence:    1 tasks, 2 occurrences",
            $"- {_taskId}: fix the flaky login test in the auth suite", "| APPEND:", "| - Run the auth suite twice", "1 approved, 0 edited, 0 rejected, 0 left pending",
        })
        {
            Assert.Contains(expected, console.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RejectAsksWhyKeepsTheFeedbackAndWritesNothing()
    {
        var proposal = Save("criteria", ".outloop/criteria/fix.md", "APPEND:\n- Done means green");
        var console = new ScriptedReviewConsole("r", "too vague to act on");

        var decisions = Review(console, proposal);

        Assert.Equal(ReviewAction.Rejected, Assert.Single(decisions).Action);
        var stored = _reviews.Find(proposal.Id)!;
        Assert.Equal(ProposalStatus.Rejected, stored.Status);
        Assert.Equal("too vague to act on", stored.Feedback);
        Assert.NotNull(stored.ReviewedAt);
        Assert.False(File.Exists(_files.Resolve(".outloop/criteria/fix.md")));
        Assert.Contains("Why?", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void EditRunsTheEditorAsAChildProcessOnTheChangeAndAppliesWhatItSaved()
    {
        // The editor receives the file as its one argument: it rewrites the change and records its argument count.
        var editor = Script("editor.sh", $"#!/bin/sh\necho \"$#\" > '{_folder.File("argc")}'\nsed -i 's/Done means green/Done means green on CI and locally/' \"$1\"\n");
        var proposal = Save("criteria", ".outloop/criteria/fix.md", "APPEND:\n- Done means green");
        var console = new ScriptedReviewConsole("e");

        var decisions = Review(console, proposal, new ProposalEditor(editor));

        Assert.Equal(ReviewAction.Edited, Assert.Single(decisions).Action);
        Assert.Equal("1", File.ReadAllText(_folder.File("argc")).Trim());
        Assert.Equal("- Done means green on CI and locally\n", File.ReadAllText(_files.Resolve(".outloop/criteria/fix.md")));
        var stored = _reviews.Find(proposal.Id)!;
        Assert.Equal(ProposalStatus.Applied, stored.Status);
        Assert.Equal("edited", stored.Feedback);
        Assert.Equal("APPEND:\n- Done means green on CI and locally", stored.Change);
        Assert.False(File.Exists(_files.Resolve("CLAUDE.md")));
    }

    [Fact]
    public void EditorThatFailsChangesNothingAndTheKeyIsAskedAgain()
    {
        var editor = Script("broken-editor.sh", "#!/bin/sh\nexit 3\n");
        var proposal = Save("criteria", ".outloop/criteria/fix.md", "APPEND:\n- Done means green");
        var console = new ScriptedReviewConsole("e", "s");

        var decisions = Review(console, proposal, new ProposalEditor(editor));

        Assert.Equal(ReviewAction.Skipped, Assert.Single(decisions).Action);
        Assert.Contains("exited with code 3; the proposal is unchanged", console.Output, StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Pending, _reviews.Find(proposal.Id)!.Status);
        Assert.False(File.Exists(_files.Resolve(".outloop/criteria/fix.md")));
    }

    [Fact]
    public void SkipLeavesTheProposalPendingAndMovesToTheNext()
    {
        var first = Save("guideline", ".outloop/guidelines/coding.md", "APPEND:\n- first");
        var second = Save("guideline", ".outloop/guidelines/context.md", "APPEND:\n- second");
        var console = new ScriptedReviewConsole("s", "a");

        var decisions = Review(console, first, second);

        Assert.Equal([ReviewAction.Skipped, ReviewAction.Approved], decisions.Select(d => d.Action));
        var skipped = _reviews.Find(first.Id)!;
        Assert.Equal(ProposalStatus.Pending, skipped.Status);
        Assert.Null(skipped.ReviewedAt);
        Assert.False(File.Exists(_files.Resolve(".outloop/guidelines/coding.md")));
        Assert.Equal(ProposalStatus.Applied, _reviews.Find(second.Id)!.Status);
        Assert.Equal("- second\n", File.ReadAllText(_files.Resolve(".outloop/guidelines/context.md")));
    }

    [Fact]
    public void QuitLeavesThisAndEveryRemainingProposalPending()
    {
        var first = Save("guideline", ".outloop/guidelines/coding.md", "APPEND:\n- first");
        var second = Save("guideline", ".outloop/guidelines/context.md", "APPEND:\n- second");
        var third = Save("criteria", ".outloop/criteria/fix.md", "APPEND:\n- third");
        var console = new ScriptedReviewConsole("a", "q", "a");

        var decisions = Review(console, first, second, third);

        Assert.Equal([ReviewAction.Approved, ReviewAction.Quit, ReviewAction.Quit], decisions.Select(d => d.Action));
        Assert.Equal(ProposalStatus.Applied, _reviews.Find(first.Id)!.Status);
        Assert.Equal(ProposalStatus.Pending, _reviews.Find(second.Id)!.Status);
        Assert.Equal(ProposalStatus.Pending, _reviews.Find(third.Id)!.Status);
        Assert.False(File.Exists(_files.Resolve(".outloop/guidelines/context.md")));
        Assert.False(File.Exists(_files.Resolve(".outloop/criteria/fix.md")));
        Assert.DoesNotContain("Proposal 3 of 3", console.Output, StringComparison.Ordinal);
        Assert.Contains("1 approved, 0 edited, 0 rejected, 2 left pending", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeyIsNamedAndTheChoiceIsAskedAgain()
    {
        var proposal = Save("guideline", ".outloop/guidelines/coding.md", "APPEND:\n- first");
        var console = new ScriptedReviewConsole("x", "a");

        var decisions = Review(console, proposal);

        Assert.Equal(ReviewAction.Approved, Assert.Single(decisions).Action);
        Assert.Contains("Unknown key 'x': press a, r, e, s or q.", console.Output, StringComparison.Ordinal);
        Assert.Equal(2, console.Output.Split("[a]pprove  [r]eject  [e]dit  [s]kip  [q]uit > ").Length - 1);
        Assert.Equal(ProposalStatus.Applied, _reviews.Find(proposal.Id)!.Status);
    }

    [Fact]
    public void EndOfInputQuitsEvenWhileAskingForFeedback()
    {
        var first = Save("guideline", ".outloop/guidelines/coding.md", "APPEND:\n- first");
        var second = Save("criteria", ".outloop/criteria/fix.md", "APPEND:\n- second");

        var atKey = Review(new ScriptedReviewConsole(), first, second);
        var atFeedback = Review(new ScriptedReviewConsole("r"), first, second);

        Assert.All(atKey.Concat(atFeedback), d => Assert.Equal(ReviewAction.Quit, d.Action));
        Assert.All(_reviews.Proposals(), p => Assert.Equal(ProposalStatus.Pending, p.Status));
        Assert.All(_reviews.Proposals(), p => Assert.Null(p.Feedback));
        Assert.False(Directory.Exists(_files.Resolve(".outloop")));
    }

    [Fact]
    public void PendingReviewWritesADigestThatShowsTheDecisions()
    {
        var approved = Save("guideline", ".outloop/guidelines/coding.md", "APPEND:\n- keep it");
        var rejected = Save("guideline", ".outloop/guidelines/context.md", "APPEND:\n- drop it");
        var skipped = Save("criteria", ".outloop/criteria/fix.md", "APPEND:\n- later");
        var console = new ScriptedReviewConsole("a", "r", "not true here", "s");
        var runner = new ReviewRunner(_store, ConfigLoader.Load(_files.Root, _folder.File("no-user-config.yaml")));

        var result = runner.Run(new ReviewOptions(_files.Root, ReviewMode.Pending, Force: false, LookbackDays: 3650, TimeProvider.System),
            new InteractiveReview(console, new ProposalEditor("false"), TimeProvider.System));

        var digest = File.ReadAllText(result.DigestMarkdownPath!);
        var updated = Section(digest, "## Guidelines Updated");
        var pending = Section(digest, "## Pending Proposals");
        Assert.Equal("- .outloop/guidelines/coding.md", updated);
        Assert.Contains(skipped.Id, pending, StringComparison.Ordinal);
        Assert.DoesNotContain(approved.Id, pending, StringComparison.Ordinal);
        Assert.DoesNotContain(rejected.Id, pending, StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Rejected, _reviews.Find(rejected.Id)!.Status);
    }

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading + "\n", StringComparison.Ordinal) + heading.Length + 1;
        var end = markdown.IndexOf("\n## ", start, StringComparison.Ordinal);
        return markdown[start..end].Trim();
    }

    private IReadOnlyList<ReviewDecision> Review(ScriptedReviewConsole console, params Proposal[] proposals) =>
        Review(console, proposals, new ProposalEditor("false"));

    private IReadOnlyList<ReviewDecision> Review(ScriptedReviewConsole console, Proposal proposal, ProposalEditor editor) =>
        Review(console, [proposal], editor);

    private IReadOnlyList<ReviewDecision> Review(ScriptedReviewConsole console, Proposal[] proposals, ProposalEditor editor) =>
        new InteractiveReview(console, editor, TimeProvider.System).Review(proposals, _files, _reviews);

    private Proposal Save(string type, string target, string change)
    {
        var proposal = new Proposal(ProposalBuilder.Id(_files.Root, type, target, change), _files.Root, type, "patterns", target, change,
            "seen in the auth tasks", 0.8, new ProposalEvidence(["failure-abc123"], 1, 2, [_taskId]), ProposalStatus.Pending, null,
            new DateTimeOffset(2026, 3, 2, 10, 0, _saved++, TimeSpan.Zero), null);
        _reviews.Save(proposal);
        return proposal;
    }

    private string Script(string name, string text)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("The editor of this test is a shell script.");
        }
        else
        {
            File.SetUnixFileMode(_folder.Write(name, text), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return _folder.File(name);
    }
}
