using System.CommandLine;
using Outloop.Storage;

namespace Outloop.Cli;

/// <summary>The one place commands open the store, so another backend slots in here.</summary>
internal static class StoreFactory
{
    public static IStore Open(ParseResult parse) => OpenSqlite(parse);

    /// <summary>The SQLite store itself, for the analyses that run their SQL on it (patterns).</summary>
    public static SqliteStore OpenSqlite(ParseResult parse) => SqliteStore.Open(StoreLocation.Resolve(parse.GetValue(GlobalOptions.Db)));
}
