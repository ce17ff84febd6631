using System.Runtime.CompilerServices;
using Outloop.Cli;
using Outloop.Ingestion.Hooks;

// `outloop hook` runs on every tool call of the agent: it skips the command-line tree and the console library,
// which are loaded only by RunCli.
if (HookEntryPoint.IsHookInvocation(args, hookWordRequired: true, out var db))
{
    return HookEntryPoint.Run(db, Console.OpenStandardInput());
}

return RunCli(args);

[MethodImpl(MethodImplOptions.NoInlining)]
static int RunCli(string[] args) => CliApp.RunAsync(args, CliConsole.System()).GetAwaiter().GetResult();
