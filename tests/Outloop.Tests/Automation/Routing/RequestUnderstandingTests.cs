using Outloop.Automation.Routing;

using static Outloop.Tests.Automation.Routing.EightKindsRouter;

namespace Outloop.Tests.Automation.Routing;

/// <summary>
/// How requests are understood beyond their keywords: chat noise, commands after polite words, a verb read by its
/// object, a causative "make", negated qualifiers, places and context that never decide a route alone.
/// </summary>
public sealed class RequestUnderstandingTests
{
    [Theory]
    [InlineData("uh hello, could you perhaps run the tests for me, cheers", "tester")]
    [InlineData("sorry to bother, would you be able to lint the code?", "linter")]
    [InlineData("hmm maybe format the code properly if possible", "formatter")]
    [InlineData("I was wondering if you could compile the project", "builder")]
    [InlineData("kindly execute the test cases", "tester")]
    [InlineData("are there any lint issues in the payments code", "linter")]
    public void ChatNoiseAroundARequestIsIgnored(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("hello! would you mind running cargo clippy for me?", "linter")]
    [InlineData("ok um pnpm up", "deps")]
    [InlineData("dbmate up", "migrator")]
    [InlineData("php artisan migrate", "migrator")]
    [InlineData("dotnet ef database update", "migrator")]
    [InlineData("./gradlew bootRun", "server")]
    [InlineData("mvn spring-boot:run", "server")]
    [InlineData("bin/dev", "server")]
    [InlineData("go get -u ./...", "deps")]
    [InlineData("flutter pub upgrade", "deps")]
    [InlineData("swiftlint", "linter")]
    [InlineData("php vendor/bin/phpstan analyse", "linter")]
    [InlineData("stylua src", "formatter")]
    public void CommandsOfEveryEcosystemRouteByTheirOperation(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("prettier", "formatter")]
    [InlineData("gofmt the repo", "formatter")]
    [InlineData("run rustfmt on src", "formatter")]
    public void AFormatterNamedWithoutACheckFlagFormats(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("update the db schema", "migrator")]
    [InlineData("upgrade the database to the latest revision", "migrator")]
    [InlineData("apply pending schema changes", "migrator")]
    [InlineData("apply the code style to the frontend", "formatter")]
    [InlineData("enforce the code style", "formatter")]
    public void AVerbIsReadByItsObject(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("make the tests run", "tester")]
    [InlineData("make a debug build", "builder")]
    [InlineData("make the formatting consistent", "formatter")]
    [InlineData("make the packages up to date", "deps")]
    public void ACausativeMakeIsCarriedByItsComplement(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("make the build pass")]
    [InlineData("make a new migration")]
    [InlineData("make a migration for the orders table")]
    public void AMakeThatCreatesOrFixesAbstains(string text) => AssertAbstains(text);

    [Theory]
    [InlineData("run the tests, but not in parallel", "tester")]
    [InlineData("run the tests without coverage", "tester")]
    public void ANegatedQualifierKeepsTheRequest(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("migrate the frontend to svelte")]
    [InlineData("please migrate our auth code to the new sdk")]
    [InlineData("start a new service for billing")]
    [InlineData("what changed in the newest version of numpy")]
    [InlineData("tidy")]
    [InlineData("check the frontend")]
    public void PortingCreatingAndOffTopicQuestionsAbstain(string text) => AssertAbstains(text);

    [Theory]
    [InlineData("migrate the database to the latest version", "migrator")]
    [InlineData("apply the migrations to my local db", "migrator")]
    [InlineData("run the new migrations", "migrator")]
    public void MigratingTheSchemaToAStateIsAMigration(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("run the api locally", "server")]
    [InlineData("start the frontend", "server")]
    public void APartOfTheAppRunOnItsOwnIsStarted(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("does the library still compile?", "builder")]
    [InlineData("build the whole workspace", "builder")]
    [InlineData("produce a release build", "builder")]
    [InlineData("the imports look weird, format the code", "formatter")]
    [InlineData("run the formatter on app/", "formatter")]
    [InlineData("does it compile in packages/web?", "builder")]
    [InlineData("can you reformat everything before I commit?", "formatter")]
    public void PlacesAndContextDoNotDecideTheRoute(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("start the refactor of the api")]
    [InlineData("start over")]
    [InlineData("check out the main branch")]
    [InlineData("the app is slow")]
    [InlineData("my server is down")]
    [InlineData("the release build fails on arm64")]
    [InlineData("upgrade node to 22")]
    [InlineData("bump typescript to v5.6")]
    public void WorkNamedAsANounAParticleOrAStatementOfFactAbstains(string text) => AssertAbstains(text);

