using System.CommandLine;
using System.Text.Json;
using Outloop.Configuration;
using Outloop.Review;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop effectiveness [--project DIR] [--lookback-days N] [--json]</c>: every applied guideline's target failure
/// rate before and after it was applied, the Fisher p-value and the verdict (the digest's Effectiveness table).
/// </summary>
internal static class EffectivenessCommand
{
    private static readonly Option<int?> LookbackDays = new("--lookback-days") { Description = "Days before each change that count as 'before' (default: outerLoop.lookbackDays)" };

    public static Command Create(CliConsole console)
    {
        var command = new Command("effectiveness", "Did each applied guideline lower the failure it targets? Before/after rates per task with Fisher's exact test")
        {
            ConfigCommand.Project, LookbackDays, GlobalOptions.Json,
        };
        command.SetAction(parse =>
        {
            var files = new ProjectFiles(parse.GetValue(ConfigCommand.Project) ?? Directory.GetCurrentDirectory());
            var config = ConfigLoader.Load(files.Root);
            EffectivenessReport report;
            using (var store = StoreFactory.OpenSqlite(parse))
            {
                report = new EffectivenessCalculator(store, new Storage.SqliteReviewStore(store, files.Root)).Measure(
                    config.Integer(ConfigKeys.EffectivenessMinTasks), parse.GetValue(LookbackDays) ?? config.Integer(ConfigKeys.LookbackDays), DateTimeOffset.UtcNow);
            }

            console.Out.WriteLine(parse.GetValue(GlobalOptions.Json) ? JsonSerializer.Serialize(report.ToJsonModel()) : report.ToMarkdown());
            return 0;
        });
        return command;
    }
}
