using Outloop.Automation.Routing;
using Outloop.Automation.Tools;

using static Outloop.Tests.Automation.Routing.EightKindsRouter;

namespace Outloop.Tests.Automation.Routing;

/// <summary>
/// Commands of every ecosystem read by what they do: the application started by its runner is the server tool,
/// a fix-mode formatter the formatter, and a known command that does none of the routable operations (a release,
/// a scaffold, a rollback, an install) routes nowhere, unless a tool names that very command.
/// </summary>
public sealed class KnownCommandTests
{
    [Theory]
    [InlineData("cargo run", "server")]
    [InlineData("flutter run -d chrome", "server")]
    [InlineData("stack run", "server")]
    [InlineData("lein run", "server")]
    [InlineData("sbt ~reStart", "server")]
    [InlineData("dune exec ./bin/main.exe", "server")]
    [InlineData("docker compose up -d", "server")]
    [InlineData("can you run cargo watch -x run for me", "server")]
    [InlineData("npm run start:dev", "server")]
    [InlineData("clojure -M:test", "tester")]
    [InlineData("bin/kaocha", "tester")]
    [InlineData("dune runtest", "tester")]
    [InlineData("make", "builder")]
    [InlineData("srb tc", "builder")]
    [InlineData("standardrb --fix", "formatter")]
    [InlineData("dune build @fmt --auto-promote", "formatter")]
    [InlineData("ocamlformat -i lib/*.ml", "formatter")]
    [InlineData("opam update && opam upgrade", "deps")]
    [InlineData("MIX_ENV=test mix ecto.migrate", "migrator")]
    [InlineData("sbt flywayMigrate", "migrator")]
    [InlineData("npx kysely migrate:latest", "migrator")]
    [InlineData("just migrate", "migrator")]
    [InlineData("nox -s lint", "linter")]
    public void EcosystemCommandsRouteByWhatTheyDo(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("nx serve storefront", "server")]
    [InlineData("nx run api:serve:production", "server")]
    [InlineData("nx affected -t lint", "linter")]
    [InlineData("nx format:write", "formatter")]
    [InlineData("bazel run //:format", "formatter")]
    [InlineData("bazel run //services/billing/db:migrate", "migrator")]
    [InlineData("ibazel run //web/app:devserver", "server")]
    [InlineData("yarn workspace @acme/admin upgrade", "deps")]
    [InlineData("pnpm --filter web dev", "server")]
    [InlineData("turbo run build --filter=api", "builder")]
    [InlineData("moon run web:lint", "linter")]
    [InlineData("earthly +test", "tester")]
    [InlineData("pants test ::", "tester")]
    public void MonorepoTaskRunnersRouteByTheTaskTheyRun(string text, string tool) => AssertRoutes(text, tool);

    [Theory]
    [InlineData("nx release")]
    [InlineData("nx migrate latest")]
    [InlineData("bazel clean")]
    [InlineData("bazel run //tools:release")]
    [InlineData("turbo prune web")]
    [InlineData("lerna publish")]
    [InlineData("rush publish")]
    [InlineData("task release")]
    [InlineData("nx run web:storybook")]
    public void AMonorepoTaskNamedForNoRoutableOperationAbstains(string text) => AssertAbstains(text);

    [Theory]
    [InlineData("cargo publish")]
    [InlineData("npm publish")]
    [InlineData("mix deps.get")]
    [InlineData("rails db:rollback")]
    [InlineData("npx prisma migrate reset")]
    [InlineData("migrate -path db/migrations -database $DATABASE_URL down 1")]
    [InlineData("go run golang.org/x/tools/cmd/stringer@latest -type=Color")]
    [InlineData("git branch -D old-feature")]
    [InlineData("docker compose down")]
    [InlineData("cmake --install build")]
    public void AKnownCommandThatDoesNoRoutableOperationAbstains(string text) => AssertAbstains(text);

    [Fact]
    public void AToolThatNamesTheCommandWordForWordStillTakesIt()
    {
        var router = Router.Build(RouteTarget.FromRegistry(new ToolRegistry(
        [
            .. RoutingData.EightKinds().Tools,
            new ToolDefinition("release", ["bash", "release.sh"]) { Description = "Publish the crate.", InputPatterns = ["cargo publish"] },
        ])));

        var decision = router.Decide("cargo publish");

        Assert.True(decision.Routed, decision.Why);
        Assert.Equal("release", decision.Target!.Name);
    }
}
