using System.Globalization;
using System.Text;
using Outloop.Storage;

namespace Outloop.Review;

/// <summary>Every applied guideline of a project measured (see <see cref="EffectivenessCalculator"/>), oldest change first.</summary>
internal sealed record EffectivenessReport(int MinTasks, int LookbackDays, IReadOnlyList<EffectivenessRow> Rows)
{
    /// <summary>The digest's <c>## Effectiveness</c> body: a sentence on the method and a Markdown table.</summary>
    public string ToMarkdown()
    {
        if (Rows.Count == 0)
        {
            return "No applied guideline yet: nothing to measure.";
        }

        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(c, $"Share of tasks with each guideline's target failure: tasks started in the {LookbackDays} days before it was applied vs tasks started after; "
            + $"Fisher's exact test (two-sided); a verdict needs at least {MinTasks} tasks on each side.").AppendLine();
        s.AppendLine("| Guideline | Target | Before tasks | Before with failure | Before rate | After tasks | After with failure | After rate | p-value | Verdict |");
        s.AppendLine("|-----------|--------|--------------|---------------------|-------------|-------------|--------------------|------------|---------|---------|");
        foreach (var r in Rows)
        {
            s.AppendLine(c, $"| `{r.Guideline.Id}` {Cell(r.GuidelineText, 60)} | {Cell(r.Target, 80)} | {r.Before.Tasks} | {r.Before.WithFailure} | {EffectivenessCalculator.Percent(r.Before.Rate)} "
                + $"| {r.After.Tasks} | {r.After.WithFailure} | {EffectivenessCalculator.Percent(r.After.Rate)} | {EffectivenessCalculator.PValue(r.PValue)} | {r.Verdict} |");
        }

        return s.ToString().TrimEnd('\n');
    }

    /// <summary>The same as plain objects for the digest's and the command's JSON.</summary>
    public object ToJsonModel() => new
    {
        minTasks = MinTasks,
        lookbackDays = LookbackDays,
        guidelines = Rows.Select(r => new
        {
            id = r.Guideline.Id,
            targetFile = r.Guideline.TargetFile,
            text = r.GuidelineText,
            appliedAt = StoreTime.Format(r.AppliedAt),
            targetKind = r.TargetKind,
            targetPatternIds = r.TargetPatternIds,
            target = r.Target,
            before = new { tasks = r.Before.Tasks, withFailure = r.Before.WithFailure, rate = r.Before.Rate },
            after = new { tasks = r.After.Tasks, withFailure = r.After.WithFailure, rate = r.After.Rate },
            pValue = r.PValue,
            verdict = r.Verdict,
        }),
    };

    private static string Cell(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
        return line.Length <= max ? line : line[..(max - 3)] + "...";
    }
}
