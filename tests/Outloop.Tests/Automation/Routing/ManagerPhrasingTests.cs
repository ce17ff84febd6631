using Outloop.Automation.Routing;
using Outloop.Automation.Tools;

using static Outloop.Tests.Automation.Routing.EightKindsRouter;

namespace Outloop.Tests.Automation.Routing;

/// <summary>
/// Vague, chatty and reported requests: days and hedges, people describing themselves, what someone said, declined
/// work, time phrases before the request, and the parts of a build or a running app that only say where.
/// </summary>
public sealed class ManagerPhrasingTests
{
    [Theory]
    [InlineData("did the unit tests pass today?", "tester")]
    [InlineData("lemme know if the build is green atm", "builder")]
    [InlineData("gimme the lint warnings, roughly how many", "linter")]
    [InlineData("which files got changed lately", "changes")]
    [InlineData("anything in the linter output I should worry about?", "linter")]
    [InlineData("apply the pending migrations to the local database", "migrator")]
    public void DaysHedgesAndQuantitiesOfTheAnswerAreFillers(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("which files are not committed", "changes")]
    [InlineData("show me what is not staged on this branch", "changes")]
    public void AChangeNotCommittedIsAnUncommittedChange(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("I'm not a developer, can you just tell me what changed on the branch?", "changes")]
    [InlineData("we are not experts here, please run the tests", "tester")]
    public void ASpeakerDescribingThemselvesNegatesNoRequest(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("do not run the tests")]
    [InlineData("I'm not running the migrations today")]
    [InlineData("which files are not compiled")]
    public void ARealNegationStillAbstains(string text) => AssertAbstains(text);

    [Theory]
    [InlineData("please compile the project. my colleague said the rebase went badly", "builder")]
    [InlineData("there were lots of merge conflicts, I think I sorted them out. does the project still compile?", "builder")]
    [InlineData("I guess I broke something. could you run the tests", "tester")]
    public void WhatSomeoneReportedIsContext(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("run the tests and tell me what fails, no need to fix anything", "tester")]
    [InlineData("don't change any code, only lint it", "linter")]
    public void DeclinedWorkIsNoWorkAsked(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("run the tests, then fix what fails")]
    [InlineData("no need to run anything, just fix the failing test")]
    public void WorkStillAskedForStillAbstains(string text) => AssertAbstains(text);

    [Theory]
    [InlineData("after the sprint review we want the test suite run once more", "tester")]
    [InlineData("before the release I need the project compiled", "builder")]
    public void ATimePhraseBeforeTheSubjectEndsAtTheSubject(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("apply the formatting from the shared config to the whole codebase", "formatter")]
    [InlineData("compile the frontend bundle and the static assets", "builder")]
    [InlineData("does every submodule of the umbrella project compile cleanly?", "builder")]
    [InlineData("start the app and give me the url", "server")]
    [InlineData("run the app and tell me its port", "server")]
    [InlineData("run phpinsights on the src folder", "linter")]
    public void ScopeWordsAndNewToolNamesKeepTheRoute(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("move the formatting config from prettier to biome")]
    [InlineData("port the build scripts to gradle")]
    [InlineData("format the number with commas")]
    public void ReplacementsAndPortsStillAbstain(string text) => AssertAbstains(text);

    [Theory]
    [InlineData("modify the payment client")]
    [InlineData("edit the landing page")]
    [InlineData("change the api base url")]
    public void ChangingCodeIsWorkEvenWhenATargetListsModifiedFiles(string text)
    {
        var summary = new ToolDefinition("summary", ["git", "status"])
        {
            Description = "Summarise the repository: branch, modified files, last commits.",
            InputPatterns = ["git status"],
        };
        var router = Router.Build(RouteTarget.FromRegistry(new ToolRegistry([summary])));

        var decision = router.Decide(text);

        Assert.False(decision.Routed, decision.Why);
    }

    [Theory]
    [InlineData("recent commits and modified files please", "changes")]
    [InlineData("staged files?", "changes")]
    public void AParticipleBeforeANounDescribesIt(string text, string tool) => AssertRoutes(text, tool);
}
