using Outloop.Patterns.Signatures;

namespace Outloop.Tests.Patterns.Signatures;

/// <summary>
/// The project's application started by its ecosystem's runner is marked as such, the build tools with task
/// languages of their own (sbt, Leiningen, the Clojure CLI, Mill, dune, Nix) are read task by task, and releases,
/// scaffolds and migration steps other than "apply" are told apart from builds and migrations.
/// </summary>
public sealed class ApplicationRunSignatureTests
{
    private static OperationSignature Bash(string command) =>
        OperationClassifier.Classify(new ToolInvocation("claude", "Bash", null, command, "/repo", "/repo"));

    [Theory]
    [InlineData("cargo run", "run:cargo:all")]
    [InlineData("cargo run --release --bin server", "run:cargo:all")]
    [InlineData("cargo watch -x run", "run:cargo:server")]
    [InlineData("go run .", "run:go:all")]
    [InlineData("go run ./cmd/api", "run:go:cmd/api")]
    [InlineData("dotnet run --project src/Api", "run:dotnet:src/Api")]
    [InlineData("flutter run -d chrome", "run:flutter:all")]
    [InlineData("stack run", "run:stack:all")]
    [InlineData("cabal run exe:server", "run:cabal:exe.server")]
    [InlineData("dune exec ./bin/main.exe", "run:dune:main")]
    [InlineData("zig build run", "run:zig:all")]
    [InlineData("swift run", "run:swift:all")]
    [InlineData("lein run", "run:lein:all")]
    [InlineData("sbt ~reStart", "run:sbt:server")]
    [InlineData("sbt run", "run:sbt:all")]
    [InlineData("mill app.run", "run:mill:app")]
    [InlineData("clojure -M -m myapp.core", "run:clojure:all")]
    [InlineData("./gradlew run", "run:gradle:all")]
    [InlineData("java -jar target/app.jar", "run:java:target")]
    [InlineData("docker compose up -d", "run:docker:compose-up")]
    [InlineData("mix run --no-halt", "run:mix:all")]
    [InlineData("iex -S mix phx.server", "run:iex:all")]
    [InlineData("node --watch server.js", "run:node:server.js")]
    [InlineData("python app.py", "run:python:app.py")]
    [InlineData("nix run", "run:nix:all")]
    public void TheApplicationStartedByItsRunnerIsMarked(string command, string expected)
    {
        var signature = Bash(command);

        Assert.Equal(expected, signature.ToString());
        Assert.True(signature.StartsApp, command);
    }

    [Theory]
    [InlineData("go run scripts/gen.go")]
    [InlineData("go run golang.org/x/tools/cmd/stringer@latest -type=Color")]
    [InlineData("cargo run --example demo")]
    [InlineData("mix run priv/repo/seeds.exs")]
    [InlineData("python scripts/backfill.py")]
    [InlineData("docker compose down")]
    [InlineData("nix run nixpkgs#hello")]
    [InlineData("lein repl")]
    [InlineData("stack ghci")]
    public void OneOffProgramsAndOtherRunsAreNotTheApplication(string command) => Assert.False(Bash(command).StartsApp, command);

