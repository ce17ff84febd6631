using Outloop.Patterns.Templates;

namespace Outloop.Tests.Patterns.Templates;

public sealed class TemplateMetricsTests
{
    // Truth groups: A = {0,1}, B = {2,3}, C = {4}. Parsed groups: x = {0,1}, y = {2}, z = {3,4}.
    private static readonly string[] Truth = ["A", "A", "B", "B", "C"];
    private static readonly string[] Parsed = ["x", "x", "y", "z", "z"];

    [Fact]
    public void GroupingAccuracyCountsOnlyLinesOfExactlyRecoveredGroups()
    {
        // A is recovered exactly; B is split, C is merged with part of B.
        Assert.Equal(2.0 / 5, TemplateMetrics.GroupingAccuracy(Truth, Parsed), 10);
    }

    [Fact]
    public void FGroupingAccuracyIsTheF1OfCorrectGroups()
    {
        // One correct group of three parsed and three true: precision = recall = 1/3.
        Assert.Equal(1.0 / 3, TemplateMetrics.FGroupingAccuracy(Truth, Parsed), 10);
    }

    [Fact]
    public void ParsingAccuracyComparesTemplateTextLineByLine()
    {
        string[] truth = ["a <*>", "a <*>", "b"];
        string[] parsed = ["a <*>", "a <*>", "b x"];
        Assert.Equal(2.0 / 3, TemplateMetrics.ParsingAccuracy(truth, parsed), 10);
    }

    [Fact]
    public void FTemplateAccuracyNeedsRightGroupingAndRightText()
    {
        // Grouping is perfect, but the second template's text is wrong: one of two templates is correct.
        string[] truth = ["a <*>", "a <*>", "b"];
        string[] parsed = ["a <*>", "a <*>", "b x"];
        Assert.Equal(1.0, TemplateMetrics.FGroupingAccuracy(truth, parsed), 10);
        Assert.Equal(0.5, TemplateMetrics.FTemplateAccuracy(truth, parsed), 10);
    }

    [Fact]
    public void FTemplateAccuracyRejectsATemplateThatMixesTwoTrueOnes()
    {
        string[] truth = ["a <*>", "a <*>", "a b"];
        string[] parsed = ["a <*>", "a <*>", "a <*>"];
        // The one parsed template holds two true templates: nothing is correct.
        Assert.Equal(0.0, TemplateMetrics.FTemplateAccuracy(truth, parsed), 10);
        Assert.Equal(0.0, TemplateMetrics.GroupingAccuracy(truth, parsed), 10);
    }

    [Fact]
    public void PerfectParseScoresOneEverywhere()
    {
        string[] truth = ["a <*>", "b", "a <*>"];
        var scores = TemplateMetrics.Score(["E1", "E2", "E1"], truth, truth);
        Assert.Equal(new TemplateScores(1, 1, 1, 1), scores);
    }
}
