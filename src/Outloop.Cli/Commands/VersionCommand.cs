using System.CommandLine;
using System.Reflection;

namespace Outloop.Cli.Commands;

/// <summary><c>outloop version</c>: prints the version.</summary>
internal static class VersionCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("version", "Print Outloop's version");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            console.Out.WriteLine($"outloop {version}");
            return 0;
        });
        return command;
    }
}
