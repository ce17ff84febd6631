using Outloop.Review;

namespace Outloop.Tests.Review;

public sealed class LearningConsolidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly LearningRules Rules = new(MaxCount: 50, RetentionDays: 90, PromotionThreshold: 3, SimilarityThreshold: 0.9);

    [Fact]
    public void JaccardIsSharedWordsOverAllWords()
    {
        Assert.Equal(0.9, LearningConsolidator.Jaccard(Words(9) + " extra", Words(9)));
        Assert.Equal(1.0, LearningConsolidator.Jaccard("Run the TESTS.", "run the tests"));
    }

    [Fact]
    public void LearningsExactlyAtTheSimilarityThresholdMergeIntoTheMostReferenced()
    {
        var weak = Make("a", Words(9) + " extra", tasks: 1);
        var strong = Make("b", Words(9), tasks: 2);

        var result = LearningConsolidator.Consolidate([weak, strong], Rules, Now);

        var kept = Assert.Single(result.Kept);
        Assert.Equal("b", kept.Id);
        Assert.Equal(3, kept.References);
        Assert.Equal("a", Assert.Single(result.Removed).Learning.Id);
    }

    [Fact]
    public void LearningsJustBelowTheSimilarityThresholdStaySeparate()
    {
        var a = Make("a", Words(17) + " extra other", tasks: 1);
        var b = Make("b", Words(17), tasks: 1);
        Assert.True(LearningConsolidator.Jaccard(a.Text, b.Text) is < 0.9 and > 0.89);

        var result = LearningConsolidator.Consolidate([a, b], Rules, Now);

        Assert.Equal(2, result.Kept.Count);
        Assert.Empty(result.Removed);
    }

    [Fact]
    public void ThreeReferencesPromoteAndTwoDoNot()
    {
        var three = Make("three", "run the linter before committing", tasks: 3);
        var two = Make("two", "read the migration guide first", tasks: 2);

        var result = LearningConsolidator.Consolidate([three, two], Rules, Now);

        Assert.Equal("three", Assert.Single(result.Promoted).Id);
        Assert.True(result.Kept.Single(l => l.Id == "three").Promoted);
        Assert.False(result.Kept.Single(l => l.Id == "two").Promoted);
    }

    [Fact]
    public void AnAlreadyPromotedLearningIsNotPromotedAgain()
    {
        var promoted = Make("p", "run the linter before committing", tasks: 5) with { Promoted = true };

        var result = LearningConsolidator.Consolidate([promoted], Rules, Now);

        Assert.Empty(result.Promoted);
        Assert.Single(result.Kept);
    }

    [Fact]
    public void OlderThanNinetyDaysWithFewerThanTwoReferencesIsRemovedAtNinetyDaysItStays()
    {
        var old = Make("old", "alpha beta", tasks: 1, age: TimeSpan.FromDays(90) + TimeSpan.FromMinutes(1));
        var exactly = Make("exact", "gamma delta", tasks: 1, age: TimeSpan.FromDays(90));
        var oldButReferenced = Make("ref", "epsilon zeta", tasks: 2, age: TimeSpan.FromDays(200));

        var result = LearningConsolidator.Consolidate([old, exactly, oldButReferenced], Rules, Now);

        Assert.Equal(["exact", "ref"], result.Kept.Select(l => l.Id).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("old", Assert.Single(result.Removed).Learning.Id);
    }

    [Fact]
    public void AtMostFiftyAreKeptTheMostReferencedFirst()
    {
        var learnings = Enumerable.Range(0, 51).Select(i => Make($"l{i:00}", $"unique lesson number {i}", tasks: i == 0 ? 1 : 2)).ToList();

        var result = LearningConsolidator.Consolidate(learnings, Rules, Now);

        Assert.Equal(50, result.Kept.Count);
        Assert.Equal("l00", Assert.Single(result.Removed).Learning.Id);
        Assert.Equal(50, LearningConsolidator.Consolidate(learnings.Skip(1), Rules, Now).Kept.Count);
    }

    private static string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(i => $"word{i}"));

    private static Learning Make(string id, string text, int tasks, TimeSpan? age = null) =>
        new(id, text, "test", [.. Enumerable.Range(0, tasks).Select(i => $"{id}-task{i}")], [], Now - (age ?? TimeSpan.Zero), Now - (age ?? TimeSpan.Zero));
}