    [Theory]
    [InlineData("sbt clean test", "test")]
    [InlineData("sbt \"testOnly com.acme.UserSpec\"", "test")]
    [InlineData("sbt compile", "build")]
    [InlineData("sbt scalafmtAll", "format")]
    [InlineData("sbt scalafmtCheckAll", "lint")]
    [InlineData("lein test", "test")]
    [InlineData("lein do clean, test", "test")]
    [InlineData("lein uberjar", "build")]
    [InlineData("lein cljfmt fix", "format")]
    [InlineData("lein cljfmt check", "lint")]
    [InlineData("clojure -M:test", "test")]
    [InlineData("clojure -X:test:dev", "test")]
    [InlineData("clojure -T:build uber", "build")]
    [InlineData("clj -M:lint", "lint")]
    [InlineData("mill __.test", "test")]
    [InlineData("mill app.compile", "build")]
    [InlineData("mill mill.scalalib.scalafmt.ScalafmtModule/reformatAll __.sources", "format")]
    [InlineData("bin/kaocha", "test")]
    [InlineData("dune runtest", "test")]
    [InlineData("dune build @runtest", "test")]
    [InlineData("dune build", "build")]
    [InlineData("dune build @fmt", "lint")]
    [InlineData("dune build @fmt --auto-promote", "format")]
    [InlineData("ocamlformat -i lib/main.ml", "format")]
    [InlineData("ocamlformat --check lib/main.ml", "lint")]
    [InlineData("cargo watch -x test", "test")]
    [InlineData("cargo watch", "build")]
    [InlineData("bacon clippy", "lint")]
    [InlineData("standardrb --fix", "format")]
    [InlineData("standardrb", "lint")]
    [InlineData("srb tc", "build")]
    [InlineData("crystal spec", "test")]
    [InlineData("nim c -r tests/test_parser.nim", "test")]
    [InlineData("dart run build_runner build", "build")]
    [InlineData("nix build", "build")]
    [InlineData("nix flake check", "test")]
    [InlineData("nix fmt", "format")]
    [InlineData("golangci-lint fmt", "format")]
    [InlineData("buf generate", "build")]
    [InlineData("opam exec -- dune build", "build")]
    [InlineData("dotnet csharpier .", "format")]
    public void BuildToolsWithTaskLanguagesOfTheirOwnAreReadTaskByTask(string command, string category) =>
        Assert.Equal(category, Bash(command).Category);

    [Theory]
    [InlineData("opam update && opam upgrade", "deps:opam:upgrade")]
    [InlineData("nix flake update", "deps:nix:update")]
    [InlineData("yarn upgrade-interactive --latest", "deps:yarn:update")]
    [InlineData("sbt update", "deps:sbt:resolve")]
    [InlineData("lein ancient upgrade", "deps:lein:upgrade")]
    [InlineData("./gradlew useLatestVersions", "deps:gradle:upgrade")]
    [InlineData("deno outdated --update", "deps:deno:upgrade")]
    [InlineData("cargo outdated", "deps:cargo:outdated")]
    public void DependencyCommandsSayWhetherTheyUpgrade(string command, string expected) => Assert.Equal(expected, Bash(command).ToString());

    [Theory]
    [InlineData("cargo publish", "run:cargo:publish")]
    [InlineData("npm publish", "run:npm:publish")]
    [InlineData("npm version patch", "run:npm:version")]
    [InlineData("poetry publish --build", "run:poetry:publish")]
    [InlineData("mvn deploy", "run:maven:deploy")]
    [InlineData("./gradlew publish", "run:gradle:publish")]
    [InlineData("sbt publish", "run:sbt:publish")]
    public void PublishingAReleaseIsNoBuild(string command, string expected) => Assert.Equal(expected, Bash(command).ToString());

    [Theory]
    [InlineData("sbt flywayMigrate", "run:sbt:migrate")]
    [InlineData("lein migratus migrate", "run:lein:migrate")]
    [InlineData("npx kysely migrate:latest", "run:kysely:migrate")]
    [InlineData("kysely migrate latest", "run:kysely:migrate")]
    [InlineData("mig up", "run:mig:migrate")]
    [InlineData("flask db upgrade", "run:flask:migrate")]
    [InlineData("goose -dir db/migrations postgres \"$DB_URL\" up", "run:goose:migrate")]
    [InlineData("atlas migrate apply --env local", "run:atlas:migrate")]
    [InlineData("bin/console doctrine:migrations:migrate", "run:symfony:migrate")]
    public void MigrationsAppliedAreRecognisedWhereverTheStepStands(string command, string expected) => Assert.Equal(expected, Bash(command).ToString());

    [Theory]
    [InlineData("npx prisma migrate reset")]
    [InlineData("kysely migrate make add_users")]
    [InlineData("sqlx migrate add create_users")]
    [InlineData("atlas migrate diff add_users")]
    [InlineData("flask db migrate")]
    [InlineData("migrate -path db/migrations -database $DATABASE_URL down 1")]
    [InlineData("mig down")]
    public void MigrationStepsOtherThanApplyingAreNotMigrations(string command) =>
        Assert.NotEqual(RunnerTable.MigrateTarget, Bash(command).Target);
}
