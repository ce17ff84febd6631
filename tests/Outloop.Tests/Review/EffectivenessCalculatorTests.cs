using System.Globalization;
using System.Text.Json;
using Outloop.Configuration;
using Outloop.Patterns;
using Outloop.Review;
using Outloop.Storage;
using Outloop.Tests.Patterns.Engine;
using Outloop.Tests.Reporting;
using Outloop.Tests.Support;

namespace Outloop.Tests.Review;

public sealed class EffectivenessCalculatorTests : IDisposable
{
    private const string GuidelineFile = ".outloop/guidelines/coding.md";
    private const string GuidelineLine = "- Install the project's requirements before running a script";
    private const string OtherLine = "- Keep functions small";
    private static readonly DateTimeOffset Applied = PatternStoreBuilder.Start.AddDays(40);
    private static readonly DateTimeOffset Now = Applied.AddDays(5);

    private readonly TempFolder _temp = new();
    private readonly SqliteStore _store;
    private readonly PatternStoreBuilder _build;
    private readonly ProjectFiles _files;
    private readonly SqliteReviewStore _reviews;

    public EffectivenessCalculatorTests()
    {
        _store = SqliteStore.Open(_temp.File("outloop.db"));
        _build = new PatternStoreBuilder(_store);
        _files = new ProjectFiles(Directory.CreateDirectory(_temp.File("project")).FullName);
        _reviews = new SqliteReviewStore(_store, _files.Root);
        _build.Session("s");
        _temp.Write("project/" + GuidelineFile, OtherLine + "\n");
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void RatesAreTheShareOfTasksWithTheTargetFailureInTheLookbackBeforeAndAfterTheChange()
    {
        Tasks("old", Applied.AddDays(-40), count: 4, failing: 4); // older than the 30-day lookback: on neither side
        Tasks("b", Applied.AddDays(-5), count: 10, failing: 6);
        Tasks("a", Applied.AddHours(1), count: 8, failing: 2);
        Tasks("future", Now.AddHours(1), count: 3, failing: 3); // after "now": not yet
        for (var i = 0; i < 6; i++)
        {
            // Another agent's tasks in the same store, which never hit the failure: not in the population.
            _build.Task("s", "codex" + i, "run the import job", Applied.AddHours(i - 3), agent: "codex");
        }

        var guideline = ApplyGuideline(TargetFailure());

        var report = new EffectivenessCalculator(_store, _reviews).Measure(minTasks: 5, lookbackDays: 30, Now);

        var row = Assert.Single(report.Rows);
        Assert.Equal(guideline.Id, row.Guideline.Id);
        Assert.Equal(PatternKind.Failure, row.TargetKind);
        Assert.Equal(new EffectivenessSide(10, 6), row.Before);
        Assert.Equal(new EffectivenessSide(8, 2), row.After);
        Assert.Equal(0.6, row.Before.Rate!.Value, 1e-12);
        Assert.Equal(0.25, row.After.Rate!.Value, 1e-12);
        Assert.Equal(457.0 / 2431, row.PValue!.Value, 1e-9); // Fisher (6, 4, 2, 6)
        Assert.Equal(EffectivenessVerdict.LowerNotSignificant, row.Verdict);
        Assert.Equal(["a0", "a1"], row.AfterFailureTaskIds);
        Assert.Contains("| 10 | 6 | 60.0% | 8 | 2 | 25.0% | 0.188 | lower, not significant |", report.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void ATaskStartedBeforeTheChangeCountsBeforeEvenWhenItsFailureCameAfter()
    {
        _build.Task("s", "straddle", "run the import job", Applied.AddMinutes(-1));
        _build.Bash("s", "straddle", "straddle-c", "python import.py", Applied.AddMinutes(10), false, "ModuleNotFoundError: No module named 'requests'");
        Tasks("b", Applied.AddDays(-3), count: 4, failing: 0);
        Tasks("a", Applied.AddHours(1), count: 5, failing: 0);
        ApplyGuideline(TargetFailure());

        var row = Assert.Single(new EffectivenessCalculator(_store, _reviews).Measure(5, 30, Now).Rows);

        Assert.Equal(new EffectivenessSide(5, 1), row.Before);
        Assert.Equal(new EffectivenessSide(5, 0), row.After);
        Assert.Empty(row.AfterFailureTaskIds);
    }

    [Fact]
    public void FewerThanMinTasksOnOneSideIsNotEnoughDataAndProposesNothing()
    {
        Tasks("b", Applied.AddDays(-5), count: 10, failing: 3);
        Tasks("a", Applied.AddHours(1), count: 4, failing: 4);
        ApplyGuideline(TargetFailure());
        var calculator = new EffectivenessCalculator(_store, _reviews);

        var atFive = calculator.Measure(minTasks: 5, 30, Now);
        var atFour = calculator.Measure(minTasks: 4, 30, Now);

        Assert.Equal(EffectivenessVerdict.NotEnoughData, Assert.Single(atFive.Rows).Verdict);
        Assert.Empty(EffectivenessCalculator.Removals(_files, atFive, [], Now));
        Assert.Equal(EffectivenessVerdict.DidNotHelp, Assert.Single(atFour.Rows).Verdict);
        Assert.Contains("not enough data", atFive.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void AGuidelineThatDidNotHelpIsProposedForRemovalOnceAndApplyingItRemovesTheText()
    {
        Tasks("b", Applied.AddDays(-5), count: 10, failing: 3);
        Tasks("a", Applied.AddHours(1), count: 10, failing: 5);
        var guideline = ApplyGuideline(TargetFailure());
        var runner = new ReviewRunner(_store, OutloopConfig.Defaults);
        var options = new ReviewOptions(_files.Root, ReviewMode.NonInteractive, Force: true, LookbackDays: null, new FixedClock(Now));

        var first = runner.Run(options);
        var second = runner.Run(options);

        var removal = Assert.Single(first.NewProposals, p => p.Source == EffectivenessCalculator.RemovalSource);
        Assert.Equal("guideline", removal.Type);
        Assert.Equal(GuidelineFile, removal.TargetFile);
        Assert.Equal("REMOVE:\n" + GuidelineLine, removal.Change);
        Assert.Contains("3 of 10 tasks (30.0%)", removal.Reason, StringComparison.Ordinal);
        Assert.Contains("5 of 10 (50.0%) after", removal.Reason, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"p = {2729.0 / 4199:0.000}"), removal.Reason, StringComparison.Ordinal);
        Assert.Equal(["a0", "a1", "a2", "a3", "a4"], removal.Evidence.ExampleTaskIds);
        Assert.DoesNotContain(second.NewProposals, p => p.Source == EffectivenessCalculator.RemovalSource);
        Assert.Single(_reviews.Proposals(), p => p.Source == EffectivenessCalculator.RemovalSource);
        var markdown = File.ReadAllText(first.DigestMarkdownPath!);
        Assert.Contains($"| `{guideline.Id}` {GuidelineLine} |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 10 | 3 | 30.0% | 10 | 5 | 50.0% | 0.650 | did not help |", markdown, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(first.DigestJsonPath!));
        var measured = Assert.Single(json.RootElement.GetProperty("effectiveness").GetProperty("guidelines").EnumerateArray());
        Assert.Equal(5, measured.GetProperty("after").GetProperty("withFailure").GetInt32());
        Assert.Equal("did not help", measured.GetProperty("verdict").GetString());

        ReviewRunner.Apply(_files, _reviews, removal, Now.AddHours(1), feedback: null);

        Assert.Equal(OtherLine + "\n", File.ReadAllText(_files.Resolve(GuidelineFile)));
        var after = Assert.Single(new EffectivenessCalculator(_store, _reviews).Measure(5, 30, Now.AddHours(2)).Rows);
        Assert.Equal(EffectivenessVerdict.Removed, after.Verdict);
    }

    [Fact]
    public void RemovalsOfTwoGuidelinesInOneFileAppliedInTurnTakeOutBothAndKeepLaterChanges()
    {
        Tasks("b", Applied.AddDays(-5), count: 10, failing: 3);
        Tasks("a", Applied.AddHours(1), count: 10, failing: 5);
        var target = TargetFailure();
        ApplyGuideline(target);
        ApplyGuidelineLine("- Check the virtualenv is active", target);
        var result = new ReviewRunner(_store, OutloopConfig.Defaults)
            .Run(new ReviewOptions(_files.Root, ReviewMode.NonInteractive, Force: true, LookbackDays: null, new FixedClock(Now)));
        var removals = result.NewProposals.Where(p => p.Source == EffectivenessCalculator.RemovalSource).ToList();
        _files.Apply(GuidelineFile, "APPEND:\n- Written after the review");

        foreach (var removal in removals)
        {
            ReviewRunner.Apply(_files, _reviews, removal, Now.AddHours(1), feedback: null);
        }

        Assert.Equal(2, removals.Count);
        Assert.Equal(OtherLine + "\n- Written after the review\n", File.ReadAllText(_files.Resolve(GuidelineFile)));
    }

    [Fact]
    public void AGuidelineThatHelpedYieldsNoRemoval()
    {
        Tasks("b", Applied.AddDays(-5), count: 10, failing: 8);
        Tasks("a", Applied.AddHours(1), count: 10, failing: 1);
        ApplyGuideline(TargetFailure());

        var result = new ReviewRunner(_store, OutloopConfig.Defaults)
            .Run(new ReviewOptions(_files.Root, ReviewMode.NonInteractive, Force: true, LookbackDays: null, new FixedClock(Now)));
        var row = Assert.Single(new EffectivenessCalculator(_store, _reviews).Measure(5, 30, Now).Rows);

        Assert.Equal(EffectivenessVerdict.Helped, row.Verdict);
        Assert.Equal(23.0 / 4199, row.PValue!.Value, 1e-9); // Fisher (8, 2, 1, 9)
        Assert.DoesNotContain(result.NewProposals, p => p.Source == EffectivenessCalculator.RemovalSource);
        Assert.Contains(GuidelineLine, File.ReadAllText(_files.Resolve(GuidelineFile)), StringComparison.Ordinal);
    }

    [Fact]
    public void AnIterationGuidelineCountsSimilarTasksThatNeededMoreThanOneIteration()
    {
        Slow("b", Applied.AddDays(-5), count: 6, slow: 5);
        Slow("a", Applied.AddHours(1), count: 6, slow: 2);
        for (var i = 0; i < 5; i++)
        {
            // Different work, also slow: not in the guideline's population.
            var at = Applied.AddHours(20 + i);
            _build.Task("s", "other" + i, "update the changelog entries", at);
            Attempts("other" + i, at, slow: true);
        }

        PatternEngine.Backfill(_store, new BackfillOptions(PatternStoreBuilder.Prices));
        var iteration = Assert.Single(new SqlitePatternStore(_store).List(new PatternFilter(PatternKind.Iteration)), l => l.Pattern.Title.StartsWith("fix:", StringComparison.Ordinal));
        ApplyGuideline(iteration.Pattern.Id);

        var row = Assert.Single(new EffectivenessCalculator(_store, _reviews).Measure(5, 30, Now).Rows);

        Assert.Equal(PatternKind.Iteration, row.TargetKind);
        Assert.Equal(new EffectivenessSide(6, 5), row.Before);
        Assert.Equal(new EffectivenessSide(6, 2), row.After);
        Assert.Equal(EffectivenessVerdict.LowerNotSignificant, row.Verdict);
    }

    [Fact]
    public void AGuidelineWithoutPatternEvidenceHasNoMeasurableTarget()
    {
        Tasks("b", Applied.AddDays(-5), count: 10, failing: 3);
        PatternEngine.Backfill(_store, new BackfillOptions(PatternStoreBuilder.Prices));
        ApplyGuideline();

        var report = new EffectivenessCalculator(_store, _reviews).Measure(5, 30, Now);

        Assert.Equal(EffectivenessVerdict.NoTarget, Assert.Single(report.Rows).Verdict);
        Assert.Empty(EffectivenessCalculator.Removals(_files, report, [], Now));
    }

    /// <summary>Tasks one hour apart from <paramref name="from"/>; the first <paramref name="failing"/> hit the import failure twice.</summary>
    private void Tasks(string prefix, DateTimeOffset from, int count, int failing)
    {
        for (var i = 0; i < count; i++)
        {
            var id = prefix + i.ToString(CultureInfo.InvariantCulture);
            var at = from.AddHours(i);
            _build.Task("s", id, "run the import job", at);
            if (i < failing)
            {
                _build.Bash("s", id, id + "-c1", "python import.py", at.AddMinutes(1), false, "ModuleNotFoundError: No module named 'requests'");
                _build.Bash("s", id, id + "-c2", "python import.py", at.AddMinutes(2), false, "ModuleNotFoundError: No module named 'requests'");
            }

            _build.Bash("s", id, id + "-ok", "python import.py", at.AddMinutes(3), true, "imported 3 rows");
        }
    }

    /// <summary>"fix the login form tests" tasks; the first <paramref name="slow"/> fail their tests, edit and pass (2 iterations).</summary>
    private void Slow(string prefix, DateTimeOffset from, int count, int slow)
    {
        for (var i = 0; i < count; i++)
        {
            var id = prefix + i.ToString(CultureInfo.InvariantCulture);
            var at = from.AddHours(i);
            _build.Task("s", id, "fix the login form tests", at);
            Attempts(id, at, i < slow);
        }
    }

    private void Attempts(string task, DateTimeOffset at, bool slow)
    {
        // An iteration is a failed check after an edit that more edits follow (a failing check before any edit is the
        // starting point, not an iteration).
        _build.Edit("s", task, task + "-e0", "app/login.py", at.AddSeconds(30));
        if (slow)
        {
            _build.Bash("s", task, task + "-t1", "pytest tests/test_login.py", at.AddMinutes(1), false, "FAILED tests/test_login.py::test_form - AssertionError");
            _build.Edit("s", task, task + "-e", "app/login.py", at.AddMinutes(2));
        }

        _build.Bash("s", task, task + "-t2", "pytest tests/test_login.py", at.AddMinutes(3), true, "1 passed in 0.1s");
    }

    private string TargetFailure()
    {
        PatternEngine.Backfill(_store, new BackfillOptions(PatternStoreBuilder.Prices));
        return Assert.Single(new SqlitePatternStore(_store).List(new PatternFilter(PatternKind.Failure))).Pattern.Id;
    }

    private Proposal ApplyGuideline(params string[] patternIds) => ApplyGuidelineLine(GuidelineLine, patternIds);

    private Proposal ApplyGuidelineLine(string line, params string[] patternIds)
    {
        var change = "APPEND:\n" + line;
        var proposal = new Proposal(ProposalBuilder.Id(_files.Root, "guideline", GuidelineFile, change), _files.Root, "guideline", "patterns", GuidelineFile, change,
            "test guideline", 0.9, new ProposalEvidence(patternIds, 3, 3, []), ProposalStatus.Pending, null, Applied.AddDays(-1), null);
        _reviews.Save(proposal);
        return ReviewRunner.Apply(_files, _reviews, proposal, Applied, feedback: null);
    }
}
