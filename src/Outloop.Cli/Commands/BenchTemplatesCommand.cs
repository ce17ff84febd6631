using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Outloop.Patterns.Templates;
using Spectre.Console;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop bench templates DIR [--json] [--passes N]</c>: mines every system of a Loghub-style folder and
/// prints GA, FGA, PA, FTA per system and their mean, and the mining speed in lines per second.
/// </summary>
internal static class BenchTemplatesCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    public static Command Create(CliConsole console)
    {
        var directory = new Argument<DirectoryInfo>("DIR")
        {
            Description = "A folder laid out like data/loghub2k (settings.json and one folder per system)",
        };
        var passes = new Option<int>("--passes")
        {
            Description = "Timed mining passes over all systems (after 3 warm-up passes); speed is lines per CPU second",
            DefaultValueFactory = _ => 20,
        };
        var command = new Command("templates", "Score the template miner on labelled logs (GA, FGA, PA, FTA) and time it");
        command.Arguments.Add(directory);
        command.Options.Add(GlobalOptions.Json);
        command.Options.Add(passes);
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(directory)!;
            if (!dir.Exists)
            {
                throw new OutloopException($"{dir.FullName} does not exist; give a folder laid out like data/loghub2k.");
            }

            var result = TemplateBenchmark.Run(dir.FullName, parse.GetValue(passes));
            if (parse.GetValue(GlobalOptions.Json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(result, JsonOptions));
            }
            else
            {
                Render(console, result);
            }

            return 0;
        });
        return command;
    }

    private static void Render(CliConsole console, TemplateBenchmarkResult result)
    {
        var table = new Table().AddColumns("System", "Lines", "GA", "FGA", "PA", "FTA");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var s in result.Systems)
        {
            table.AddRow(s.System, s.Lines.ToString(CultureInfo.InvariantCulture), F(s.Ga), F(s.Fga), F(s.Pa), F(s.Fta));
        }

        var m = result.Mean;
        table.AddRow("[bold]mean[/]", result.Systems.Sum(s => s.Lines).ToString(CultureInfo.InvariantCulture), F(m.Ga), F(m.Fga), F(m.Pa), F(m.Fta));
        var ansi = console.Ansi();
        ansi.Write(table);
        ansi.WriteLine(
            $"Mining speed (one core, mining only): {result.LinesPerSecond.ToString("N0", CultureInfo.InvariantCulture)} lines per CPU second; " +
            $"median wall-clock pass {result.WallLinesPerSecond.ToString("N0", CultureInfo.InvariantCulture)} lines/s");
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
