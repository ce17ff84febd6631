namespace Outloop.Ingestion.Claude;

/// <summary>
/// Tells a person's prompt from the other text a <c>user</c> line can carry: tool results, meta lines, compaction
/// summaries, interruption markers, output of local slash commands and background-task notifications.
/// </summary>
internal static class HumanPrompt
{
    private static readonly string[] NotAPromptPrefixes =
    [
        "[Request interrupted",
        "<local-command-stdout>",
        "<local-command-stderr>",
        "<local-command-caveat>",
        "Caveat: The messages below were generated",
        "<task-notification>",
        "<bash-input>",
        "<bash-stdout>",
        "<bash-stderr>",
        "<system-reminder>",
        "Base directory for this skill:",
    ];

    /// <summary>Built-in slash commands that manage the session rather than ask for work.</summary>
    private static readonly HashSet<string> LocalCommands = new(StringComparer.Ordinal)
    {
        "/compact", "/clear", "/mcp", "/model", "/config", "/cost", "/help", "/status", "/login", "/logout",
        "/resume", "/exit", "/quit", "/memory", "/permissions", "/hooks", "/agents", "/doctor", "/ide", "/vim",
        "/terminal-setup", "/theme", "/release-notes", "/add-dir", "/bug", "/context", "/export", "/usage",
        "/statusline", "/output-style", "/rewind", "/todos", "/upgrade", "/privacy-settings", "/plugin", "/fast",
        "/effort", "/btw",
    };

    public static bool IsInterruption(string? text) =>
        text is not null && text.StartsWith("[Request interrupted by user", StringComparison.Ordinal);

    public static bool Is(ClaudeLine line)
    {
        if (line.Type != "user" || line.IsSidechain || line.IsMeta || line.IsCompactSummary || line.ToolResults is { Count: > 0 })
        {
            return false;
        }

        var text = line.UserText?.TrimStart();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var prefix in NotAPromptPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return !text.StartsWith("<command-name>", StringComparison.Ordinal) || !LocalCommands.Contains(CommandName(text));
    }

    private static string CommandName(string text)
    {
        const string open = "<command-name>";
        var end = text.IndexOf("</command-name>", StringComparison.Ordinal);
        return end > open.Length ? text[open.Length..end].Trim() : string.Empty;
    }
}
