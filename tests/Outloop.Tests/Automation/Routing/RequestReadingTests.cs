using Outloop.Automation.Routing;

using static Outloop.Tests.Automation.Routing.EightKindsRouter;

namespace Outloop.Tests.Automation.Routing;

/// <summary>Typos, shell commands written as requests, context clauses and arguments (paths, branches, flags).</summary>
public sealed class RequestReadingTests
{
    [Theory]
    [InlineData("buld the project", "builder")]
    [InlineData("formatt the code please", "formatter")]
    [InlineData("upgarde the dependencies", "deps")]
    [InlineData("migrte the database", "migrator")]
    [InlineData("run the tsets", "tester")]
    [InlineData("satrt the server", "server")]
    public void AMisspeltWordIsReadAsTheKnownWordItIsCloseTo(string text, string tool) => AssertRoutes(text, tool);

    [Fact]
    public void TypoCorrectionNeedsOneCloseConceptAndLeavesEverydayWordsAlone()
    {
        var corrector = new TypoCorrector(["lint", "unit", "lock", "test", "tests", "dependencies"], ["look"]);

        Assert.Equal("lint", corrector.Correct("lnit"));
        Assert.Equal("test", corrector.Correct("tset"));
        Assert.Equal("dependencies", corrector.Correct("dependncies"));
        Assert.Null(corrector.Correct("look"));
        Assert.Null(corrector.Correct("lnk"));
        Assert.Null(corrector.Correct("pizza"));
        Assert.Null(new TypoCorrector(["building"], []).Correct("billing"));
        Assert.Equal(1, TypoCorrector.Distance("buidl", "build", 2));
        Assert.Equal(2, TypoCorrector.Distance("migrt", "migrate", 2));
    }

    [Theory]
    [InlineData("cargo test --workspace", "tester")]
    [InlineData("please run `pytest -x tests/unit`", "tester")]
    [InlineData("go build ./...", "builder")]
    [InlineData("npx eslint src", "linter")]
    [InlineData("gofmt -w .", "formatter")]
    [InlineData("pnpm update", "deps")]
    [InlineData("bundle exec rails db:migrate", "migrator")]
    [InlineData("mix ecto.migrate", "migrator")]
    [InlineData("alembic upgrade head", "migrator")]
    [InlineData("flask run --debug", "server")]
    [InlineData("uvicorn app.main:app --reload", "server")]
    [InlineData("pnpm run dev", "server")]
    [InlineData("git diff --stat", "changes")]
    public void AShellCommandRoutesToTheTargetOfItsOperation(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("npm install left-pad")]
    [InlineData("git push origin main")]
    [InlineData("alembic downgrade -1")]
    [InlineData("make the tests pass")]
    [InlineData("go ahead and rewrite the parser")]
    [InlineData("cargo test and fix whatever fails")]
    public void ACommandThatChangesThingsOrProseThatLooksLikeOneAbstains(string text) => AssertAbstains(text);

    [Theory]
    [InlineData("lint the new files", "linter")]
    [InlineData("format everything before we release", "formatter")]
    [InlineData("I just merged the feature branch, run the tests", "tester")]
    [InlineData("tidy up the formatting", "formatter")]
    [InlineData("do the tests still pass after my edit?", "tester")]
    [InlineData("bring the packages up to date", "deps")]
    public void AWorkWordThatOnlyQualifiesOrGivesContextDoesNotVeto(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("write tests for the new parser")]
    [InlineData("tidy up the tests")]
    [InlineData("after you fix the importer, run the tests")]
    [InlineData("why do the migrations fail in staging")]
    [InlineData("move the build from make to bazel")]
    public void WorkAskedForStillAbstains(string text) => AssertAbstains(text);

    [Theory]
    [InlineData("run tests/unit/test_cart.py", "tester")]
    [InlineData("I'm on feature/login-2, build it please", "builder")]
    [InlineData("does it still compile after the rebase?", "builder")]
    public void PathsBranchesAndFlagsAreArgumentsNotUnexplainedWords(string text, string tool) => AssertRoutes(text, tool);

    [Fact]
    public void ArgumentsAndContextClausesAreScopedInTheAnalysis()
    {
        var tokens = TextAnalyzer.Analyze("run src/billing/invoice.py before I commit");

        Assert.All(tokens.Where(t => t.Surface is "billing" or "invoice" or "py"), t => Assert.Equal(WordClass.Scope, t.Class));
        Assert.All(tokens.Where(t => t.Surface == "commit"), t => Assert.NotEqual(WordClass.Work, t.Class));
        Assert.Equal(WordClass.Work, TextAnalyzer.Analyze("commit my changes")[0].Class);
    }
}
