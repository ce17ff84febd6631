namespace Outloop.Ingestion.Hooks;

/// <summary>The name Claude Code gives a project's folder under <c>~/.claude/projects</c>.</summary>
internal static class ClaudeProjectName
{
    /// <summary>Every character of <paramref name="cwd"/> that is not an ASCII letter or digit becomes <c>-</c>.</summary>
    public static string FromCwd(string cwd) =>
        string.Create(cwd.Length, cwd, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiLetterOrDigit(source[i]) ? source[i] : '-';
            }
        });
}
