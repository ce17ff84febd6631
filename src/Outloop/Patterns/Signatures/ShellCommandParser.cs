using System.Text;

namespace Outloop.Patterns.Signatures;

/// <summary>
/// Splits a POSIX/bash command line into simple commands. It understands single and double quotes, backslash
/// escapes, <c>$'...'</c>, environment prefixes, <c>;</c> <c>&amp;&amp;</c> <c>||</c> <c>|</c> <c>&amp;</c>, line
/// breaks, <c>( ... )</c> subshells and <c>{ ...; }</c> groups, redirections (<c>2&gt;&amp;1</c>, <c>&gt;&gt; f</c>,
/// <c>&amp;&gt; f</c>), heredocs (bodies are attached to their redirection), <c>$( ... )</c>, backquotes and
/// <c>&lt;( ... )</c>, and follows <c>cd</c>/<c>pushd</c> to give every command its working folder.
/// It never throws: malformed input (an unterminated quote, a stray parenthesis) yields its best reading.
/// Commands found inside substitutions are listed, flagged, before the command whose word contains them.
/// </summary>
internal static class ShellCommandParser
{
    private const int MaxNesting = 24;

    /// <summary>Parses <paramref name="command"/> into its simple commands in source order.</summary>
    public static IReadOnlyList<SimpleCommand> Parse(string? command)
    {
        if (string.IsNullOrWhiteSpace(command))
        {
            return [];
        }

        var output = new List<SimpleCommand>(4);
        new Scanner(command, output, 0).Run();
        return output;
    }

    private sealed class Scanner(string text, List<SimpleCommand> output, int nesting)
    {
        private readonly List<(ShellRedirection Redirection, bool StripTabs)> _pendingHeredocs = [];
        private int _pos;
        private ShellOperator _pendingOperator;
        private string? _folder;
        private int _subshellDepth;
        private int _substitutionDepth;

        public void Run() => ParseList(untilParen: false);

        private void ParseList(bool untilParen)
        {
            while (_pos < text.Length)
            {
                var c = text[_pos];
                switch (c)
                {
                    case ' ' or '\t' or '\r':
                        _pos++;
                        continue;
                    case '\\' when Peek(1) == '\n':
                        _pos += 2;
                        continue;
                    case '\n':
                        _pos++;
                        ReadPendingHeredocs(untilParen);
                        Separate(ShellOperator.Sequence);
                        continue;
                    case '#':
                        while (_pos < text.Length && text[_pos] != '\n')
                        {
                            _pos++;
                        }

                        continue;
                    case ')':
                        _pos++;
                        if (untilParen)
                        {
                            return;
                        }

                        continue;
                    case ';':
                        _pos += Peek(1) == ';' ? 2 : 1;
                        Separate(ShellOperator.Sequence);
                        continue;
                    case '&' when Peek(1) == '&':
                        _pos += 2;
                        Separate(ShellOperator.And);
                        continue;
                    case '&' when Peek(1) != '>':
                        _pos++;
                        Separate(ShellOperator.Background);
                        continue;
                    case '|' when Peek(1) == '|':
                        _pos += 2;
                        Separate(ShellOperator.Or);
                        continue;
                    case '|':
                        _pos += Peek(1) == '&' ? 2 : 1;
                        Separate(ShellOperator.Pipe);
                        continue;
                    case '(' when Peek(1) == '(':
                        SkipBalanced('(', ')');
                        continue;
                    case '(':
                        _pos++;
                        var savedFolder = _folder;
                        _subshellDepth++;
                        ParseList(untilParen: true);
                        _subshellDepth--;
                        _folder = savedFolder;
                        continue;
                    default:
                        var start = _pos;
                        ParseSimpleCommand();
                        if (_pos == start)
                        {
                            _pos++; // Never loop on a character nobody consumes.
                        }

                        continue;
                }
            }
        }

        private void Separate(ShellOperator op)
        {
            // A line break after "&&" or "|" continues the same list: keep the stronger operator.
            if (op == ShellOperator.Sequence && _pendingOperator != ShellOperator.None)
            {
                return;
            }

            _pendingOperator = op;
        }

        private void ParseSimpleCommand()
        {
            List<string>? argv = null;
            List<string>? assignments = null;
            List<ShellRedirection>? redirections = null;
            var skipWordsUntilSeparator = false;

            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c is ' ' or '\t' or '\r')
                {
                    _pos++;
                    continue;
                }

                if (c == '\\' && Peek(1) == '\n')
                {
                    _pos += 2;
                    continue;
                }

                if (c is '\n' or ';' or '|' or ')')
                {
                    break;
                }

                if (c == '&' && Peek(1) != '>')
                {
                    break;
                }

