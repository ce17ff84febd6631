using System.Text;

namespace Outloop.Automation.Tools;

/// <summary>
/// The configured agent command (e.g. <c>claude -p</c>) that takes a request nothing else could answer.
/// The command itself is configuration written by the user; the request text is always appended as ONE argument.
/// </summary>
internal sealed record AgentCommand(IReadOnlyList<string> Argv)
{
    /// <summary>Splits a configured command line on spaces, honouring single and double quotes.</summary>
    public static AgentCommand Parse(string commandLine)
    {
        var argv = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in commandLine)
        {
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    argv.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (quote is not null)
        {
            throw new OutloopException($"agent command '{commandLine}': a quote is not closed.");
        }

        if (inWord)
        {
            argv.Add(current.ToString());
        }

        return argv.Count == 0
            ? throw new OutloopException("agent command is empty: give a program, e.g. --agent-command \"claude -p\".")
            : new AgentCommand(argv);
    }

    /// <summary>The argument array for one request: the command, then the text as a single item.</summary>
    public IReadOnlyList<string> For(string requestText) => [.. Argv, requestText];

    public override string ToString() => string.Join(' ', Argv);
}
