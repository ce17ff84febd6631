using System.CommandLine;
using Outloop.Automation.Compaction;
using Outloop.Ingestion.Hooks;
using Outloop.Storage;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop hook [--compact] [--rewrite]</c>: records one Claude Code hook event from stdin. Program.cs runs it without
/// this command tree (startup time); this class makes it visible in help and handles the rare invocation the fast path
/// does not take.
/// </summary>
internal static class HookCommand
{
    public static Command Create()
    {
        var compact = new Option<bool>(HookInvocation.CompactFlag)
        {
            Description = "On PostToolUse, replace a recognised Bash test/build/lint output with its compact form (prints the hook's JSON answer)",
        };
        var rewrite = new Option<bool>(HookInvocation.RewriteFlag)
        {
            Description = "On PreToolUse, rewrite a plain test/build/lint command to run through 'outloop compact'",
        };
        var command = new Command(
            "hook",
            "Record one Claude Code hook event read from stdin (installed by 'outloop init claude'). Always exits 0; problems go to ~/.outloop/logs/hook-errors.log")
        {
            compact, rewrite,
        };
        command.SetAction(parse =>
        {
            var invocation = new HookInvocation(parse.GetValue(GlobalOptions.Db), parse.GetValue(compact), parse.GetValue(rewrite));
            var responder = CompactionHook.Responder(CompactionHookOptions.FromEnvironment(
                StoreLocation.OutloopHome(),
                HookCommandLine.Launcher(Environment.ProcessPath ?? "dotnet", Path.Combine(AppContext.BaseDirectory, "Outloop.Cli.dll"))));
            return HookEntryPoint.Run(invocation, Console.OpenStandardInput(), Console.OpenStandardOutput(), responder);
        });
        return command;
    }
}
