using System.CommandLine;
using System.Globalization;
using Outloop.Cli.Rendering;
using Outloop.Reporting;
using Outloop.Reporting.Pricing;
using Outloop.Reporting.Usage;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop usage daily|monthly|session|blocks</c>: token usage and cost, the same numbers and JSON as ccusage.
/// </summary>
internal static class UsageCommand
{
    private static readonly Option<string?> Since = new("--since") { Description = "First day to include (YYYY-MM-DD or YYYYMMDD, local time)", Recursive = true };
    private static readonly Option<string?> Until = new("--until") { Description = "Last day to include (YYYY-MM-DD or YYYYMMDD, local time)", Recursive = true };
    private static readonly Option<string?> Project = new("--project") { Description = "Only this project (path or name as stored)", Recursive = true };
    private static readonly Option<string?> Agent = new("--agent") { Description = "Only this agent (claude, codex, ...)", Recursive = true };
    private static readonly Option<bool> Breakdown = new("--breakdown") { Description = "Show per-model rows", Recursive = true };
    private static readonly Option<string?> Prices = new("--prices") { Description = "Price file overriding built-in prices (LiteLLM format; default $OUTLOOP_PRICES, else ~/.outloop/prices.json)", Recursive = true };
    private static readonly Option<string?> TokenLimit = new("--token-limit") { Description = "Token limit per block: a number, or max for the largest earlier block" };
    private static readonly Option<double?> SessionLength = new("--session-length") { Description = "Block length in hours (default 5)" };

    public static Command Create(CliConsole console)
    {
        var usage = new Command("usage", "Token usage and cost by day, month, session or 5-hour block (ccusage-compatible)");
        foreach (var option in new Option[] { Since, Until, Project, Agent, Breakdown, Prices })
        {
            usage.Options.Add(option);
        }

        usage.Subcommands.Add(Report("daily", "Usage per day", UsageReportKind.Daily, console));
        usage.Subcommands.Add(Report("monthly", "Usage per month", UsageReportKind.Monthly, console));
        usage.Subcommands.Add(Report("session", "Usage per session, most expensive first", UsageReportKind.Session, console));
        var blocks = new Command("blocks", "Usage per 5-hour billing block, with burn rate and projection for the active one");
        blocks.Options.Add(GlobalOptions.Json);
        blocks.Options.Add(TokenLimit);
        blocks.Options.Add(SessionLength);
        blocks.SetAction(parse =>
        {
            var (filter, prices) = Inputs(parse);
            var (limit, max) = ParseTokenLimit(parse.GetValue(TokenLimit));
            var length = parse.GetValue(SessionLength) is { } hours
                ? hours > 0 ? TimeSpan.FromHours(hours) : throw new OutloopException($"--session-length must be a positive number of hours, not {hours}.")
                : (TimeSpan?)null;
            BlocksReport report;
            using (var store = StoreFactory.Open(parse))
            {
                report = BlockReports.Build(store.Usage(filter), prices, new BlockOptions(TimeProvider.System, length, limit, max));
            }

            Renderer(parse, console).Render(report, parse.GetValue(Breakdown));
            return 0;
        });
        usage.Subcommands.Add(blocks);
        return usage;
    }

    /// <summary>Reads <c>YYYY-MM-DD</c> or <c>YYYYMMDD</c>; <paramref name="option"/> names the option in the error.</summary>
    internal static DateOnly? ParseDate(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new OutloopException($"{option} {text} is not a date: use YYYY-MM-DD or YYYYMMDD, for example 2026-02-11.");
    }

    internal static (long? Limit, bool Max) ParseTokenLimit(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, false);
        }

        if (string.Equals(text.Trim(), "max", StringComparison.OrdinalIgnoreCase))
        {
            return (null, true);
        }

        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? (limit, false)
            : throw new OutloopException($"--token-limit {text} is not valid: give a positive number of tokens or max.");
    }

    internal static IReportRenderer Renderer(ParseResult parse, CliConsole console) =>
        parse.GetValue(GlobalOptions.Json)
            ? new JsonReportRenderer(console.Out)
            : new TableReportRenderer(WideConsole(console), TimeZoneInfo.Local);

    private static Command Report(string name, string description, UsageReportKind kind, CliConsole console)
    {
        var command = new Command(name, description);
        command.Options.Add(GlobalOptions.Json);
        command.SetAction(parse =>
        {
            var (filter, prices) = Inputs(parse);
            UsageReport report;
            using (var store = StoreFactory.Open(parse))
            {
                var entries = store.UsageRollup(filter);
                report = kind switch
                {
                    UsageReportKind.Daily => UsageReports.Daily(entries, prices),
                    UsageReportKind.Monthly => UsageReports.Monthly(entries, prices),
                    _ => UsageReports.Session(entries, prices),
                };
            }

            Renderer(parse, console).Render(report, parse.GetValue(Breakdown));
            return 0;
        });
        return command;
    }

    private static (UsageFilter Filter, PriceTable Prices) Inputs(ParseResult parse)
    {
        var filter = new UsageFilter(
            ParseDate(parse.GetValue(Since), "--since"),
            ParseDate(parse.GetValue(Until), "--until"),
            parse.GetValue(Project),
            parse.GetValue(Agent));
        return (filter, PriceTable.Load(parse.GetValue(Prices)));
    }

    // Redirected output has no terminal width; a wide canvas keeps table rows on one line.
    private static Spectre.Console.IAnsiConsole WideConsole(CliConsole console)
    {
        var ansi = console.Ansi();
        if (!console.IsTerminal)
        {
            ansi.Profile.Width = 200;
        }

        return ansi;
    }
}
