using Outloop.Automation.Routing;

using static Outloop.Tests.Automation.Routing.EightKindsRouter;

namespace Outloop.Tests.Automation.Routing;

/// <summary>
/// Words the vocabulary does not know, read by what they do in the sentence (the WordNet verb lexicon), and the
/// clauses around a request that only give context: the speaker's own statements, hedges, conditions, relative clauses.
/// </summary>
public sealed class WordReadingTests
{
    [Theory]
    [InlineData("squash", "Main")]
    [InlineData("squashed", "Main")]
    [InlineData("bisecting", "Main")]
    [InlineData("digging", "Main")]
    [InlineData("ran", "Main")]
    [InlineData("deploys", "Main")]
    [InlineData("seed", "Possible")]
    [InlineData("gateway", "None")]
    [InlineData("headers", "None")]
    [InlineData("kubernetes", "None")]
    public void TheLexiconTellsWhetherAWordCanBeAVerb(string word, string expected) =>
        Assert.Equal(expected, EnglishVerbs.Read(word).ToString());

    [Theory]
    [InlineData("does the gateway still compile after I moved the proto package?", "builder")]
    [InlineData("which headers did I change?", "changes")]
    [InlineData("execute unit test of module biling", "tester")]
    [InlineData("boot the vapor app locally so I can hit it from the simulator", "server")]
    public void AThingNamedOnlySaysWhatTheRequestIsAbout(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("squash my last three commits")]
    [InlineData("bisect which commit broke the test run")]
    [InlineData("build a REST API for todos")]
    [InlineData("compile a list of the endpoints")]
    [InlineData("format the prices in the invoice template with two decimal places")]
    [InlineData("lint roller for the kitchen")]
    [InlineData("git commit -am wip")]
    public void AnUnknownActionOrSomethingNewToMakeStillAbstains(string text) => AssertAbstains(text);

    [Theory]
    [InlineData("I'm a bit lost, can you tell me which files I've changed?", "changes")]
    [InlineData("I think my editor messed up the spacing in a few files, could you please run the formatter on the whole project?", "formatter")]
    [InlineData("sorry, I keep forgetting how to see the lint errors here... can you just run the linter for me?", "linter")]
    [InlineData("i am not sure i did the refactor correctly, can you compile it and tell me if there are errors?", "builder")]
    [InlineData("Hi, sorry if this is a silly question, but could you please run the tests for me?", "tester")]
    [InlineData("okay now apply the migration i just pulled", "migrator")]
    [InlineData("just give me the failures of the tests, not the full output", "tester")]
    [InlineData("compile is ok or not?", "builder")]
    [InlineData("before I commit, could you show me what changed? I don't want to commit on main by accident", "changes")]
    [InlineData("bring the server up in the background", "server")]
    [InlineData("get the app running locally", "server")]
    [InlineData("uh lint the backend folder and read me the warnings", "linter")]
    public void TheSpeakersOwnContextNeitherVetoesNorCountsAgainstTheRequest(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("don't run the tests")]
    [InlineData("I don't want you to run the migrations")]
    [InlineData("if the tests pass, deploy to production")]
    public void ANegatedRequestOrAConditionOnWorkStillAbstains(string text) => AssertAbstains(text);

    [Theory]
    [InlineData("the diff is a mess because my editor didn't run the formatter on save, can you format the code?", "formatter")]
    [InlineData("I have pulled the branch of Camille, there are new migrations, can you apply the migrations?", "migrator")]
    [InlineData("we removed the old repository interfaces -- could you check whether the InventoryDomain project compiles?", "builder")]
    [InlineData("please apply the migrations (the ones adding the partition tables) to my local db", "migrator")]
    [InlineData("I reorganised the module, so run the linter over the repo", "linter")]
    [InlineData("Can you actualise the dependencies?", "deps")]
    [InlineData("run the tests and tell me which ones changed since yesterday", "tester")]
    [InlineData("lint came back dirty, run it again", "linter")]
    [InlineData("Format whole project, in pull request reviewer complains on formatting", "formatter")]
    public void StatementsAsidesAndWhatIsReportedBackDoNotVeto(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("FAILED tests/test_orders.py::test_refund_partial - AssertionError: 40 != 45\nI think I fixed it, rerun the tests", "tester")]
    [InlineData("You have 3 unapplied migration(s).\napply them pls", "migrator")]
    [InlineData("step 1: run the tests and report only the failures", "tester")]
    [InlineData("@ci-helper lint the code and post the findings", "linter")]
    [InlineData("Bot: run the tests on this branch", "tester")]
    [InlineData("nice, the tests were green for the backend. do the same for the frontend pls", "tester")]
    [InlineData("It would be helpful to have the dependencies upgraded to their latest compatible versions", "deps")]
    [InlineData("pushed a fix for that, build the project again", "builder")]
    [InlineData("run the tests, no need to look into the failures", "tester")]
    public void PastedOutputLabelsAndReferencesBackAreReadAsContext(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("TypeError: Cannot read properties of undefined (reading 'map')\n    at OrderList (OrderList.jsx:23:18)\nfix this")]
    [InlineData("ModuleNotFoundError: No module named 'torch._C'\nwhy is this happening?")]
    [InlineData("what does `make check` do in this repo?")]
    [InlineData("right some unit tests for the currency converter")]
    [InlineData("any chance you could tell me whether we should pin our dependencies or use version ranges?")]
    public void AFixAQuestionOrAnExplanationAfterPastedOutputStillAbstains(string text) => AssertAbstains(text);

    [Theory]
    [InlineData("whats the diff between useMemo and useCallback again")]
    [InlineData("start a new project for the mobile app")]
    [InlineData("it must not start before the db is up, start the server")]
    [InlineData("which files are not compiled")]
    [InlineData("please make run the tests for me and fix whatever fails")]
    public void NegatedRequestsNewThingsAndQuestionsAboutCodeStillAbstain(string text) => AssertAbstains(text);

    [Fact]
    public void ALongWordEnglishHasIsNoTypo()
    {
        var corrector = new TypoCorrector(["writing", "convert"], []);

        Assert.Null(corrector.Correct("waiting"));
        Assert.Null(corrector.Correct("context"));
        Assert.True(EnglishWords.Contains("context"));
        Assert.True(EnglishWords.Contains("forgetting"));
        Assert.False(EnglishWords.Contains("formattign"));
    }

    [Fact]
    public void ARealEnglishVerbIsNotCorrectedTwoLettersAway()
    {
        var corrector = new TypoCorrector(["formatting", "migrations"], []);

        Assert.Null(corrector.Correct("forgetting"));
        Assert.Equal("formatting", corrector.Correct("formattign"));
        Assert.Equal("migrations", corrector.Correct("migrtaions"));
    }
}
