using System.CommandLine;

namespace Outloop.Cli;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "Path of the Outloop store (default: $OUTLOOP_DB, else ~/.outloop/outloop.db)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Write stable, documented JSON instead of a table",
    };
}
