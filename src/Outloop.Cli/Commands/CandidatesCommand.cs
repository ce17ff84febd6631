using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Outloop.Automation.Candidates;
using Outloop.Storage;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop candidates [--json] [--min-occurrences N] [--min-confidence N] [--min-savings USD] [--hours H] [--hourly-rate USD]</c>:
/// repetitive operations worth scripting, with their ROI; marks them <c>candidate</c>.
/// </summary>
internal static class CandidatesCommand
{
    public static Command Create(CliConsole console)
    {
        var defaults = new CandidateOptions();
        var minOccurrences = new Option<int?>("--min-occurrences") { Description = $"Tasks the operation occurred in (default {defaults.MinOccurrences})" };
        var minConfidence = new Option<int?>("--min-confidence") { Description = $"Pattern confidence 0-100 (default {defaults.MinConfidence})" };
        var minSavings = new Option<double?>("--min-savings") { Description = $"Potential monthly savings in USD (default {defaults.MinMonthlySavingsUsd:0.00})" };
        var hours = new Option<double?>("--hours") { Description = $"Estimated hours to implement one script (default {defaults.ImplementationHours})" };
        var rate = new Option<double?>("--hourly-rate") { Description = $"USD per hour of implementation (default {defaults.HourlyRateUsd})" };
        var command = new Command("candidates", "Repetitive operations worth scripting, with ROI; marks them `candidate`")
        {
            minOccurrences, minConfidence, minSavings, hours, rate, GlobalOptions.Json,
        };
        command.SetAction(parse =>
        {
            var options = new CandidateOptions
            {
                MinOccurrences = parse.GetValue(minOccurrences) ?? defaults.MinOccurrences,
                MinConfidence = parse.GetValue(minConfidence) ?? defaults.MinConfidence,
                MinMonthlySavingsUsd = parse.GetValue(minSavings) ?? defaults.MinMonthlySavingsUsd,
                ImplementationHours = parse.GetValue(hours) ?? defaults.ImplementationHours,
                HourlyRateUsd = parse.GetValue(rate) ?? defaults.HourlyRateUsd,
            };
            using var store = StoreFactory.OpenSqlite(parse);
            var candidates = CandidateFinder.FindAndMark(new SqlitePatternStore(store), options, DateTimeOffset.UtcNow);
            if (parse.GetValue(GlobalOptions.Json))
            {
                WriteJson(console.Out, candidates);
            }
            else
            {
                WriteText(console.Out, candidates, options);
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// <c>{"candidates":[{"patternId","signature","occurrences","confidence","monthlySavingsUsd","paybackMonths","annualRoiPercent"}]}</c>;
    /// a payback or ROI that is not finite (no savings, no cost) is null.
    /// </summary>
    internal static void WriteJson(TextWriter output, IReadOnlyList<AutomationCandidate> candidates)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("candidates");
            foreach (var c in candidates)
            {
                w.WriteStartObject();
                w.WriteString("patternId", c.Pattern.Id);
                w.WriteString("signature", c.Pattern.Signature);
                w.WriteNumber("occurrences", c.Pattern.Occurrences);
                w.WriteNumber("confidence", c.Pattern.Confidence);
                w.WriteNumber("monthlySavingsUsd", Math.Round(c.MonthlySavingsUsd, 4));
                Finite(w, "paybackMonths", c.PaybackMonths);
                Finite(w, "annualRoiPercent", c.AnnualRoiPercent);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Finite(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, Math.Round(value, 2));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteText(TextWriter output, List<AutomationCandidate> candidates, CandidateOptions options)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c,
            $"{candidates.Count} automation candidate(s): occurrences >= {options.MinOccurrences}, confidence >= {options.MinConfidence}, savings >= ${options.MinMonthlySavingsUsd:0.00}/month; implementation estimated at {options.ImplementationHours:0.##} h x ${options.HourlyRateUsd:0.##} = ${options.ImplementationCostUsd:0.##}."));
        if (candidates.Count == 0)
        {
            output.WriteLine("Lower the thresholds (--min-occurrences, --min-confidence, --min-savings) or import more sessions and run `outloop backfill`.");
            return;
        }

        output.WriteLine();
        output.WriteLine("id            signature                               occ  conf  $/use     $/month  payback(mo)  annual ROI");
        foreach (var x in candidates)
        {
            output.WriteLine(string.Create(c,
                $"{x.Pattern.Id,-13} {Cut(x.Pattern.Signature, 39),-39} {x.Pattern.Occurrences,4} {x.Pattern.Confidence,5} {x.SavingsPerUseUsd,7:0.0000} {x.MonthlySavingsUsd,9:0.00} {Number(x.PaybackMonths),12} {Number(x.AnnualRoiPercent) + "%",11}"));
        }

        output.WriteLine();
        output.WriteLine("Draft their issues with `outloop issues draft`; see one with `outloop patterns show ID`.");
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("0.#", CultureInfo.InvariantCulture) : "-";

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
