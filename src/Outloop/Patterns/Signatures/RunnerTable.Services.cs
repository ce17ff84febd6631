namespace Outloop.Patterns.Signatures;

/// <summary>
/// Database migration tools and application servers: <c>run:&lt;tool&gt;:migrate</c> for a migration applied,
/// <c>run:&lt;tool&gt;:rollback</c> for one undone, <c>run:&lt;tool&gt;:server</c> for a development or application server.
/// </summary>
internal static partial class RunnerTable
{
    /// <summary>The target of a migration applied.</summary>
    public const string MigrateTarget = "migrate";

    /// <summary>The target of a server started.</summary>
    public const string ServerTarget = "server";

    /// <summary>Whether a migrate command is given a version behind the current one ("prev", "first", "0"): a rollback.</summary>
    private static bool MigratesBack(IEnumerable<string> args) =>
        args.Any(static a => a is "prev" or "previous" or "first" or "0" or "down" or "--down" or "--rollback" or "--revert" or "--undo");

    private static CommandOperation? Service(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var verb = program is "flyway" or "liquibase" or "dbmate" or "goose" or "migrate" or "mig" or "tern" or "sql-migrate" ? MigrationStep(args) : FirstVerb(args);
        return program switch
        {
            "alembic" => verb switch
            {
                "upgrade" => site.Op(Run, program, MigrateTarget),
                "downgrade" => site.Op(Run, program, "rollback"),
                _ => site.Op(Run, program, verb ?? All),
            },
            "atlas" => verb is "migrate" or "schema" && SecondVerb(args) is "apply"
                ? site.Op(Run, program, MigrateTarget)
                : site.Op(Run, program, verb is "migrate" or "schema" && SecondVerb(args) is { } step ? verb + "-" + step : verb ?? All),
            "flyway" or "liquibase" or "dbmate" or "goose" or "migrate" => verb switch
            {
                "migrate" or "up" or "update" or "apply" or "up-by-one" => site.Op(Run, program, MigrateTarget),
                "down" or "rollback" or "undo" or "redo" or "reset" or "down-to" => site.Op(Run, program, "rollback"),
                _ => site.Op(Run, program, verb ?? All),
            },
            "prisma" => verb is "migrate" && SecondVerb(args) is "deploy" or "dev" or null || verb is "db" && SecondVerb(args) is "push"
                ? site.Op(Run, program, MigrateTarget)
                : site.Op(verb is "generate" ? Build : Run, program, Step(verb, SecondVerb(args))),
            "diesel" or "sqlx" or "sea-orm-cli" => verb is "migration" or "migrate" && SecondVerb(args) is "run" or "up" or null
                ? site.Op(Run, program, MigrateTarget)
                : site.Op(Run, program, verb is "migration" or "migrate" && SecondVerb(args) is "revert" or "down" ? "rollback" : Step(verb, SecondVerb(args))),
            "knex" or "sequelize" or "sequelize-cli" or "typeorm" or "mikro-orm" or "drizzle-kit" or "kysely" => verb is not null
                && (verb.EndsWith("migrate", StringComparison.Ordinal) || verb.EndsWith(":latest", StringComparison.Ordinal) || verb.EndsWith(":run", StringComparison.Ordinal) || verb is "push" or "migrate:up" or "migration:up")
                && SecondVerb(args) is null or "latest" or "up" or "run" or "deploy"
                ? site.Op(Run, program, MigrateTarget)
                : site.Op(Run, program, Step(verb, SecondVerb(args))),
            "yoyo" or "phinx" or "node-pg-migrate" or "db-migrate" or "refinery" or "sqitch" or "shmig" => verb is "apply" or "migrate" or "up" or "deploy" or "run" or null
                ? site.Op(Run, program, MigrateTarget)
                : site.Op(Run, program, verb),

            // Migration runners that say the step: "mig up", "tern migrate", "sql-migrate up", "migrate-mongo up".
            "mig" or "migrix" or "emigrate" or "miga" or "tern" or "sql-migrate" or "graphile-migrate" or "migrate-mongo" or "ley" or "postgrator" or "umzug" or "pgmigrate" => verb switch
            {
                "up" or "migrate" or "apply" or "latest" or "deploy" => site.Op(Run, program, MigrateTarget),
                "down" or "rollback" or "undo" or "redo" or "reset" => site.Op(Run, program, "rollback"),
                _ => site.Op(Run, program, verb ?? All),
            },
            "uvicorn" or "gunicorn" or "hypercorn" or "daphne" or "waitress-serve" or "nodemon" or "air" or "puma" or "unicorn"
                or "http-server" or "live-server" or "browser-sync" or "webpack-dev-server" or "rackup" or "ts-node-dev" or "granian" => site.Op(Run, program, ServerTarget),
            "foreman" or "overmind" or "hivemind" => verb is "start" or "s" or null ? site.Op(Run, program, ServerTarget) : site.Op(Run, program, verb),
            "trunk" or "dx" or "symfony" or "hanami" when verb is "server" or "serve" or "server:start" => site.Op(Run, program, ServerTarget),
            "flask" when verb == "db" => SecondVerb(args) switch
            {
                // Flask-Migrate: "upgrade" applies, "migrate" only writes a new migration.
                "upgrade" => site.Op(Run, program, MigrateTarget),
                "downgrade" => site.Op(Run, program, "rollback"),
                var step => site.Op(Run, program, Step(verb, step)),
            },
            "flask" or "fastapi" => verb is "run" or "dev" ? site.Op(Run, program, ServerTarget) : site.Op(Run, program, verb ?? All),
            "streamlit" or "chainlit" or "solara" or "litestar" or "reflex" or "panel" or "shiny" or "wails" or "buffalo" or "encore" or "zola" or "gradio"
                when verb is "run" or "dev" or "serve" or "server" || program == "gradio" => site.Op(Run, program, ServerTarget),
            _ => null,
        };
    }

