namespace Outloop.Storage;

/// <summary>Where the store is: <c>--db PATH</c>, else <c>OUTLOOP_DB</c>, else <c>~/.outloop/outloop.db</c>.</summary>
public static class StoreLocation
{
    /// <summary>Resolves the store path from the command line value and the environment.</summary>
    public static string Resolve(string? dbOption)
    {
        if (!string.IsNullOrWhiteSpace(dbOption))
        {
            return Path.GetFullPath(dbOption);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("OUTLOOP_DB");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        return Path.Combine(OutloopHome(), "outloop.db");
    }

    /// <summary><c>~/.outloop</c> (or <c>OUTLOOP_HOME</c>), where the default store, logs and spilled outputs live.</summary>
    public static string OutloopHome()
    {
        var home = Environment.GetEnvironmentVariable("OUTLOOP_HOME");
        return string.IsNullOrWhiteSpace(home)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".outloop")
            : home;
    }
}
