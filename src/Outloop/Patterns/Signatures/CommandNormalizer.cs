using System.Text;

namespace Outloop.Patterns.Signatures;

/// <summary>
/// Writes a parsed command line back with its variable parts masked, so that two runs of the same operation
/// written the same way compare equal: paths become <c>&lt;path&gt;</c>, numbers <c>&lt;n&gt;</c>, texts with
/// blanks <c>&lt;str&gt;</c>, URLs <c>&lt;url&gt;</c>, hashes <c>&lt;id&gt;</c>, substitutions <c>&lt;cmd&gt;</c>,
/// option values after <c>=</c> <c>&lt;v&gt;</c>; heredoc bodies are dropped. Program names, subcommands and
/// option names stay. <c>mix test test/a_test.exs:12 2&gt;&amp;1 | tail -5</c> becomes
/// <c>mix test &lt;path&gt; 2&gt;&amp;1 | tail -&lt;n&gt;</c>.
/// </summary>
internal static class CommandNormalizer
{
    private const int MaxLength = 300;

    public static string Normalize(IReadOnlyList<SimpleCommand> commands)
    {
        var sb = new StringBuilder(64);
        foreach (var command in commands)
        {
            if (command.InSubstitution)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(command.PrecededBy switch
                {
                    ShellOperator.And => " && ",
                    ShellOperator.Or => " || ",
                    ShellOperator.Pipe => " | ",
                    ShellOperator.Background => " & ",
                    _ => "; ",
                });
            }

            var start = sb.Length;
            foreach (var assignment in command.Assignments)
            {
                var eq = assignment.IndexOf('=');
                sb.Append(assignment, 0, eq + 1).Append("<v> ");
            }

            for (var i = 0; i < command.Argv.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(' ');
                }

                AppendWord(sb, command.Argv[i], program: i == 0);
            }

            foreach (var redirection in command.Redirections)
            {
                if (sb.Length > start)
                {
                    sb.Append(' ');
                }

                if (redirection.Fd is { } fd)
                {
                    sb.Append(fd);
                }

                sb.Append(redirection.Operator);
                if (redirection.Operator is "<<" or "<<-")
                {
                    sb.Append("EOF");
                }
                else if (redirection.Operator is ">&" or "<&" || redirection.Target is "/dev/null" or "-")
                {
                    sb.Append(redirection.Target);
                }
                else
                {
                    sb.Append(redirection.Operator == "<<<" ? " <str>" : " <path>");
                }
            }

            if (sb.Length > MaxLength)
            {
                break;
            }
        }

        if (sb.Length > MaxLength)
        {
            sb.Length = MaxLength;
            sb.Append('…');
        }

        return sb.ToString();
    }

    /// <summary>The masked form of a single word.</summary>
    internal static void AppendWord(StringBuilder sb, string word, bool program)
    {
        if (word.Length == 0)
        {
            sb.Append("''");
            return;
        }

        if (program)
        {
            sb.Append(word.Contains(' ') || word.Contains('\n') ? "<str>" : word);
            return;
        }

        if (word.Length > 1 && word[0] == '-')
        {
            var eq = word.IndexOf('=');
            if (eq > 0)
            {
                sb.Append(word, 0, eq + 1).Append("<v>");
                return;
            }

            if (word.Contains(' ') || word.Contains('\n'))
            {
                sb.Append("<str>");
                return;
            }

            AppendMaskedDigits(sb, word);
            return;
        }

        var masked = MaskValue(word);
        if (masked is not null)
        {
            sb.Append(masked);
            return;
        }

        AppendMaskedDigits(sb, word);
    }

    private static string? MaskValue(string value)
    {
        if (value.StartsWith("$(", StringComparison.Ordinal) || value.StartsWith('`') || value.StartsWith("<(", StringComparison.Ordinal))
        {
            return "<cmd>";
        }

        if (value.Contains("://", StringComparison.Ordinal))
        {
            return "<url>";
        }

        foreach (var c in value)
        {
            if (c is ' ' or '\n' or '\t')
            {
                return "<str>";
            }
        }

        var allDigits = true;
        var hex = value.Length >= 7;
        var hasDigit = false;
        var hasLetter = false;
        foreach (var c in value)
        {
            allDigits &= char.IsAsciiDigit(c) || c == '.';
            hasDigit |= char.IsAsciiDigit(c);
            hasLetter |= char.IsAsciiLetter(c);
            hex &= char.IsAsciiHexDigit(c);
        }

        if (allDigits && hasDigit)
        {
            return "<n>";
        }

        if (hex && hasDigit && hasLetter)
        {
            return "<id>";
        }

        if (value.Contains('/') || value is "." or ".." || SignatureTargets.LooksLikeFile(PathScope.StripLocationSuffix(value)))
        {
            return "<path>";
        }

        return null;
    }

    private static void AppendMaskedDigits(StringBuilder sb, string word)
    {
        var inDigits = false;
        foreach (var c in word)
        {
            if (char.IsAsciiDigit(c))
            {
                if (!inDigits)
                {
                    sb.Append("<n>");
                    inDigits = true;
                }

                continue;
            }

            inDigits = false;
            sb.Append(c);
        }
    }
}