    [Theory]
    [InlineData("spin the server up in the background", "server")]
    [InlineData("update the node modules", "deps")]
    [InlineData("pip-compile --upgrade", "deps")]
    [InlineData("php -S localhost:8000", "server")]
    [InlineData("run the static analyzers", "linter")]
    [InlineData("let's run the tests one more time", "tester")]
    [InlineData("build the ios app", "builder")]
    [InlineData("run clang-format on the sources", "formatter")]
    [InlineData("bump the gradle dependencies", "deps")]
    public void CommonWordingsOfEachKindRoute(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("go get -u ./... && go mod tidy", "deps")]
    [InlineData("go get -u ./... and go mod tidy", "deps")]
    [InlineData("python -m build", "builder")]
    [InlineData("helm lint charts/api", "linter")]
    [InlineData("helm dependency update charts/api", "deps")]
    [InlineData("pod update", "deps")]
    [InlineData("pio pkg update", "deps")]
    [InlineData("pio test -e native", "tester")]
    public void AChainOfOneKindRoutesByItsOperation(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("make prettier use single quotes")]
    [InlineData("which is better for us, flyway or liquibase?")]
    [InlineData("run the tests. no idea why they fail")]
    [InlineData("what's the difference between a unit test and an integration test?")]
    [InlineData("update the migration to add a default value")]
    [InlineData("um open a pull request for this branch")]
    [InlineData("rm -rf dist build")]
    [InlineData("start the dev server and tell me whether we should use https")]
    public void ConfiguringAToolOrChoosingOneAbstains(string text) => AssertAbstains(text);

    [Theory]
    [InlineData("run ktlint on the whole project, report only, no autofix", "linter")]
    [InlineData("can you upgrade the gems? nothing major, just whatever the Gemfile allows", "deps")]
    [InlineData("pls reformat the ruby code, its a mess", "formatter")]
    [InlineData("which files are staged and which aren't?", "changes")]
    [InlineData("I've lost track — which files did I modify?", "changes")]
    [InlineData("so I've been going back and forth with QA, could you run the unit tests? thanks a lot", "tester")]
    [InlineData("someone added a column to the schema, bring my local db up to date with the migrations", "migrator")]
    [InlineData("my PR adds a migration; apply it locally so I can try it", "migrator")]
    [InlineData("please run the host tests and give me only the failures, I have a meeting in 5 min", "tester")]
    [InlineData("try compiling the solution, I only care about errors", "builder")]
    [InlineData("can you like reformat the source files they look all messy", "formatter")]
    [InlineData("um can you up date the packages", "deps")]
    [InlineData("start the dev server and tell me which URL I should open", "server")]
    [InlineData("update the SPM dependencies", "deps")]
    [InlineData("format the code, it looks awfully untidy", "formatter")]
    [InlineData("does it build? pushing soon", "builder")]
    [InlineData("run lnt on the whole thing", "linter")]
    [InlineData("run eslnt on the whole thing", "linter")]
    [InlineData("get the dev servr running in background pls", "server")]
    [InlineData("update the dependencies, like we did last sprint", "deps")]
    [InlineData("check whether it still builds; if it doesn't, leave it, I'll deal with it", "builder")]
    [InlineData("does this branch still build?", "builder")]
    [InlineData("does it build on my branch?", "builder")]
    [InlineData("if it compiles, don't bother me; if not, send me only the compiler errors", "builder")]
    [InlineData("run StyleCop and report the violations", "linter")]
    [InlineData("someone in code review said my code has style issues. can you run the linter and tell me what it finds?", "linter")]
    [InlineData("update packages, report what moved", "deps")]
    [InlineData("reformat everyting", "formatter")]
    [InlineData("run the tests again, same as this morning", "tester")]
    [InlineData("do the dependency update again, like last month", "deps")]
    [InlineData("pytest -q -x tests/unit, no coverage, stop at first failure", "tester")]
    [InlineData("lint only src/ and tests/, skip the generated folder, no autofix", "linter")]
    [InlineData("poetry update, all groups including dev, and commit nothing", "deps")]
    [InlineData("new migrations got merged, apply em pls", "migrator")]
    [InlineData("can you make my code formatted nicely? the indentation is all over the place", "formatter")]
    [InlineData("Marta says her migrations are applied; can you run the pending ones on my local db too", "migrator")]
    public void LimitsAsidesAndStatementsAroundTheRequestKeepIt(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("pre-commit failed: gofmt found unformatted files. format the code pls", "formatter")]
    [InlineData("npm audit: 14 vulnerabilities (3 high). run npm update, we'll look at the rest later", "deps")]
    [InlineData("how do i run the tests? can you just run them for me", "tester")]
    [InlineData("2am, hotfix branch — it compiles or not? check please", "builder")]
    public void SentencesToldBeforeTheRequestSayWhatItIsAbout(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("why do the tests fail? run them")]
    [InlineData("the login page crashes. fix it")]
    public void AWhyOrWorkAfterToldSentencesStillAbstains(string text) => AssertAbstains(text);

