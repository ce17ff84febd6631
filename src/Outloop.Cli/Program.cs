using System.Runtime.CompilerServices;
using Outloop.Automation.Compaction;
using Outloop.Cli;
using Outloop.Ingestion.Hooks;
using Outloop.Storage;

// `outloop hook` runs on every tool call of the agent: it skips the command-line tree and the console library,
// which are loaded only by RunCli.
if (HookEntryPoint.IsHookInvocation(args, hookWordRequired: true, out var invocation))
{
    return HookEntryPoint.Run(invocation, Console.OpenStandardInput(), Console.OpenStandardOutput(), invocation.Responds ? HookResponder() : null);
}

return RunCli(args);

[MethodImpl(MethodImplOptions.NoInlining)]
static int RunCli(string[] args) => CliApp.RunAsync(args, CliConsole.System()).GetAwaiter().GetResult();

// A rewritten command runs `compact` through this same CLI (the dotnet host and the assembly, or the apphost).
static HookResponder HookResponder() => CompactionHook.Responder(CompactionHookOptions.FromEnvironment(
    StoreLocation.OutloopHome(),
    HookCommandLine.Launcher(Environment.ProcessPath ?? "dotnet", Path.Combine(AppContext.BaseDirectory, "Outloop.Cli.dll"))));
