using Outloop.Automation.Routing;

namespace Outloop.Tests.Automation.Routing;

public sealed class TextAnalyzerTests
{
    [Theory]
    [InlineData("tests", "test")]
    [InlineData("testing", "test")]
    [InlineData("formatting", "format")]
    [InlineData("changes", "chang")]
    [InlineData("changed", "chang")]
    [InlineData("dependencies", "dependency")]
    [InlineData("running", "run")]
    [InlineData("css", "css")]
    public void StemsInflectionsToOneForm(string word, string stem) => Assert.Equal(stem, Stemmer.Stem(word));

    [Fact]
    public void SynonymsAndToolNamesMapToTheirConcept()
    {
        var tokens = TextAnalyzer.Analyze("Compile it, then run jest and bump the deps");

        Assert.Equal(["build", "run", "jest", "update", "dependency"], tokens.Select(t => t.Concepts[0]));
        Assert.Equal(["jest", "test"], tokens[2].Concepts);
    }

    [Fact]
    public void WorkVerbsCountOnlyWhereTheyOpenAClauseWhenTheyAreAlsoNouns()
    {
        var commitVerb = TextAnalyzer.Analyze("commit my changes");
        var commitNoun = TextAnalyzer.Analyze("show the last commit");

        Assert.Equal(WordClass.Work, commitVerb[0].Class);
        Assert.Equal(WordClass.Topic, commitNoun.Single(t => t.Surface == "commit").Class);
    }

    [Fact]
    public void WordsAfterAPrepositionAreScopeAndNegationSurvivesContractions()
    {
        var tokens = TextAnalyzer.Analyze("don't run the tests on the billing module");

        Assert.Equal(WordClass.Negation, tokens[0].Class);
        Assert.True(tokens.Single(t => t.Surface == "billing").Scoped);
        Assert.False(tokens.Single(t => t.Surface == "tests").Scoped);
    }

    [Fact]
    public void QuestionsAndBugReportsAreMarked()
    {
        Assert.Contains(TextAnalyzer.Analyze("how do I build it"), t => t.Class == WordClass.Question);
        Assert.Contains(TextAnalyzer.Analyze("it throws a TypeError"), t => t.Class == WordClass.Problem);
    }
}
