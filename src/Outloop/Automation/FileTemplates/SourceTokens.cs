namespace Outloop.Automation.FileTemplates;

/// <summary>
/// Splits text into tokens whose concatenation is the text again: identifier or number runs (letters, digits,
/// <c>_</c>), runs of spaces and tabs, line ends, and every other character on its own.
/// </summary>
internal static class SourceTokens
{
    public static List<string> Split(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var c = text[i];
            if (IsWord(c))
            {
                while (i < text.Length && IsWord(text[i]))
                {
                    i++;
                }
            }
            else if (c is ' ' or '\t')
            {
                while (i < text.Length && text[i] is ' ' or '\t')
                {
                    i++;
                }
            }
            else
            {
                i++;
            }

            tokens.Add(text[start..i]);
        }

        return tokens;
    }

    public static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_';

    public static bool IsWord(string token) => token.Length > 0 && IsWord(token[0]);

    /// <summary>The words of a file name stem: split at <c>_ - .</c> and at lower-to-upper case changes.</summary>
    public static List<string> StemWords(string stem)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < stem.Length; i++)
        {
            var c = stem[i];
            if (c is '_' or '-' or '.' or ' ')
            {
                Flush();
                continue;
            }

            if (char.IsUpper(c) && current.Length > 0 && (char.IsLower(stem[i - 1]) || char.IsDigit(stem[i - 1])))
            {
                Flush();
            }

            current.Append(c);
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
