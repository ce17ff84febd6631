using System.CommandLine;
using Outloop.Automation.Specs;
using Outloop.Configuration;
using Outloop.Patterns;
using Outloop.Storage;

namespace Outloop.Cli.Commands;

/// <summary>
/// The pattern-spec subcommands of <c>outloop patterns</c>:
/// <c>spec [ID...] [--all-candidates]</c> writes <c>.outloop/patterns/&lt;id&gt;.yaml</c> (drafts; approved in
/// aggressive mode at the configured confidence), <c>approve|reject|deprecate|implement|activate ID [--by NAME] [--reason TEXT]</c>
/// record a lifecycle change and write the spec again, <c>sync</c> records statuses people edited in the files.
/// Every one takes <c>--project DIR</c> (default: the current folder).
/// </summary>
internal static class PatternSpecCommands
{
    private static readonly (string Verb, string Status, string Description)[] Verbs =
    [
        ("approve", PatternStatus.Approved, "Approve a pattern for automation and write its spec"),
        ("reject", PatternStatus.Deprecated, "Reject a pattern (it becomes deprecated and is not proposed again) and write its spec"),
        ("deprecate", PatternStatus.Deprecated, "Retire a pattern and write its spec"),
        ("implement", PatternStatus.Implemented, "Mark an approved pattern implemented (its tool exists) and write its spec"),
        ("activate", PatternStatus.Active, "Mark a pattern active (routed to), e.g. after fixing a quarantined one, and write its spec"),
    ];

    public static IEnumerable<Command> Create(CliConsole console)
    {
        var project = new Option<string?>("--project") { Description = "Project folder holding .outloop/ (default: the current folder)" };
        var by = new Option<string?>("--by") { Description = "Who makes the change, for the status history (default: your user name)" };
        var ids = new Argument<string[]>("id") { Description = "Pattern ids (see `outloop patterns`)", Arity = ArgumentArity.ZeroOrMore };
        var allCandidates = new Option<bool>("--all-candidates") { Description = "Every automation candidate (marks them `candidate` like `outloop candidates`)" };
        var spec = new Command("spec", "Write pattern specs to .outloop/patterns/<id>.yaml (drafts; auto-approved only in aggressive mode)")
        {
            ids, allCandidates, project, by,
        };
        spec.SetAction(parse => Run(parse, project, by, console, (writer, editor) =>
        {
            var chosen = parse.GetValue(ids) ?? [];
            if (chosen.Length == 0 && !parse.GetValue(allCandidates))
            {
                throw new OutloopException("name the patterns to write (outloop patterns spec ID...) or pass --all-candidates.");
            }

            var results = chosen.Select(id => writer.Write(id, editor)).ToList();
            if (parse.GetValue(allCandidates))
            {
                results.AddRange(writer.WriteCandidates(editor).Where(r => !chosen.Contains(r.Spec?.Pattern.Id)));
            }

            if (results.Count == 0)
            {
                console.Out.WriteLine("No automation candidates: see `outloop candidates` for the thresholds (config automation.*).");
            }

            return results;
        }));
        yield return spec;

        foreach (var (verb, status, description) in Verbs)
        {
            var id = new Argument<string>("id") { Description = "A pattern id (see `outloop patterns`)" };
            var reason = new Option<string?>("--reason") { Description = "Why, for the status history" };
            var command = new Command(verb, description) { id, project, by, reason };
            command.SetAction(parse => Run(parse, project, by, console, (writer, editor) =>
            {
                var text = parse.GetValue(reason);
                var note = verb == "reject" ? "rejected" + (text is null ? "" : ": " + text) : text;
                return [writer.ChangeStatus(parse.GetValue(id)!, status, editor, note)];
            }));
            yield return command;
        }

        var sync = new Command("sync", "Record the statuses edited in .outloop/patterns/*.yaml (checked against the lifecycle) and write the specs again")
        {
            project, by,
        };
        sync.SetAction(parse => Run(parse, project, by, console, (writer, editor) => writer.Sync(editor)));
        yield return sync;
    }

    private static int Run(ParseResult parse, Option<string?> project, Option<string?> by, CliConsole console,
        Func<PatternSpecWriter, string, List<SpecWriteResult>> action)
    {
        var folder = Path.GetFullPath(parse.GetValue(project) ?? Directory.GetCurrentDirectory());
        var options = PatternSpecOptions.From(ConfigLoader.Load(folder));
        var editor = parse.GetValue(by) ?? Environment.UserName;
        using var store = StoreFactory.OpenSqlite(parse);
        var writer = new PatternSpecWriter(new SqlitePatternStore(store), new SqliteToolStore(store), folder, options);
        foreach (var result in action(writer, editor))
        {
            var relative = Path.GetRelativePath(folder, result.Path);
            if (result.Spec is not { } written)
            {
                console.Out.WriteLine($"{relative}: skipped, {result.Problem}");
                continue;
            }

            var changes = string.Concat(result.Changes.Select(c => $"; {c.Status} by {c.ChangedBy}"));
            console.Out.WriteLine($"{relative}: {written.Status}{(written.IsDraft ? " (draft)" : "")}, confidence {written.Pattern.Confidence}{changes}");
        }

        return 0;
    }
}
