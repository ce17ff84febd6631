using System.CommandLine;
using Outloop.Ingestion.Hooks;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop hook</c>: records one Claude Code hook event from stdin. Program.cs runs it without this command tree
/// (startup time); this class makes it visible in help and handles the rare invocation the fast path does not take.
/// </summary>
internal static class HookCommand
{
    public static Command Create()
    {
        var command = new Command(
            "hook",
            "Record one Claude Code hook event read from stdin (installed by 'outloop init claude'). Prints nothing and always exits 0; problems go to ~/.outloop/logs/hook-errors.log");
        command.SetAction(parse => HookEntryPoint.Run(parse.GetValue(GlobalOptions.Db), Console.OpenStandardInput()));
        return command;
    }
}
