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
    /// True when <paramref name="args"/> asks for the hook: <c>hook</c> with at most a <c>--db PATH</c> (or
    /// <c>--db=PATH</c>) before or after it. Anything else (<c>hook --help</c>) goes to the full command line.
    /// </summary>
    public static bool IsHookInvocation(string[] args, bool hookWordRequired, out string? db)
    {
        db = null;
        var sawHook = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "hook" && !sawHook)
            {
                sawHook = true;
            }
            else if (args[i] == "--db" && i + 1 < args.Length)
            {
                db = args[++i];
            }
            else if (args[i].StartsWith("--db=", StringComparison.Ordinal))
            {
                db = args[i]["--db=".Length..];
            }
            else
            {
                return false;
            }
        }

        return sawHook || !hookWordRequired;
    }

    public static int Run(string? db, Stream stdin)
    {
        try
        {
            string rawEvent;
            using (var reader = new StreamReader(stdin, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true))
            {
                rawEvent = reader.ReadToEnd();
            }

            var options = new HookRecorderOptions(StoreLocation.Resolve(db), StoreLocation.OutloopHome(), HookRecorderOptions.DefaultBusyTimeout);
            new HookRecorder(options).Record(rawEvent);
        }
        catch (Exception e)
        {
            HookErrorLog.Default().Append(DateTimeOffset.UtcNow, $"hook failed before recording ({e.GetType().Name}: {e.Message})");
        }

        return 0;
    }
}
