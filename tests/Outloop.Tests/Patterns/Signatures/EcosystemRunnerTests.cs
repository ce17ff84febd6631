using Outloop.Patterns.Signatures;

namespace Outloop.Tests.Patterns.Signatures;

/// <summary>Runners of the mainstream ecosystems that apply migrations, start servers, upgrade dependencies, lint or format.</summary>
public sealed class EcosystemRunnerTests
{
    private static OperationSignature Bash(string command) =>
        OperationClassifier.Classify(new ToolInvocation("claude", "Bash", null, command, "/repo", "/repo"));

    [Theory]
    [InlineData("go get -u ./...", "deps:go:update")]
    [InlineData("go get github.com/pkg/errors", "deps:go:get")]
    [InlineData("cargo upgrade --incompatible", "deps:cargo:upgrade")]
    [InlineData("uv sync --upgrade", "deps:uv:upgrade")]
    [InlineData("pip install --upgrade -r requirements-dev.txt", "deps:pip:upgrade")]
    [InlineData("pip install -U httpx", "deps:pip:install")]
    [InlineData("flutter pub upgrade", "deps:flutter:upgrade")]
    [InlineData("dart pub get", "deps:dart:pub-get")]
    [InlineData("swift package update", "deps:swift:update")]
    [InlineData("dotnet outdated -u", "deps:dotnet:upgrade")]
    public void DependencyUpgradesAreNamedAsUpgrades(string command, string expected) => Assert.Equal(expected, Bash(command).ToString());

    [Theory]
    [InlineData("dotnet ef database update", "run:dotnet-ef:migrate")]
    [InlineData("mvn flyway:migrate", "run:maven:migrate")]
    [InlineData("./gradlew flywayMigrate", "run:gradle:migrate")]
    [InlineData("php bin/console doctrine:migrations:migrate", "run:symfony:migrate")]
    [InlineData("yoyo apply", "run:yoyo:migrate")]
    [InlineData("npx mikro-orm migration:up", "run:mikro-orm:migrate")]
    [InlineData("./scripts/run_migrations.sh", "run:run_migrations:migrate")]
    public void MigrationRunnersApplyMigrations(string command, string expected) => Assert.Equal(expected, Bash(command).ToString());

    [Theory]
    [InlineData("mvn spring-boot:run", "run:maven:server")]
    [InlineData("./gradlew bootRun", "run:gradle:server")]
    [InlineData("dotnet watch", "run:dotnet:server")]
    [InlineData("dotnet watch run --project src/Api", "run:dotnet:server")]
    [InlineData("dotnet watch test", "test:dotnet:all")]
    [InlineData("bin/dev", "run:dev:server")]
    [InlineData("./script/server", "run:server:server")]
    [InlineData("foreman start -f Procfile.dev", "run:foreman:server")]
    [InlineData("hugo server -D", "run:hugo:server")]
    [InlineData("npx http-server dist", "run:http-server:server")]
    public void DevelopmentServersAreRecognised(string command, string expected) => Assert.Equal(expected, Bash(command).ToString());

    [Theory]
    [InlineData("swiftlint", "lint")]
    [InlineData("php vendor/bin/phpstan analyse src", "lint")]
    [InlineData("php vendor/bin/php-cs-fixer fix", "format")]
    [InlineData("php vendor/bin/php-cs-fixer fix --dry-run", "lint")]
    [InlineData("stylua src", "format")]
    [InlineData("shfmt -w scripts", "format")]
    [InlineData("swift-format -i -r Sources", "format")]
    [InlineData("hlint src", "lint")]
    public void LintersAndFormattersOfMoreLanguagesAreKnown(string command, string category) => Assert.Equal(category, Bash(command).Category);
}
