namespace Outloop.Patterns.Signatures;

/// <summary>The shell operator written before a simple command, linking it to the previous one in its list.</summary>
internal enum ShellOperator
{
    /// <summary>First command of its list.</summary>
    None,

    /// <summary><c>;</c> or a line break.</summary>
    Sequence,

    /// <summary><c>&amp;&amp;</c>.</summary>
    And,

    /// <summary><c>||</c>.</summary>
    Or,

    /// <summary><c>|</c> or <c>|&amp;</c>: the command reads the previous one's output.</summary>
    Pipe,

    /// <summary><c>&amp;</c>: the previous command runs in the background.</summary>
    Background,
}