                if (c == '(')
                {
                    if (argv is { Count: > 0 } && Peek(1) == ')')
                    {
                        // "name() { ... }": a function definition, not a command.
                        _pos += 2;
                        argv.Clear();
                        continue;
                    }

                    break;
                }

                if ((c is '<' or '>') && Peek(1) == '(')
                {
                    // Process substitution <( ... ) is a word.
                    AddWord(ref argv, ReadWord(out _));
                    continue;
                }

                if (c is '<' or '>' || (c == '&' && Peek(1) == '>'))
                {
                    (redirections ??= []).Add(ReadRedirection(null));
                    continue;
                }

                if (char.IsAsciiDigit(c))
                {
                    var end = _pos;
                    while (end < text.Length && char.IsAsciiDigit(text[end]))
                    {
                        end++;
                    }

                    if (end < text.Length && text[end] is '<' or '>' && (end + 1 >= text.Length || text[end + 1] != '('))
                    {
                        var fd = int.TryParse(text.AsSpan(_pos, end - _pos), out var parsed) ? parsed : (int?)null;
                        _pos = end;
                        (redirections ??= []).Add(ReadRedirection(fd));
                        continue;
                    }
                }

                if (c == '#')
                {
                    while (_pos < text.Length && text[_pos] != '\n')
                    {
                        _pos++;
                    }

                    break;
                }

                var word = ReadWord(out var quotedFrom);
                if (skipWordsUntilSeparator)
                {
                    continue;
                }

                if (argv is null || argv.Count == 0)
                {
                    if (IsAssignment(word, quotedFrom))
                    {
                        (assignments ??= []).Add(word);
                        continue;
                    }

                    if (quotedFrom < 0 && IsReservedWord(word))
                    {
                        // "for x in a b" and "case x in" introduce no command of their own.
                        skipWordsUntilSeparator = word is "for" or "select" or "case";
                        continue;
                    }
                }

                AddWord(ref argv, word);
            }

            if (argv is null or { Count: 0 } && assignments is null && redirections is null)
            {
                return;
            }

