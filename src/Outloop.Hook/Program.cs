using Outloop.Automation.Compaction;
using Outloop.Ingestion.Hooks;
using Outloop.Storage;

// `outloop-hook compact [--timeout SECONDS] -- CMD ARGS...` runs a command the PreToolUse hook rewrote (started in a
// few milliseconds, like the hook). Anything else is the hook: `outloop-hook [hook] [--db PATH] [--compact] [--rewrite]`;
// other arguments are ignored rather than refused: a hook must never fail the agent.
if (args.Length > 0 && args[0] == "compact")
{
    return Compact(args[1..]).GetAwaiter().GetResult();
}

HookEntryPoint.IsHookInvocation(args, hookWordRequired: false, out var invocation);
var responder = invocation.Responds
    ? CompactionHook.Responder(CompactionHookOptions.FromEnvironment(StoreLocation.OutloopHome(), [Environment.ProcessPath ?? HookCommandLine.FastBinaryName]))
    : null;
return HookEntryPoint.Run(invocation, Console.OpenStandardInput(), Console.OpenStandardOutput(), responder);

static async Task<int> Compact(string[] args)
{
    var timeout = CompactProcess.DefaultTimeout;
    var i = 0;
    if (i + 1 < args.Length && args[i] == "--timeout" && int.TryParse(args[i + 1], out var seconds))
    {
        timeout = TimeSpan.FromSeconds(seconds);
        i += 2;
    }

    if (i < args.Length && args[i] == "--")
    {
        i++;
    }

    if (i >= args.Length)
    {
        await Console.Error.WriteLineAsync("usage: outloop-hook compact [--timeout SECONDS] -- CMD ARGS...").ConfigureAwait(false);
        return 2;
    }

    var folder = CompactionOutputFolder.Resolve(Environment.GetEnvironmentVariable("CLAUDE_PROJECT_DIR"), StoreLocation.OutloopHome());
    return await CompactProcess.RunAsync(args[i..], timeout, folder, StoreLocation.Resolve(null), Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false);
}