    [Theory]
    [InlineData("The development server should be started in the background.", "server")]
    [InlineData("A build is needed.", "builder")]
    [InlineData("It would be appreciated if the complete test suite could be run.", "tester")]
    [InlineData("the migrations run please", "migrator")]
    [InlineData("the linter over the code let run, please", "linter")]
    [InlineData("The code should be linted before review.", "linter")]
    [InlineData("It would be appreciated if the linters were run and the findings reported.", "linter")]
    [InlineData("the migrations again please, Tom merged two new ones", "migrator")]
    [InlineData("build the frontend you can? on branch feature/invoice-pdf I am", "builder")]
    public void PassiveVoiceAndVerbLastOrderReadAsTheRequest(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("step 1: go test ./... and report only failing packages", "tester")]
    [InlineData("Step 2 of the pre-merge checklist: run the unit tests for the service", "tester")]
    [InlineData("bump pkgs", "deps")]
    [InlineData("lint: all pkgs", "linter")]
    [InlineData("lint all packages", "linter")]
    [InlineData("pretty up the scss and tsx files", "formatter")]
    [InlineData("As part of ORD-88, please run the unit tests of the order-service module", "tester")]
    [InlineData("CORE-318: run spotlessApply so the formatting is consistent", "formatter")]
    [InlineData("did my last change break the build? run it", "builder")]
    [InlineData("uncommitted stuff?", "changes")]
    [InlineData("before tagging v2.8.0 run the tests one more time", "tester")]
    [InlineData("launch the app locally, I need a screenshot for the release notes", "server")]
    public void LabelsTicketsPackagesAndQuestionSubjectsAreReadForWhatTheyAre(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("Unit tests are to be written for the new CSV exporter.")]
    [InlineData("in the eslint config the rule max-len to 120 set, please")]
    [InlineData("my changes commit with a good message and then to origin push")]
    [InlineData("the app doesn't start, help")]
    public void PassiveOrVerbLastWorkStillAbstains(string text) => AssertAbstains(text);

    [Fact]
    public void ChatFillersAreNotTokens()
    {
        var tokens = TextAnalyzer.Analyze("um hi, sorry, maybe run the tests properly");

        Assert.Equal(["run", "test"], tokens.Select(t => t.Concepts[0]));
    }

    [Fact]
    public void UpdatingTheSchemaIsReadAsMigratingButUpdatingPackagesIsNot()
    {
        Assert.Contains(TextAnalyzer.Analyze("update the database schema"), t => t.Concepts[0] == "migrate");
        Assert.DoesNotContain(TextAnalyzer.Analyze("update the database packages"), t => t.Concepts[0] == "migrate");
    }
}
