using System.CommandLine;
using System.Globalization;
using Outloop.Patterns;
using Outloop.Reporting.Pricing;
using Outloop.Storage;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop backfill</c>: recomputes every tool call's signature and every pattern, failure template and task score
/// from the store. Idempotent: a second run leaves the same rows.
/// </summary>
internal static class BackfillCommand
{
    private static readonly Option<string?> Prices = new("--prices") { Description = "Price file overriding built-in prices (LiteLLM format)" };

    public static Command Create(CliConsole console)
    {
        var command = new Command("backfill", "Recompute signatures, patterns, failure templates and task scores from the store");
        command.Options.Add(Prices);
        command.SetAction(parse =>
        {
            using var store = SqliteStore.Open(StoreLocation.Resolve(parse.GetValue(GlobalOptions.Db)));
            var summary = PatternEngine.Backfill(store, new BackfillOptions(PriceTable.Load(parse.GetValue(Prices))));
            var kinds = string.Join(", ", summary.PatternsByKind.Select(k => $"{k.Value} {k.Key}"));
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Backfilled {summary.Calls} tool calls, {summary.Tasks} tasks, {summary.Failures} failures; patterns: {kinds} ({summary.Elapsed.TotalSeconds:0.00} s)."));
            return 0;
        });
        return command;
    }
}