            var command = new SimpleCommand(
                (IReadOnlyList<string>?)argv ?? [],
                (IReadOnlyList<string>?)assignments ?? [],
                (IReadOnlyList<ShellRedirection>?)redirections ?? [],
                _pendingOperator,
                _folder,
                _subshellDepth,
                _substitutionDepth > 0 || nesting > 0);
            output.Add(command);
            _pendingOperator = ShellOperator.None;
            FollowFolderChange(command.Argv);
        }

        private static void AddWord(ref List<string>? argv, string word) => (argv ??= new List<string>(4)).Add(word);

        private void FollowFolderChange(IReadOnlyList<string> argv)
        {
            if (argv.Count == 0 || argv[0] is not ("cd" or "pushd" or "chdir"))
            {
                return;
            }

            string? target = null;
            for (var i = 1; i < argv.Count; i++)
            {
                if (argv[i] is "-P" or "-L" or "-e" or "-@" or "--")
                {
                    continue;
                }

                target = argv[i];
                break;
            }

            if (target is null || target.StartsWith('~') || target == "-")
            {
                _folder = "~";
                return;
            }

            if (target.StartsWith('/') || _folder is null || _folder == ".")
            {
                _folder = target;
                return;
            }

            _folder = _folder.TrimEnd('/') + "/" + target;
        }

        private ShellRedirection ReadRedirection(int? fd)
        {
            var start = _pos;
            if (text[_pos] == '&')
            {
                _pos += 2; // &>
                if (Peek(0) == '>')
                {
                    _pos++;
                }
            }
            else if (text[_pos] == '<')
            {
                _pos++;
                if (Peek(0) == '<')
                {
                    _pos++;
                    if (Peek(0) is '-' or '<')
                    {
                        _pos++;
                    }
                }
                else if (Peek(0) is '&' or '>')
                {
                    _pos++;
                }
            }
            else
            {
                _pos++;
                if (Peek(0) is '>' or '|' or '&')
                {
                    _pos++;
                }
            }

            var op = text[start.._pos];
            SkipBlanks();
            if (op is ">&" or "<&")
            {
                // ">&2", ">&-", or the csh-like ">& file".
                var targetStart = _pos;
                while (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] == '-'))
                {
                    _pos++;
                }

                if (_pos > targetStart)
                {
                    return new ShellRedirection(fd, op, text[targetStart.._pos]);
                }

                return new ShellRedirection(fd, op == ">&" ? "&>" : op, ReadWord(out _));
            }

            var target = AtWordEnd() ? string.Empty : ReadWord(out _);
            var redirection = new ShellRedirection(fd, op, target);
            if (op is "<<" or "<<-")
            {
                _pendingHeredocs.Add((redirection, op == "<<-"));
            }

            return redirection;
        }

        private bool AtWordEnd() => _pos >= text.Length || text[_pos] is '\n' or ';' or '|' or '&' or ')' or '(';

        private void ReadPendingHeredocs(bool inSubstitution)
        {
            if (_pendingHeredocs.Count == 0)
            {
                return;
            }

            foreach (var (redirection, stripTabs) in _pendingHeredocs)
            {
                var delimiter = redirection.Target;
                var bodyStart = _pos;
                var found = false;
                while (_pos < text.Length)
                {
                    var lineEnd = text.IndexOf('\n', _pos);
                    if (lineEnd < 0)
                    {
                        lineEnd = text.Length;
                    }

                    var line = text.AsSpan(_pos, lineEnd - _pos).TrimEnd('\r');
                    if (stripTabs)
                    {
                        line = line.TrimStart('\t');
                    }

                    if (line.SequenceEqual(delimiter))
                    {
                        redirection.HeredocBody = text[bodyStart.._pos];
                        _pos = Math.Min(lineEnd + 1, text.Length);
                        found = true;
                        break;
                    }

                    if (inSubstitution && line.StartsWith(delimiter) && line[delimiter.Length..].TrimStart().StartsWith(")"))
                    {
                        // "EOF)" closes both the heredoc and the substitution; bash accepts it with a warning.
                        redirection.HeredocBody = text[bodyStart.._pos];
                        _pos = text.IndexOf(')', _pos + delimiter.Length);
                        found = true;
                        break;
                    }

                    _pos = lineEnd + 1;
                }

                if (!found)
                {
                    redirection.HeredocBody = text[Math.Min(bodyStart, text.Length)..];
                    _pos = text.Length;
                }
            }

            _pendingHeredocs.Clear();
        }

        /// <summary>Reads one word, removing quotes. <paramref name="quotedFrom"/> is the output index of the first quoted character, or -1.</summary>
        private string ReadWord(out int quotedFrom)
        {
            quotedFrom = -1;
            var start = _pos;
            while (_pos < text.Length && IsPlainWordChar(text[_pos]))
            {
                _pos++;
            }

            if (_pos >= text.Length || (IsWordEnd(text[_pos]) && !(_pos == start && text[_pos] is '<' or '>' && Peek(1) == '(')))
            {
                return text[start.._pos];
            }

            var sb = new StringBuilder(text.Length - start < 64 ? 64 : 256);
            sb.Append(text, start, _pos - start);
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (IsWordEnd(c))
                {
                    if ((c is '<' or '>') && Peek(1) == '(' && sb.Length == 0)
                    {
                        AppendSubstitution(sb, 1);
                        continue;
                    }

                    break;
                }

                switch (c)
                {
                    case '\\':
                        if (Peek(1) == '\n')
                        {
                            _pos += 2;
                        }
                        else if (_pos + 1 < text.Length)
                        {
                            if (quotedFrom < 0)
                            {
                                quotedFrom = sb.Length;
                            }

                            sb.Append(text[_pos + 1]);
                            _pos += 2;
                        }
                        else
                        {
                            _pos++;
                        }

                        break;
                    case '\'':
                        if (quotedFrom < 0)
                        {
                            quotedFrom = sb.Length;
                        }

                        var close = text.IndexOf('\'', _pos + 1);
                        if (close < 0)
                        {
                            close = text.Length;
                        }

                        sb.Append(text, _pos + 1, close - _pos - 1);
                        _pos = Math.Min(close + 1, text.Length);
                        break;
                    case '"':
                        if (quotedFrom < 0)
                        {
                            quotedFrom = sb.Length;
                        }

                        ReadDoubleQuoted(sb);
                        break;
                    case '$':
                        if (Peek(1) is '\'' or '"' && quotedFrom < 0)
                        {
                            quotedFrom = sb.Length;
                        }

                        ReadDollar(sb);
                        break;
                    case '`':
                        ReadBackquoted(sb);
                        break;
                    default:
                        sb.Append(c);
                        _pos++;
                        break;
                }
            }

            return sb.ToString();
        }

        private void ReadDoubleQuoted(StringBuilder sb)
        {
            _pos++;
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c == '"')
                {
                    _pos++;
                    return;
                }

                if (c == '\\' && _pos + 1 < text.Length)
                {
                    var next = text[_pos + 1];
                    if (next == '\n')
                    {
                        _pos += 2;
                        continue;
                    }

                    if (next is '$' or '`' or '"' or '\\')
                    {
                        sb.Append(next);
                        _pos += 2;
                        continue;
                    }

                    sb.Append('\\');
                    _pos++;
                    continue;
                }

                if (c == '$')
                {
                    ReadDollar(sb);
                    continue;
                }

                if (c == '`')
                {
                    ReadBackquoted(sb);
                    continue;
                }

                sb.Append(c);
                _pos++;
            }
        }

        private void ReadDollar(StringBuilder sb)
        {
            var next = Peek(1);
            if (next == '(' && Peek(2) == '(')
            {
                var start = _pos;
                _pos++;
                SkipBalanced('(', ')');
                sb.Append(text, start, _pos - start);
                return;
            }

            if (next == '(')
            {
                AppendSubstitution(sb, 1);
                return;
            }

            if (next == '{')
            {
                var start = _pos;
                _pos++;
                SkipBalanced('{', '}');
                sb.Append(text, start, _pos - start);
                return;
            }

            if (next == '\'')
            {
                _pos += 2;
                while (_pos < text.Length && text[_pos] != '\'')
                {
                    if (text[_pos] == '\\' && _pos + 1 < text.Length)
                    {
                        sb.Append(text[_pos + 1] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
                        _pos += 2;
                        continue;
                    }

                    sb.Append(text[_pos]);
                    _pos++;
                }

                _pos = Math.Min(_pos + 1, text.Length);
                return;
            }

            if (next == '"')
            {
                _pos++;
                ReadDoubleQuoted(sb);
                return;
            }

            sb.Append('$');
            _pos++;
        }

        /// <summary>Reads <c>$( ... )</c> or <c>&lt;( ... )</c> starting at the sigil; the inner commands are parsed and listed.</summary>
        private void AppendSubstitution(StringBuilder sb, int sigilLength)
        {
            var start = _pos;
            _pos += sigilLength + 1;
            if (nesting + _substitutionDepth >= MaxNesting)
            {
                _pos = start + sigilLength;
                SkipBalanced('(', ')');
            }
            else
            {
                var savedOperator = _pendingOperator;
                var savedFolder = _folder;
                _pendingOperator = ShellOperator.None;
                _substitutionDepth++;
                ParseList(untilParen: true);
                _substitutionDepth--;
                _pendingOperator = savedOperator;
                _folder = savedFolder;
            }

            sb.Append(text, start, Math.Min(_pos, text.Length) - start);
        }

        private void ReadBackquoted(StringBuilder sb)
        {
            var start = _pos;
            _pos++;
            var inner = new StringBuilder();
            while (_pos < text.Length && text[_pos] != '`')
            {
                if (text[_pos] == '\\' && _pos + 1 < text.Length)
                {
                    inner.Append(text[_pos + 1]);
                    _pos += 2;
                    continue;
                }

                inner.Append(text[_pos]);
                _pos++;
            }

            _pos = Math.Min(_pos + 1, text.Length);
            if (nesting < MaxNesting && inner.Length > 0)
            {
                new Scanner(inner.ToString(), output, nesting + 1) { _folder = _folder }.Run();
            }

            sb.Append(text, start, _pos - start);
        }

        /// <summary>Skips from an opening character to its balanced closer, stepping over quoted text.</summary>
        private void SkipBalanced(char open, char close)
        {
            var depth = 0;
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c == '\\')
                {
                    _pos += 2;
                    continue;
                }

                if (c == '\'')
                {
                    var end = text.IndexOf('\'', _pos + 1);
                    _pos = end < 0 ? text.Length : end + 1;
                    continue;
                }

                if (c == '"')
                {
                    _pos++;
                    while (_pos < text.Length && text[_pos] != '"')
                    {
                        _pos += text[_pos] == '\\' ? 2 : 1;
                    }

                    _pos++;
                    continue;
                }

                _pos++;
                if (c == open)
                {
                    depth++;
                }
                else if (c == close && --depth <= 0)
                {
                    return;
                }
            }

            _pos = Math.Min(_pos, text.Length);
        }

        private void SkipBlanks()
        {
            while (_pos < text.Length && text[_pos] is ' ' or '\t')
            {
                _pos++;
            }
        }

        private char Peek(int offset) => _pos + offset < text.Length ? text[_pos + offset] : '\0';

        private static bool IsWordEnd(char c) => c is ' ' or '\t' or '\r' or '\n' or ';' or '&' or '|' or '(' or ')' or '<' or '>';

        private static bool IsPlainWordChar(char c) => !IsWordEnd(c) && c is not ('\\' or '\'' or '"' or '$' or '`');

        private static bool IsAssignment(string word, int quotedFrom)
        {
            if (word.Length < 2 || !(char.IsAsciiLetter(word[0]) || word[0] == '_'))
            {
                return false;
            }

            for (var i = 1; i < word.Length; i++)
            {
                var c = word[i];
                if (c == '=' || (c == '+' && i + 1 < word.Length && word[i + 1] == '='))
                {
                    return quotedFrom < 0 || quotedFrom > i;
                }

                if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                {
                    return false;
                }
            }

            return false;
        }

        private static bool IsReservedWord(string word) =>
            word is "{" or "}" or "!" or "if" or "then" or "else" or "elif" or "fi" or "do" or "done" or "while"
                or "until" or "for" or "select" or "case" or "esac" or "in" or "function";
    }
}
