using System.CommandLine;
using Outloop.Cli.Rendering;
using Outloop.Patterns;
using Outloop.Storage;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop patterns [ops|sequences|failures|recoveries|iterations|successes] [--since D] [--agent A] [--json]</c>
/// and <c>outloop patterns show ID</c>: what the pattern engine found at the last <c>outloop backfill</c>.
/// </summary>
internal static class PatternsCommand
{
    private static readonly Option<string?> Since = new("--since") { Description = "Only occurrences from this day on (YYYY-MM-DD or YYYYMMDD, local time)", Recursive = true };
    private static readonly Option<string?> Agent = new("--agent") { Description = "Only occurrences of this agent (claude, codex, ...)", Recursive = true };
    private static readonly Argument<string> Id = new("id") { Description = "A pattern id from the listing" };

    private static readonly (string Name, string Kind, string Description)[] Kinds =
    [
        ("ops", PatternKind.Operation, "Repetitive operations: signatures in many tasks, tokens and potential monthly savings (the default)"),
        ("sequences", PatternKind.Sequence, "Recurring runs of 2-4 operations within tasks"),
        ("failures", PatternKind.Failure, "Failure templates mined from error output"),
        ("recoveries", PatternKind.Recovery, "What followed a failure until the same operation passed; self-heal after 3"),
        ("iterations", PatternKind.Iteration, "Groups of similar tasks averaging more than 1.5 iterations"),
        ("successes", PatternKind.Success, "Groups of similar tasks that converged in one iteration with score >= 90"),
    ];

    public static Command Create(CliConsole console)
    {
        var command = new Command("patterns", "Patterns found by `outloop backfill`: operations, sequences, failures, recoveries, iterations, successes");
        command.Options.Add(Since);
        command.Options.Add(Agent);
        command.Options.Add(GlobalOptions.Json);
        command.SetAction(parse => List(parse, PatternKind.Operation, console));
        foreach (var (name, kind, description) in Kinds)
        {
            var sub = new Command(name, description);
            sub.Options.Add(GlobalOptions.Json);
            sub.SetAction(parse => List(parse, kind, console));
            command.Subcommands.Add(sub);
        }

        var show = new Command("show", "One pattern with its evidence: every occurrence and, for operations, the savings arithmetic");
        show.Arguments.Add(Id);
        show.Options.Add(GlobalOptions.Json);
        show.SetAction(parse =>
        {
            var id = parse.GetValue(Id)!;
            using var store = StoreFactory.OpenSqlite(parse);
            var patterns = new SqlitePatternStore(store);
            var (pattern, status) = patterns.Find(id) ?? throw new OutloopException($"No pattern {id}. List them with `outloop patterns [kind]`; run `outloop backfill` first.");
            var evidence = patterns.Evidence(id);
            var failures = pattern.Kind == PatternKind.Failure ? patterns.Failures(id) : [];
            if (parse.GetValue(GlobalOptions.Json))
            {
                new PatternsJsonRenderer(console.Out).RenderShow(pattern, status, evidence, failures);
            }
            else
            {
                new PatternsTextRenderer(console.Out).RenderShow(pattern, status, evidence, failures);
            }

            return 0;
        });
        command.Subcommands.Add(show);
        foreach (var specCommand in PatternSpecCommands.Create(console))
        {
            command.Subcommands.Add(specCommand);
        }

        return command;
    }

    private static int List(ParseResult parse, string kind, CliConsole console)
    {
        var since = UsageCommand.ParseDate(parse.GetValue(Since), "--since");
        DateTimeOffset? from = since is { } day
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.Local.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)))
            : null;
        using var store = StoreFactory.OpenSqlite(parse);
        var listing = new SqlitePatternStore(store).List(new PatternFilter(kind, from, parse.GetValue(Agent)));
        if (parse.GetValue(GlobalOptions.Json))
        {
            new PatternsJsonRenderer(console.Out).Render(kind, listing);
        }
        else
        {
            new PatternsTextRenderer(console.Out).Render(kind, listing);
        }

        return 0;
    }
}
