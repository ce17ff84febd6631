using System.Globalization;
using System.Text;

namespace Outloop.Automation.FileTemplates;

/// <summary>
/// Names a template variable from what its values are and what precedes it:
/// <list type="bullet">
/// <item>the file name stem (without number-only words such as time stamps) in PascalCase, or any capitalised
/// value right after <c>class</c>, <c>interface</c>, <c>struct</c>,
/// <c>record</c>, <c>enum</c>, <c>defmodule</c>, <c>module</c> or <c>type</c>: <c>className</c>;</item>
/// <item>the stem as written, or in camelCase: <c>name</c>;</item>
/// <item>the part of the stem that differs between the files (<c>Users</c> of <c>UsersController</c>):
/// <c>Entity</c> in PascalCase, <c>entity</c> otherwise;</item>
/// <item>else the identifier before it on its line (skipping <c>= : ( " '</c> and the like), in camelCase:
/// <c>table :{{table}}</c>;</item>
/// <item>else <c>number</c> for numbers and <c>value</c> for the rest.</item>
/// </list>
/// A name already taken gets a number: <c>value2</c>.
/// </summary>
internal static class VariableNamer
{
    private static readonly HashSet<string> TypeKeywords = new(StringComparer.Ordinal)
    {
        "class", "interface", "struct", "record", "enum", "defmodule", "module", "type", "trait", "object",
    };

    public static string Name(IReadOnlyList<string> values, IReadOnlyList<string> stems, string textBefore, ISet<string> taken)
    {
        var before = IdentifierBefore(textBefore);
        stems = [.. stems.Select(WithoutNumbers)];
        var core = DifferingCores(stems);
        string name;
        if (All(values, stems, Pascal) || (AfterTypeKeyword(textBefore) && values.All(v => v.Length > 0 && char.IsUpper(v[0]))))
        {
            name = "className";
        }
        else if (All(values, stems, s => s) || All(values, stems, Camel))
        {
            name = "name";
        }
        else if (core is not null && All(values, core, Pascal))
        {
            name = "Entity";
        }
        else if (core is not null && (All(values, core, s => s) || All(values, core, s => s.ToLowerInvariant()) || All(values, core, Camel)))
        {
            name = "entity";
        }
        else if (before is not null && !TypeKeywords.Contains(before))
        {
            name = Camel(before);
        }
        else
        {
            name = values.All(v => v.Length > 0 && v.All(char.IsAsciiDigit)) ? "number" : "value";
        }

        var unique = name;
        for (var n = 2; taken.Contains(unique); n++)
        {
            unique = name + n.ToString(CultureInfo.InvariantCulture);
        }

        return unique;
    }

    /// <summary>True after <c>class </c>, <c>defmodule Repo.Migrations.</c> and the like: a type is being named.</summary>
    internal static bool AfterTypeKeyword(string text)
    {
        var tokens = SourceTokens.Split(text[(text.LastIndexOf('\n') + 1)..]);
        var keyword = tokens.FindLastIndex(TypeKeywords.Contains);
        if (keyword < 0 || keyword + 1 >= tokens.Count || tokens[keyword + 1].Trim().Length > 0)
        {
            return false;
        }

        // After the keyword and one blank, only a qualified name may come (Repo.Migrations.).
        return tokens.Skip(keyword + 2).All(t => SourceTokens.IsWord(t) || t is "." or "::");
    }

    /// <summary>A stem without its number-only words: migrations' time stamps are not part of their names.</summary>
    private static string WithoutNumbers(string stem)
    {
        var words = SourceTokens.StemWords(stem);
        return words.Any(w => w.All(char.IsAsciiDigit)) ? string.Join('_', words.Where(w => !w.All(char.IsAsciiDigit))) : stem;
    }

    /// <summary>The last identifier on the current line before the variable, skipping punctuation and blanks.</summary>
    internal static string? IdentifierBefore(string text)
    {
        var lineStart = text.LastIndexOf('\n') + 1;
        var tokens = SourceTokens.Split(text[lineStart..]);
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            var token = tokens[i];
            if (SourceTokens.IsWord(token))
            {
                return char.IsDigit(token[0]) ? null : token;
            }

            if (token.Trim().Length > 0 && !"=:(\"'<[{,.@/-#>$".Contains(token, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>For each stem, its words that not all stems share at the start or end, joined as written; null when none differ.</summary>
    private static List<string>? DifferingCores(IReadOnlyList<string> stems)
    {
        var words = stems.Select(SourceTokens.StemWords).ToList();
        var prefix = 0;
        while (words.All(w => w.Count > prefix) && words.All(w => w[prefix] == words[0][prefix]))
        {
            prefix++;
        }

        var suffix = 0;
        while (words.All(w => w.Count - suffix > prefix) && words.All(w => w[^(suffix + 1)] == words[0][^(suffix + 1)]))
        {
            suffix++;
        }

        if (prefix + suffix == 0)
        {
            return null;
        }

        var cores = words.Select(w => w.Skip(prefix).Take(w.Count - prefix - suffix).ToList()).ToList();
        if (cores.Any(c => c.Count == 0))
        {
            return null;
        }

        // Joined with the stem's own separator, if any ("session_hook"), else run together ("SessionHook").
        return [.. cores.Select((c, i) => string.Join(stems[i].Contains('_', StringComparison.Ordinal) ? "_" : stems[i].Contains('-', StringComparison.Ordinal) ? "-" : "", c))];
    }

    private static bool All(IReadOnlyList<string> values, IReadOnlyList<string> stems, Func<string, string> form) =>
        values.Select((v, i) => v.Length > 0 && v == form(stems[i])).All(x => x);

    internal static string Pascal(string stem)
    {
        var result = new StringBuilder();
        foreach (var word in SourceTokens.StemWords(stem))
        {
            result.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }

        return result.ToString();
    }

    internal static string Camel(string stem)
    {
        var pascal = Pascal(stem);
        return pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }
}
