using System.CommandLine;
using System.Text.Json;
using Outloop.Configuration;
using Outloop.Review;
using Outloop.Storage;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop review [--project DIR] [--non-interactive|--auto|--pending] [--force] [--lookback-days N] [--json]</c>.
/// On a terminal without a mode flag the review is interactive; <c>--auto</c> and <c>--pending</c> ask there too.
/// </summary>
internal static class ReviewCommand
{
    private static readonly Option<bool> NonInteractive = new("--non-interactive") { Description = "Save every proposal as pending" };
    private static readonly Option<bool> Auto = new("--auto") { Description = "Apply guideline proposals; criteria stay pending" };
    private static readonly Option<bool> Pending = new("--pending") { Description = "Review the pending proposals of earlier reviews" };
    private static readonly Option<bool> Force = new("--force") { Description = "Review even if fewer than afterTasks tasks came since the last review" };
    private static readonly Option<int?> LookbackDays = new("--lookback-days") { Description = "Days of tasks to analyse (default: outerLoop.lookbackDays)" };

    public static Command Create(CliConsole console)
    {
        var command = new Command("review", "Run the outer-loop review: learnings, proposals, guidelines and the digest");
        foreach (var option in new Option[] { ConfigCommand.Project, NonInteractive, Auto, Pending, Force, LookbackDays, GlobalOptions.Json })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var project = Path.GetFullPath(parse.GetValue(ConfigCommand.Project) ?? Directory.GetCurrentDirectory());
            var json = parse.GetValue(GlobalOptions.Json);

            // A person answers only on a terminal; --json, --non-interactive and redirected streams never wait for keys.
            var person = console.IsTerminal && !json && !parse.GetValue(NonInteractive) && TerminalReviewConsole.Available;
            var mode = parse.GetValue(Auto) ? ReviewMode.Auto
                : parse.GetValue(Pending) ? ReviewMode.Pending
                : person ? ReviewMode.Interactive : ReviewMode.NonInteractive;
            var reviewer = person ? new InteractiveReview(new TerminalReviewConsole(console.Out), ProposalEditor.FromEnvironment(), TimeProvider.System) : null;
            var config = ConfigLoader.Load(project);
            ReviewResult result;
            int pending;
            using (var store = StoreFactory.OpenSqlite(parse))
            {
                result = new ReviewRunner(store, config).Run(new ReviewOptions(project, mode, parse.GetValue(Force), parse.GetValue(LookbackDays), TimeProvider.System), reviewer);
                pending = new SqliteReviewStore(store, new ProjectFiles(project).Root).Proposals(ProposalStatus.Pending).Count;
                NotifyCommand.AfterReview(console, store, project, config, result);
            }

            if (json)
            {
                console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    ran = result.Ran,
                    skipReason = result.SkipReason,
                    tasksSinceReview = result.TasksSinceReview,
                    learnings = result.Learnings is { } l ? new { kept = l.Kept.Count, promoted = l.Promoted.Count, removed = l.Removed.Count } : null,
                    newProposals = result.NewProposals.Select(p => p.Id),
                    guidelinesUpdated = result.GuidelinesUpdated,
                    digest = result.DigestMarkdownPath,
                    digestJson = result.DigestJsonPath,
                }));
                return 0;
            }

            if (!result.Ran)
            {
                console.Out.WriteLine($"Review not due: {result.SkipReason}");
                return 0;
            }

            console.Out.WriteLine($"Reviewed {project}: {result.NewProposals.Count} new proposal(s), learnings kept {result.Learnings!.Kept.Count}, promoted {result.Learnings.Promoted.Count}, removed {result.Learnings.Removed.Count}.");
            foreach (var g in result.GuidelinesUpdated)
            {
                console.Out.WriteLine($"Updated {g}");
            }

            if (pending > 0)
            {
                console.Out.WriteLine($"{pending} proposal(s) pending: review them with 'outloop review --pending' or 'outloop proposals list'.");
            }

            console.Out.WriteLine($"Digest: {result.DigestMarkdownPath}");
            return 0;
        });
        return command;
    }
}
