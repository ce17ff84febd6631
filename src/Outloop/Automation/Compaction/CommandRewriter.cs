using Outloop.Outputs;

namespace Outloop.Automation.Compaction;

/// <summary>
/// Decides whether an agent's shell command can run through <c>compact</c> without changing what it does, and builds
/// the wrapped command: <c>LAUNCHER compact -- bash -c 'ORIGINAL'</c>, the original passed as one single-quoted word.
/// Only a test, build or lint run is wrapped, and only a plain one: no pipe, redirection to a file, heredoc, background
/// job, several lines, state-changing builtin (<c>cd</c>, <c>export</c>, ...) or interactive/watch flag.
/// <c>bash</c>, not <c>sh</c>: the agent's Bash tool speaks bash (<c>[[ ]]</c>, brace expansion), and <c>sh</c> is dash
/// on Debian and Ubuntu.
/// </summary>
internal static class CommandRewriter
{
    /// <summary>Longer commands are left alone: they are scripts, not runs.</summary>
    public const int MaxCommandChars = 2000;

    private static readonly HashSet<string> StatefulBuiltins = new(StringComparer.Ordinal)
    {
        "cd", "pushd", "popd", "export", "source", ".", "alias", "unalias", "unset", "set", "exec", "eval", "ulimit",
        "umask", "trap", "shopt", "declare", "typeset", "readonly", "local", "fg", "bg", "wait", "kill", "sudo", "su",
    };

    private static readonly HashSet<string> InteractiveWords = new(StringComparer.Ordinal)
    {
        "-i", "-it", "-ti", "--interactive", "--tty", "watch", "--watch", "--watchAll", "--watch-all", "--pdb", "--trace",
        "--inspect", "--inspect-brk", "--ui", "--headed", "--debug", "--serve", "serve", "--open", "repl", "shell",
    };

    /// <summary>The wrapped command, or null when <paramref name="command"/> is not a plain test, build or lint run.</summary>
    public static string? Rewrite(string command, IReadOnlyList<string> launcher)
    {
        var runner = WrappableRunner(command);
        return runner is null ? null : Wrap(command, launcher);
    }

    /// <summary>The runner of a command that is safe to wrap, or null.</summary>
    public static string? WrappableRunner(string command)
    {
        if (string.IsNullOrWhiteSpace(command) || command.Length > MaxCommandChars || !IsPlain(command))
        {
            return null;
        }

        var runners = RunnerDetector.FromCommand(command);
        if (runners.Count == 0 || runners.Any(r => r is Runners.NpmInstall or Runners.PipInstall or Runners.BundleInstall or Runners.MixDeps))
        {
            return null;
        }

        var words = Words(command);
        if (words.Any(InteractiveWords.Contains) || words.Any(w => w.Equals("outloop", StringComparison.Ordinal)
            || w.EndsWith("/outloop", StringComparison.Ordinal) || w.Contains("outloop-hook", StringComparison.Ordinal)))
        {
            return null;
        }

        // "cargo run" and "go run" start the program itself (often a server): its output is not a build log.
        if (runners.Any(r => r is Runners.CargoBuild or Runners.GoBuild) && words.Contains("run"))
        {
            return null;
        }

        return runners[^1];
    }

    /// <summary><c>LAUNCHER compact -- bash -c 'COMMAND'</c>, every word quoted for the shell.</summary>
    public static string Wrap(string command, IReadOnlyList<string> launcher) =>
        string.Join(' ', launcher.Select(Quote)) + " compact -- bash -c " + Quote(command);

    /// <summary>Single-quotes a word for a POSIX shell unless it is plainly safe; a quote inside becomes <c>'\''</c>.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ':' or '=' or ',' or '@' or '%')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static bool IsPlain(string command)
    {
        if (command.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0 || command.Contains("<<", StringComparison.Ordinal)
            || command.Contains('|', StringComparison.Ordinal))
        {
            return false;
        }

        // Merging stderr into stdout is harmless; any other redirection sends output where the agent does not see it.
        var rest = command.Replace("2>&1", " ", StringComparison.Ordinal);
        if (rest.AsSpan().IndexOfAny('<', '>') >= 0)
        {
            return false;
        }

        var trimmed = command.TrimEnd();
        if (trimmed.EndsWith('&') && !trimmed.EndsWith("&&", StringComparison.Ordinal))
        {
            return false; // a background job
        }

        foreach (var step in command.Split(["&&", ";", "&"], StringSplitOptions.RemoveEmptyEntries))
        {
            var first = Words(step).FirstOrDefault(w => !IsAssignment(w));
            if (first is not null && StatefulBuiltins.Contains(first))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && (char.IsAsciiLetter(word[0]) || word[0] == '_') && word[..equals].All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
    }

    private static List<string> Words(string text) =>
        text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('\'', '"', '(', ')')).ToList();
}
