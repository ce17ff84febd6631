using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Outloop.Review;
using Outloop.Storage;

namespace Outloop.Cli.Commands;

/// <summary><c>outloop proposals list|show|approve|reject ID [--feedback TEXT] [--json]</c>, for scripts and the dashboard.</summary>
internal static class ProposalsCommand
{
    private static readonly Option<string?> Feedback = new("--feedback") { Description = "Why (kept with the proposal)" };
    private static readonly Option<string?> Status = new("--status") { Description = "Only proposals with this status" };

    public static Command Create(CliConsole console)
    {
        var command = new Command("proposals", "List, show, approve or reject review proposals");
        var list = new Command("list", "List proposals");
        list.Options.Add(ConfigCommand.Project);
        list.Options.Add(Status);
        list.Options.Add(GlobalOptions.Json);
        list.SetAction(parse => With(parse, (_, reviews) =>
        {
            var proposals = reviews.Proposals(parse.GetValue(Status));
            if (parse.GetValue(GlobalOptions.Json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(new { proposals = proposals.Select(Json) }));
            }
            else
            {
                foreach (var p in proposals)
                {
                    console.Out.WriteLine($"{p.Id}  {p.Status,-8} {p.Type,-9} {p.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}  {p.TargetFile}");
                }

                console.Out.WriteLine($"{proposals.Count} proposals");
            }
        }));
        command.Subcommands.Add(list);
        command.Subcommands.Add(Single("show", "Show one proposal with its evidence", console, (parse, files, reviews, p) =>
        {
            if (parse.GetValue(GlobalOptions.Json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(Json(p)));
                return;
            }

            console.Out.WriteLine($"{p.Id} ({p.Type}, {p.Status}, source {p.Source}, confidence {p.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})");
            console.Out.WriteLine($"Target:   {p.TargetFile}");
            console.Out.WriteLine($"Reason:   {p.Reason}");
            console.Out.WriteLine($"Patterns: {string.Join(", ", p.Evidence.PatternIds)}");
            console.Out.WriteLine($"Tasks:    {p.Evidence.Tasks} ({p.Evidence.Occurrences} occurrences); examples: {string.Join(", ", p.Evidence.ExampleTaskIds)}");
            if (p.Feedback is not null)
            {
                console.Out.WriteLine($"Feedback: {p.Feedback}");
            }

            console.Out.WriteLine("Change:");
            console.Out.WriteLine(p.Change);
        }));
        command.Subcommands.Add(Single("approve", "Approve a proposal and write it into its file", console, (parse, files, reviews, p) =>
        {
            var applied = ReviewRunner.Apply(files, reviews, p, DateTimeOffset.UtcNow, parse.GetValue(Feedback));
            console.Out.WriteLine($"Applied {applied.Id} to {applied.TargetFile}");
        }));
        command.Subcommands.Add(Single("reject", "Reject a proposal; it is not proposed again unless its evidence grows", console, (parse, files, reviews, p) =>
        {
            reviews.Save(p with { Status = ProposalStatus.Rejected, Feedback = parse.GetValue(Feedback) ?? p.Feedback, ReviewedAt = DateTimeOffset.UtcNow });
            console.Out.WriteLine($"Rejected {p.Id}");
        }));
        return command;
    }

    private static object Json(Proposal p) => new
    {
        id = p.Id,
        type = p.Type,
        source = p.Source,
        status = p.Status,
        targetFile = p.TargetFile,
        change = p.Change,
        reason = p.Reason,
        confidence = p.Confidence,
        evidence = new { patternIds = p.Evidence.PatternIds, tasks = p.Evidence.Tasks, occurrences = p.Evidence.Occurrences, exampleTaskIds = p.Evidence.ExampleTaskIds },
        feedback = p.Feedback,
        reviewedAt = StoreTime.Format(p.ReviewedAt),
    };

    private static Command Single(string name, string description, CliConsole console, Action<ParseResult, ProjectFiles, SqliteReviewStore, Proposal> action)
    {
        var id = new Argument<string>("id") { Description = "Proposal id (or a unique prefix)" };
        var command = new Command(name, description);
        command.Arguments.Add(id);
        command.Options.Add(ConfigCommand.Project);
        command.Options.Add(GlobalOptions.Json);
        if (name is "approve" or "reject")
        {
            command.Options.Add(Feedback);
        }

        command.SetAction(parse => With(parse, (files, reviews) =>
        {
            var proposal = reviews.Find(parse.GetValue(id)!)
                ?? throw new OutloopException($"No proposal '{parse.GetValue(id)}' for {files.Root}. Run 'outloop proposals list' to see the ids.");
            action(parse, files, reviews, proposal);
        }));
        _ = console;
        return command;
    }

    private static int With(ParseResult parse, Action<ProjectFiles, SqliteReviewStore> action)
    {
        var files = new ProjectFiles(parse.GetValue(ConfigCommand.Project) ?? Directory.GetCurrentDirectory());
        using var store = StoreFactory.OpenSqlite(parse);
        action(files, new SqliteReviewStore(store, files.Root));
        return 0;
    }
}
