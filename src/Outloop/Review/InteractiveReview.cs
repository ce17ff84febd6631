using System.Globalization;
using System.Text;
using Outloop.Storage;

namespace Outloop.Review;

/// <summary>
/// The interactive review: shows each proposal with its evidence and asks for one key: [a]pprove (apply it),
/// [r]eject (with feedback), [e]dit (in the editor, then apply), [s]kip (stays pending) or [q]uit (this one and the
/// rest stay pending). An unknown key is named and asked again; the end of input quits.
/// </summary>
internal sealed class InteractiveReview(IReviewConsole console, ProposalEditor editor, TimeProvider clock)
{
    private const int DescriptionLength = 100;

    /// <summary>Asks about each proposal in turn; returns what happened to each (the ones left by quitting included).</summary>
    public IReadOnlyList<ReviewDecision> Review(IReadOnlyList<Proposal> proposals, ProjectFiles files, SqliteReviewStore reviews)
    {
        var decisions = new List<ReviewDecision>();
        if (proposals.Count == 0)
        {
            console.Write("No proposals to review.\n");
            return decisions;
        }

        var descriptions = reviews.TaskDescriptions(proposals.SelectMany(p => p.Evidence.ExampleTaskIds));
        for (var i = 0; i < proposals.Count; i++)
        {
            console.Write(Describe(proposals[i], i + 1, proposals.Count, descriptions));
            var decision = Decide(proposals[i], files, reviews);
            decisions.Add(decision);
            if (decision.Action == ReviewAction.Quit)
            {
                decisions.AddRange(proposals.Skip(i + 1).Select(p => new ReviewDecision(p, ReviewAction.Quit)));
                break;
            }
        }

        console.Write(Summary(decisions));
        return decisions;
    }

    private ReviewDecision Decide(Proposal proposal, ProjectFiles files, SqliteReviewStore reviews)
    {
        while (true)
        {
            console.Write("[a]pprove  [r]eject  [e]dit  [s]kip  [q]uit > ");
            var key = console.ReadKey();
            if (key is null)
            {
                console.Write("\nEnd of input: this and the remaining proposals stay pending.\n");
                return new ReviewDecision(proposal, ReviewAction.Quit);
            }

            switch (char.ToLowerInvariant(key.Value))
            {
                case 'a':
                    if (TryApply(files, reviews, proposal, null) is { } approved)
                    {
                        console.Write($"Applied to {approved.TargetFile}.\n\n");
                        return new ReviewDecision(approved, ReviewAction.Approved);
                    }

                    break;
                case 'r':
                    console.Write("Why? (kept as feedback; Enter for none) > ");
                    var feedback = console.ReadLine();
                    if (feedback is null)
                    {
                        console.Write("\nEnd of input: this and the remaining proposals stay pending.\n");
                        return new ReviewDecision(proposal, ReviewAction.Quit);
                    }

                    var rejected = proposal with
                    {
                        Status = ProposalStatus.Rejected,
                        Feedback = string.IsNullOrWhiteSpace(feedback) ? null : feedback.Trim(),
                        ReviewedAt = clock.GetUtcNow(),
                    };
                    reviews.Save(rejected);
                    console.Write("Rejected; it is not proposed again unless its evidence grows.\n\n");
                    return new ReviewDecision(rejected, ReviewAction.Rejected);
                case 'e':
                    if (Edit(files, reviews, proposal) is { } edited)
                    {
                        console.Write($"Applied the edited change to {edited.TargetFile}.\n\n");
                        return new ReviewDecision(edited, ReviewAction.Edited);
                    }

                    break;
                case 's':
                    console.Write("Skipped: it stays pending.\n\n");
                    return new ReviewDecision(proposal, ReviewAction.Skipped);
                case 'q':
                    console.Write("Quit: this and the remaining proposals stay pending.\n");
                    return new ReviewDecision(proposal, ReviewAction.Quit);
                case '\r' or '\n':
                    break;
                default:
                    console.Write($"Unknown key '{Printable(key.Value)}': press a, r, e, s or q.\n");
                    break;
            }
        }
    }

    private Proposal? Edit(ProjectFiles files, SqliteReviewStore reviews, Proposal proposal)
    {
        string text;
        try
        {
            text = editor.Edit(proposal.Change, proposal.Id);
        }
        catch (OutloopException e)
        {
            console.Write(e.Message + "\n");
            return null;
        }

        if (string.IsNullOrWhiteSpace(ProposalChange.Parse(text).Text))
        {
            console.Write("The edited change is empty: nothing applied.\n");
            return null;
        }

        return TryApply(files, reviews, proposal with { Change = text.TrimEnd('\n', '\r') }, "edited");
    }

    private Proposal? TryApply(ProjectFiles files, SqliteReviewStore reviews, Proposal proposal, string? feedback)
    {
        try
        {
            return ReviewRunner.Apply(files, reviews, proposal, clock.GetUtcNow(), feedback);
        }
        catch (OutloopException e)
        {
            console.Write(e.Message + "\n");
            return null;
        }
    }

    private static string Describe(Proposal p, int number, int count, IReadOnlyDictionary<string, string?> descriptions)
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(c, $"Proposal {number} of {count}: {p.Id}");
        s.AppendLine(c, $"  Type:        {p.Type} (source {p.Source}, confidence {p.Confidence.ToString("0.00", c)})");
        s.AppendLine(c, $"  Target:      {p.TargetFile}");
        s.AppendLine(c, $"  Reason:      {p.Reason}");
        s.AppendLine(c, $"  Patterns:    {(p.Evidence.PatternIds.Count == 0 ? "none" : string.Join(", ", p.Evidence.PatternIds))}");
        s.AppendLine(c, $"  Evidence:    {p.Evidence.Tasks} tasks, {p.Evidence.Occurrences} occurrences");
        if (p.Evidence.ExampleTaskIds.Count > 0)
        {
            s.AppendLine("  Examples:");
            foreach (var id in p.Evidence.ExampleTaskIds)
            {
                var description = descriptions.GetValueOrDefault(id);
                s.AppendLine(c, $"    - {id}: {(description is null ? "(no description)" : Short(description))}");
            }
        }

        s.AppendLine("  Change:");
        foreach (var line in p.Change.ReplaceLineEndings("\n").Split('\n'))
        {
            s.AppendLine(c, $"    | {line}");
        }

        return s.ToString();
    }

    private static string Summary(List<ReviewDecision> decisions)
    {
        int Count(ReviewAction action) => decisions.Count(d => d.Action == action);
        return string.Create(CultureInfo.InvariantCulture,
            $"Decided {decisions.Count(d => d.Action is not (ReviewAction.Quit or ReviewAction.Skipped))} of {decisions.Count} proposal(s): {Count(ReviewAction.Approved)} approved, {Count(ReviewAction.Edited)} edited, {Count(ReviewAction.Rejected)} rejected, {Count(ReviewAction.Skipped) + Count(ReviewAction.Quit)} left pending.\n");
    }

    private static string Short(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > DescriptionLength ? line[..DescriptionLength] + "..." : line;
    }

    private static string Printable(char key) => char.IsControl(key) ? $"\\u{(int)key:x4}" : key.ToString();
}
