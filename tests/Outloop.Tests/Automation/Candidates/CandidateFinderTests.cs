using Outloop.Automation.Candidates;
using Outloop.Patterns;
using Outloop.Storage;
using Outloop.Tests.Support;

namespace Outloop.Tests.Automation.Candidates;

public sealed class CandidateFinderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly SqliteStore _store;

    public CandidateFinderTests() => _store = SqliteStore.Open(_temp.File("store.db"));

    [Fact]
    public void OnlyOperationsMeetingEveryThresholdAreCandidatesAndTheyAreMarkedWithWhoAndWhen()
    {
        var good = HandMadePatterns.Op("test:pytest:all", 6, 80, 5.0);
        HandMadePatterns.Write(_store,
            good,
            HandMadePatterns.Op("vcs:git:status", 4, 90, 9.0),
            HandMadePatterns.Op("build:tsc:all", 9, 69, 9.0),
            HandMadePatterns.Op("lint:eslint:all", 9, 90, 0.49),
            HandMadePatterns.Op("test:jest:all", 9, 90, 3.0, kind: PatternKind.Sequence));
        var patterns = new SqlitePatternStore(_store);

        var candidates = CandidateFinder.FindAndMark(patterns, new CandidateOptions(), Now);

        var candidate = Assert.Single(candidates);
        Assert.Equal(good.Id, candidate.Pattern.Id);
        Assert.Equal(PatternStatus.Candidate, candidate.Status);
        Assert.Equal(PatternStatus.Candidate, patterns.Find(good.Id)!.Value.Status);
        var change = Assert.Single(patterns.History(good.Id));
        Assert.Equal((CandidateFinder.Actor, Now), (change.ChangedBy, change.ChangedAt));
    }

    [Fact]
    public void RoiFollowsTheDocumentedFormulas()
    {
        var pattern = HandMadePatterns.Op("test:pytest:all", 6, 80, 5.0);

        var c = CandidateFinder.Price(pattern, PatternStatus.Detected, new CandidateOptions { ImplementationHours = 2, HourlyRateUsd = 15 });

        Assert.Equal(30, c.ImplementationCostUsd);
        Assert.Equal(6, c.PaybackMonths, 6);
        Assert.Equal(100, c.AnnualRoiPercent, 6);
        Assert.Equal((0.12 - 0.012) / 12, c.SavingsPerUseUsd, 9);
    }

    [Fact]
    public void MarkingTwiceRecordsOneChangeAndApprovedPatternsAreLeftAlone()
    {
        var candidate = HandMadePatterns.Op("test:pytest:all", 6, 80, 5.0);
        var approved = HandMadePatterns.Op("build:cargo:all", 6, 80, 5.0);
        HandMadePatterns.Write(_store, candidate, approved);
        var patterns = new SqlitePatternStore(_store);
        patterns.SetStatus(new StatusChange(approved.Id, PatternStatus.Approved, "marco", Now, null));

        CandidateFinder.FindAndMark(patterns, new CandidateOptions(), Now);
        var second = CandidateFinder.FindAndMark(patterns, new CandidateOptions(), Now.AddDays(1));

        Assert.Equal(candidate.Id, Assert.Single(second).Pattern.Id);
        Assert.Single(patterns.History(candidate.Id));
        Assert.Equal(PatternStatus.Approved, patterns.Find(approved.Id)!.Value.Status);
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
