namespace Outloop.Patterns.Signatures;

/// <summary>
/// One redirection of a simple command: <c>2&gt;&amp;1</c> is (Fd 2, Operator "&gt;&amp;", Target "1"),
/// <c>&gt; out.txt</c> is (null, "&gt;", "out.txt"), a heredoc is ("&lt;&lt;", delimiter) with its body.
/// </summary>
internal sealed record ShellRedirection(int? Fd, string Operator, string Target)
{
    /// <summary>The text of a heredoc (<c>&lt;&lt;EOF</c> ... <c>EOF</c>), null for other redirections.</summary>
    public string? HeredocBody { get; internal set; }

    /// <summary>True when this writes to a named file (not a file descriptor, not /dev/null).</summary>
    public bool WritesFile =>
        Operator is ">" or ">>" or ">|" or "&>" or "&>>" && !IsNullDevice(Target);

    /// <summary>True when this reads a named file as standard input.</summary>
    public bool ReadsFile => Operator == "<" && !IsNullDevice(Target);

    /// <summary>True for heredocs and here-strings.</summary>
    public bool IsHeredoc => Operator is "<<" or "<<-" or "<<<";

    private static bool IsNullDevice(string target) => target is "/dev/null" or "/dev/stdout" or "/dev/stderr" or "nul" or "NUL";
}
