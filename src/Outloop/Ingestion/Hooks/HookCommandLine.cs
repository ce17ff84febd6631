namespace Outloop.Ingestion.Hooks;

/// <summary>
/// The command that settings.json runs for each event: the native <c>outloop-hook</c> binary when one is installed
/// (about 10x faster to start), else the CLI's own <c>hook</c> command. Paths are absolute, quoted for the shell.
/// </summary>
internal static class HookCommandLine
{
    public const string FastBinaryName = "outloop-hook";

    /// <summary>Where the native binary is looked for: <c>$OUTLOOP_HOOK_BIN</c>, beside the CLI, <c>~/.outloop/bin</c>.</summary>
    public static IEnumerable<string> FastBinaryCandidates(string? fromEnvironment, string cliDirectory, string outloopHome)
    {
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            yield return Path.GetFullPath(fromEnvironment);
        }

        yield return Path.Combine(cliDirectory, FastBinaryName);
        yield return Path.Combine(outloopHome, "bin", FastBinaryName);
    }

    /// <summary>
    /// The command: <paramref name="fastBinary"/> if given, else the CLI (<paramref name="processPath"/>, and when that
    /// is the <c>dotnet</c> host, <paramref name="cliAssembly"/> too) with <c>hook</c>; <c>--db</c> when one was chosen;
    /// then <paramref name="flags"/> (<see cref="HookInvocation.CompactFlag"/>, <see cref="HookInvocation.RewriteFlag"/>).
    /// </summary>
    public static string Build(string? fastBinary, string processPath, string cliAssembly, string? db, params IReadOnlyList<string> flags)
    {
        var parts = new List<string>();
        if (fastBinary is not null)
        {
            parts.Add(fastBinary);
        }
        else
        {
            parts.Add(processPath);
            if (IsDotnetHost(processPath))
            {
                parts.Add(cliAssembly);
            }

            parts.Add("hook");
        }

        if (db is not null)
        {
            parts.Add("--db");
            parts.Add(Path.GetFullPath(db));
        }

        parts.AddRange(flags);

        return string.Join(' ', parts.Select(Quote));
    }

    /// <summary>
    /// The words that start this program again: the native binary or the CLI's apphost alone, or the <c>dotnet</c>
    /// host and the CLI assembly.
    /// </summary>
    public static IReadOnlyList<string> Launcher(string processPath, string cliAssembly) =>
        IsDotnetHost(processPath) ? [processPath, cliAssembly] : [processPath];

    /// <summary>True for a command this class wrote: the native binary, or a command naming Outloop that runs <c>hook</c>.</summary>
    public static bool IsOutloopHook(string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('\'', '"')).ToList();
        return words.Any(w => Path.GetFileName(w) == FastBinaryName)
            || (words.Contains("hook") && command.Contains("outloop", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsDotnetHost(string processPath) =>
        Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase);

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ':' or '=')
            ? word
            : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
