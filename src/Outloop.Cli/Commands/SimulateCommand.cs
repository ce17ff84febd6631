using System.CommandLine;
using System.Globalization;
using Outloop.Automation.Candidates;
using Outloop.Automation.Simulation;
using Outloop.Reporting.Pricing;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop simulate (--until DATE | --train-fraction F) [--agent A] [--min-occurrences N] [--min-confidence N]
/// [--min-savings USD] [--prices FILE] [--json]</c>: learns tools from the earlier sessions and replays the later ones.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(CliConsole console)
    {
        var defaults = new CandidateOptions();
        var until = new Option<string?>("--until") { Description = "Learn from sessions starting before this day (YYYY-MM-DD, local midnight) or instant (ISO-8601); replay the rest" };
        var fraction = new Option<double?>("--train-fraction") { Description = "Learn from this share (0-1) of the sessions, earliest first; replay the rest" };
        var agent = new Option<string?>("--agent") { Description = "Only sessions of this agent (claude, codex, ...)" };
        var minOccurrences = new Option<int?>("--min-occurrences") { Description = $"Tasks a learned operation occurred in (default {defaults.MinOccurrences})" };
        var minConfidence = new Option<int?>("--min-confidence") { Description = $"Pattern confidence 0-100 (default {defaults.MinConfidence})" };
        var minSavings = new Option<double?>("--min-savings") { Description = $"Potential monthly savings in USD (default {defaults.MinMonthlySavingsUsd:0.00})" };
        var prices = new Option<string?>("--prices") { Description = "Price file overriding built-in prices (LiteLLM format)" };
        var command = new Command("simulate", "Learn tools from earlier sessions, replay later ones: calls routed, outputs compacted, tokens and USD saved, wrong routes")
        {
            until, fraction, agent, minOccurrences, minConfidence, minSavings, prices, GlobalOptions.Json,
        };
        command.SetAction(parse =>
        {
            var options = new SimulationOptions(PriceTable.Load(parse.GetValue(prices)))
            {
                Until = ParseUntil(parse.GetValue(until)),
                TrainFraction = parse.GetValue(fraction),
                Agent = parse.GetValue(agent),
                Candidates = defaults with
                {
                    MinOccurrences = parse.GetValue(minOccurrences) ?? defaults.MinOccurrences,
                    MinConfidence = parse.GetValue(minConfidence) ?? defaults.MinConfidence,
                    MinMonthlySavingsUsd = parse.GetValue(minSavings) ?? defaults.MinMonthlySavingsUsd,
                },
            };
            using var store = StoreFactory.OpenSqlite(parse);
            var report = Simulator.Run(store, options);
            if (parse.GetValue(GlobalOptions.Json))
            {
                SimulationJsonWriter.Write(console.Out, report);
            }
            else
            {
                SimulationTextWriter.Write(console.Out, report);
            }

            return 0;
        });
        return command;
    }

    private static DateTimeOffset? ParseUntil(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var instant) && text.Contains('T', StringComparison.Ordinal))
        {
            return instant;
        }

        var day = UsageCommand.ParseDate(text, "--until")!.Value.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(day, TimeZoneInfo.Local.GetUtcOffset(day));
    }
}
