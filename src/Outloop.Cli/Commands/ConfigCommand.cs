using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Outloop.Configuration;
using Spectre.Console;

namespace Outloop.Cli.Commands;

/// <summary><c>outloop config [--project DIR] [--json]</c>: the effective configuration and where each value came from.</summary>
internal static class ConfigCommand
{
    public static readonly Option<string?> Project = new("--project") { Description = "Project folder whose .outloop/config.yaml applies (default: current folder)" };

    public static Command Create(CliConsole console)
    {
        var command = new Command("config", "Show the effective configuration and where each value came from");
        command.Options.Add(Project);
        command.Options.Add(GlobalOptions.Json);
        command.SetAction(parse =>
        {
            var config = ConfigLoader.Load(parse.GetValue(Project) ?? Directory.GetCurrentDirectory());
            if (parse.GetValue(GlobalOptions.Json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    config = config.Values.Select(v => new
                    {
                        key = v.Key.Name,
                        value = v.Value is IReadOnlyList<WebhookConfig> hooks ? hooks.Select(h => h.Masked()) : v.Value,
                        source = v.Source,
                    }),
                }));
                return 0;
            }

            var ansi = console.Ansi();
            if (!console.IsTerminal)
            {
                ansi.Profile.Width = 200;
            }

            var table = new Table().AddColumns("Key", "Value", "Source");
            foreach (var value in config.Values)
            {
                table.AddRow(Markup.Escape(value.Key.Name), Markup.Escape(Format(value.Value)), Markup.Escape(value.Source));
            }

            ansi.Write(table);
            return 0;
        });
        return command;
    }

    private static string Format(object? value) => value switch
    {
        null => "(none)",
        IReadOnlyList<WebhookConfig> { Count: 0 } => "(none)",
        IReadOnlyList<WebhookConfig> hooks => string.Join("\n", hooks.Select(h => h.Describe())),
        double[] list => "[" + string.Join(", ", list.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
