using System.Text;
using Outloop.Storage;

namespace Outloop.Ingestion.Hooks;

/// <summary>
/// The process entry of <c>outloop hook</c> and of the native <c>outloop-hook</c> binary: reads one event from stdin
/// to EOF, records it, prints nothing and always exits 0. Kept free of the command-line parser and the console
/// library so that the process starts fast.
/// </summary>
internal static class HookEntryPoint
{
    /// <summary>
    /// True when <paramref name="args"/> asks for the hook: <c>hook</c> with at most <c>--db PATH</c> (or
    /// <c>--db=PATH</c>), <c>--compact</c> and <c>--rewrite</c> before or after it. Anything else (<c>hook --help</c>)
    /// goes to the full command line.
    /// </summary>
    public static bool IsHookInvocation(string[] args, bool hookWordRequired, out HookInvocation invocation)
    {
        invocation = new HookInvocation(null);
        var sawHook = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "hook" && !sawHook)
            {
                sawHook = true;
            }
            else if (args[i] == "--db" && i + 1 < args.Length)
            {
                invocation = invocation with { Db = args[++i] };
            }
            else if (args[i].StartsWith("--db=", StringComparison.Ordinal))
            {
                invocation = invocation with { Db = args[i]["--db=".Length..] };
            }
            else if (args[i] == HookInvocation.CompactFlag)
            {
                invocation = invocation with { CompactOutput = true };
            }
            else if (args[i] == HookInvocation.RewriteFlag)
            {
                invocation = invocation with { RewriteCommands = true };
            }
            else
            {
                return false;
            }
        }

        return sawHook || !hookWordRequired;
    }

    /// <summary>
    /// Reads one event from <paramref name="stdin"/>; when <paramref name="invocation"/> asks for an answer, writes what
    /// <paramref name="responder"/> returns (one JSON object, or nothing) to <paramref name="stdout"/>; then records the
    /// event. Always returns 0: a failure of Outloop is logged and never reaches the agent.
    /// </summary>
    public static int Run(HookInvocation invocation, Stream stdin, Stream stdout, HookResponder? responder = null)
    {
        try
        {
            using var hookEvent = HookEventText.Read(stdin);
            var reply = invocation.Responds && responder is not null ? Answer(responder, hookEvent, invocation, stdout) : null;
            var options = new HookRecorderOptions(StoreLocation.Resolve(invocation.Db), StoreLocation.OutloopHome(), HookRecorderOptions.DefaultBusyTimeout);
            new HookRecorder(options).Record(hookEvent, reply?.Saving);
        }
        catch (Exception e)
        {
            HookErrorLog.Default().Append(DateTimeOffset.UtcNow, $"hook failed before recording ({e.GetType().Name}: {e.Message})");
        }

        return 0;
    }

    /// <summary>The reply that was written in full, or null (nothing to say, or a failure, logged).</summary>
    private static HookReply? Answer(HookResponder responder, HookEventText hookEvent, HookInvocation invocation, Stream stdout)
    {
        try
        {
            var reply = responder(hookEvent, invocation);
            if (reply is null)
            {
                return null;
            }

            // One write of the whole object: the agent reads either a complete answer or none.
            stdout.Write(new UTF8Encoding(false).GetBytes(reply.Json));
            stdout.Flush();
            return reply;
        }
        catch (Exception e)
        {
            HookErrorLog.Default().Append(DateTimeOffset.UtcNow, $"hook answer failed, the agent got none ({e.GetType().Name}: {e.Message})");
            return null;
        }
    }
}
