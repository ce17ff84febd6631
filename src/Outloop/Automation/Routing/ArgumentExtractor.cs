using System.Text.RegularExpressions;
using Outloop.Automation.Tools;

namespace Outloop.Automation.Routing;

/// <summary>
/// Finds values for a tool's declared parameters in the request text: a quoted string, the word after one of the
/// parameter's <c>after</c> words ("on src"), or else the first word the tool's own phrases do not explain.
/// A value is kept only when it matches the parameter's pattern as a whole; it then travels as its own argv item.
/// </summary>
internal static partial class ArgumentExtractor
{
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "the", "a", "an", "my", "our", "this", "that", "all" };

    public static ExtractedArguments Extract(ToolDefinition tool, string text)
    {
        if (tool.Parameters.Count == 0)
        {
            return ExtractedArguments.None;
        }

        var words = Words(text);
        var quoted = Quoted().Matches(text).Select(m => m.Groups["v"].Value).ToList();
        var toolWords = ToolWords(tool);
        var argv = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var refused = new List<string>();
        string? missing = null;
        foreach (var parameter in tool.Parameters)
        {
            string? chosen = null;
            foreach (var candidate in Candidates(parameter, words, quoted, toolWords))
            {
                if (parameter.Reject(candidate) is { } reason)
                {
                    refused.Add($"{parameter.Name}='{candidate}' ({reason})");
                    continue;
                }

                chosen = candidate;
                break;
            }

            chosen ??= parameter.Default;
            if (chosen is null)
            {
                if (parameter.Required)
                {
                    missing ??= parameter.Name;
                }

                continue;
            }

            values[parameter.Name] = chosen;
            if (parameter.Flag is not null)
            {
                argv.Add(parameter.Flag);
            }

            argv.Add(chosen);
        }

        return new ExtractedArguments(argv, values, refused, missing);
    }

    private static IEnumerable<string> Candidates(ToolParameter parameter, List<string> words, List<string> quoted, HashSet<string> toolWords)
    {
        foreach (var value in quoted)
        {
            yield return value;
        }

        if (parameter.After.Count > 0)
        {
            for (var i = 0; i < words.Count - 1; i++)
            {
                if (!parameter.After.Contains(words[i].ToLowerInvariant()))
                {
                    continue;
                }

                var j = i + 1;
                while (j < words.Count - 1 && Determiners.Contains(words[j].ToLowerInvariant()))
                {
                    j++;
                }

                yield return words[j];
            }

            yield break;
        }

        foreach (var word in words)
        {
            var lower = word.ToLowerInvariant();
            if (!DevVocabulary.StopWords.Contains(lower) && !DevVocabulary.Prepositions.Contains(lower) && !toolWords.Contains(lower)
                && DevVocabulary.Find(lower) is not { Class: WordClass.Generic or WordClass.Outcome })
            {
                yield return word;
            }
        }
    }

    /// <summary>
    /// Words as the user wrote them, split on white space, with surrounding punctuation trimmed. Quote characters stay,
    /// so a piece of a quoted text ("`touch") never passes for a plain word; whole quoted texts are candidates already.
    /// </summary>
    private static List<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}').TrimEnd('.'))
            .Where(w => w.Length > 0)
            .ToList();

    private static HashSet<string> ToolWords(ToolDefinition tool)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in tool.InputPatterns.Concat(tool.Examples).Append(tool.Description).Append(tool.Name.Replace('-', ' ')))
        {
            foreach (var word in Words(phrase))
            {
                set.Add(word.ToLowerInvariant());
            }
        }

        return set;
    }

    [GeneratedRegex("\"(?<v>[^\"]+)\"|`(?<v>[^`]+)`|(?<![\\w])'(?<v>[^']+)'(?![\\w])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 50)]
    private static partial Regex Quoted();
}
