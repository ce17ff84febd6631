using System.CommandLine;

namespace Outloop.Cli.Commands;

/// <summary><c>outloop bench</c>: the benchmarks behind the numbers in BENCHMARKS.md, one subcommand each.</summary>
internal static class BenchCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("bench", "Run a benchmark against labelled data and print its scores");
        command.Subcommands.Add(BenchTemplatesCommand.Create(console));
        command.Subcommands.Add(BenchRoutingCommand.Create(console));
        command.Subcommands.Add(BenchCompactionCommand.Create(console));
        return command;
    }
}
