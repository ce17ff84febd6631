using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Outloop.Patterns;
using Outloop.Reporting.Pricing;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop backfill</c>: recomputes every tool call's signature and every pattern, failure template and task score
/// from the store. Idempotent: a second run leaves the same rows. <c>--signals FILE</c> also writes each task's
/// <see cref="TaskSignals"/> as JSON lines (for <c>scripts/outcome-signal.py</c>).
/// </summary>
internal static class BackfillCommand
{
    private static readonly Option<string?> Prices = new("--prices") { Description = "Price file overriding built-in prices (LiteLLM format)" };
    private static readonly Option<FileInfo?> Signals = new("--signals") { Description = "Also write each task's signals (edits, verification runs, failures) to this JSON-lines file" };
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create(CliConsole console)
    {
        var command = new Command("backfill", "Recompute signatures, patterns, failure templates and task scores from the store");
        command.Options.Add(Prices);
        command.Options.Add(Signals);
        command.SetAction(parse =>
        {
            using var store = StoreFactory.OpenSqlite(parse);
            var summary = PatternEngine.Backfill(store, new BackfillOptions(PriceTable.Load(parse.GetValue(Prices))));
            if (parse.GetValue(Signals) is { } file)
            {
                using var writer = new StreamWriter(file.FullName);
                foreach (var signals in summary.Signals)
                {
                    writer.WriteLine(JsonSerializer.Serialize(signals, JsonOptions));
                }
            }

            var kinds = string.Join(", ", summary.PatternsByKind.Select(k => $"{k.Value} {k.Key}"));
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Backfilled {summary.Calls} tool calls, {summary.Tasks} tasks, {summary.Failures} failures; patterns: {kinds} ({summary.Elapsed.TotalSeconds:0.00} s)."));
            return 0;
        });
        return command;
    }
}
