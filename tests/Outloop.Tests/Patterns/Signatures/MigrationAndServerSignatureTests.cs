using Outloop.Patterns.Signatures;

namespace Outloop.Tests.Patterns.Signatures;

public sealed class MigrationAndServerSignatureTests
{
    [Theory]
    [InlineData("alembic upgrade head", "run:alembic:migrate")]
    [InlineData("alembic downgrade base", "run:alembic:rollback")]
    [InlineData("npx prisma migrate dev --name init", "run:prisma:migrate")]
    [InlineData("bin/rails db:migrate", "run:rails:migrate")]
    [InlineData("mix phx.server", "run:mix:server")]
    [InlineData("python manage.py migrate billing", "run:django:migrate")]
    [InlineData("diesel migration run", "run:diesel:migrate")]
    [InlineData("goose up", "run:goose:migrate")]
    [InlineData("flyway migrate", "run:flyway:migrate")]
    [InlineData("python manage.py runserver 0.0.0.0:8000", "run:django:server")]
    [InlineData("rails server -p 4000", "run:rails:server")]
    [InlineData("uvicorn main:app --reload", "run:uvicorn:server")]
    [InlineData("flask run", "run:flask:server")]
    public void MigrationToolsAndServersHaveTheirOwnTargets(string command, string signature) =>
        Assert.Equal(signature, ShellOperationClassifier.Classify(command, new PathScope("/repo", "/repo")).ToString());
}
