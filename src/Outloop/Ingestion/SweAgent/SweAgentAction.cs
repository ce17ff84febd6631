namespace Outloop.Ingestion.SweAgent;

/// <summary>
/// Reads one SWE-agent action (the command text the model chose): which tool it is, which file it touches, and
/// whether its observation shows a failure. SWE-agent's own commands (<c>open</c>, <c>edit</c>,
/// <c>str_replace_editor</c>, ...) keep their names; anything else ran in the shell and is called <c>bash</c>.
/// </summary>
internal static class SweAgentAction
{
    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal)
    {
        "open", "goto", "scroll_up", "scroll_down", "create", "edit", "insert", "append", "search_dir", "search_file",
        "find_file", "submit", "str_replace_editor", "filemap", "exit_forfeit", "decompile", "disassemble",
        "debug_start", "debug_add_breakpoint", "debug_continue", "debug_step", "debug_exec", "debug_stop",
        "connect_start", "connect_sendline", "connect_exec", "connect_stop", "skip", "review_on_msg",
    };

    /// <summary>Text that SWE-agent or the shell prints when a command did not do its job.</summary>
    internal static readonly string[] FailureMarkers =
    [
        "Traceback (most recent call last)",
        "command not found",
        "No such file or directory",
        "Your proposed edit has introduced new syntax error",
        "SyntaxError: ",
        "No replacement was performed",
        "Permission denied",
        "Usage: ",
    ];

    public static string ToolName(string action)
    {
        var first = FirstWord(action);
        return Commands.Contains(first) ? first : "bash";
    }

    /// <summary>True when the observation shows an error: a traceback, a shell error, an edit SWE-agent rejected.</summary>
    public static bool IsFailure(string observation)
    {
        foreach (var marker in FailureMarkers)
        {
            if (observation.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return observation.StartsWith("Error", StringComparison.Ordinal);
    }

    /// <summary>The file the action reads, writes or searches, if its text shows one.</summary>
    public static (string Path, FileAccessKind Kind)? FileAccess(string action, string? openFile)
    {
        var words = Words(action);
        if (words.Count == 0)
        {
            return null;
        }

        var open = openFile is { Length: > 0 } and not "n/a" ? openFile : null;
        return words[0] switch
        {
            "open" when words.Count > 1 => (words[1], FileAccessKind.Read),
            "create" when words.Count > 1 => (words[1], FileAccessKind.Write),
            "edit" or "insert" or "append" when open is not null => (open, FileAccessKind.Write),
            "str_replace_editor" when words.Count > 2 => (words[2], words[1] == "view" ? FileAccessKind.Read : FileAccessKind.Write),
            "search_file" when words.Count > 2 => (words[2], FileAccessKind.Search),
            "search_file" when open is not null => (open, FileAccessKind.Search),
            "search_dir" or "find_file" when words.Count > 2 => (words[2], FileAccessKind.Search),
            "find_file" when words.Count > 1 => (words[1], FileAccessKind.Search),
            "cat" or "head" or "tail" when words.Count > 1 && !words[^1].StartsWith('-') => (words[^1], FileAccessKind.Read),
            _ => null,
        };
    }

    private static string FirstWord(string action)
    {
        var text = action.AsSpan().TrimStart();
        var end = text.IndexOfAny(' ', '\n', '\t');
        return (end < 0 ? text : text[..end]).ToString();
    }

    /// <summary>The words of the action's first line, quotes removed.</summary>
    private static List<string> Words(string action)
    {
        var line = action.AsSpan().TrimStart();
        var newline = line.IndexOf('\n');
        if (newline >= 0)
        {
            line = line[..newline];
        }

        var words = new List<string>();
        foreach (var range in line.Split(' '))
        {
            var word = line[range].Trim().Trim('"').Trim('\'');
            if (word.Length > 0)
            {
                words.Add(word.ToString());
            }
        }

        return words;
    }
}