    /// <summary>A target for a step that is neither applying nor undoing migrations ("migrate-reset", "migrate-make"): never the reserved ones.</summary>
    private static string Step(string? verb, string? second) => verb is null ? All
        : second is not null ? verb + "-" + second
        : verb is MigrateTarget ? verb + "-" + All
        : verb;

    /// <summary>
    /// The step a migration runner is asked for, wherever it stands among the connection options
    /// (<c>goose -dir db postgres "$DB" up</c>, <c>migrate -path db -database $URL down 1</c>).
    /// </summary>
    private static string? MigrationStep(IReadOnlyList<string> args)
    {
        foreach (var word in Positionals(args, 0, static a => a is "-path" or "-database" or "-source" or "-dir" or "--dir" or "-d" or "--url" or "-u"
            or "--env" or "-e" or "--config" or "-c" or "--database-url" or "--migrations-dir" or "-table" or "--table" or "-url" or "-user" or "-password"
            or "-locations" or "--changelog-file" or "-conn" or "--conn"))
        {
            if (word is "up" or "down" or "migrate" or "apply" or "update" or "rollback" or "undo" or "redo" or "reset" or "status" or "create" or "new"
                or "version" or "force" or "goto" or "drop" or "up-by-one" or "down-to" or "up-to" or "clean" or "info" or "validate" or "baseline" or "repair"
                or "fix" or "latest" or "deploy" or "dump" or "load" or "wait")
            {
                return word;
            }
        }

        return FirstVerb(args);
    }

    /// <summary>The second positional argument when the first one is a verb ("migrate deploy"), else null.</summary>
    private static string? SecondVerb(IReadOnlyList<string> args)
    {
        var seen = false;
        foreach (var a in args)
        {
            if (a.StartsWith('-'))
            {
                continue;
            }

            if (seen)
            {
                return IsVerbWord(a) ? a : null;
            }

            seen = true;
        }

        return null;
    }
}
