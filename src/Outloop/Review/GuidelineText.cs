using System.Globalization;
using System.Text.Json;
using Outloop.Patterns;

namespace Outloop.Review;

/// <summary>
/// The sentence a learning (and then a guideline) says for a pattern: what to do, the evidence in numbers, and the
/// concrete steps or checks from the pattern's details, in words an agent can act on.
/// </summary>
internal static class GuidelineText
{
    private const int MaxTemplate = 160;

    public static string For(PatternRecord pattern)
    {
        using var details = Parse(pattern.Details);
        var d = details?.RootElement;
        return pattern.Kind switch
        {
            PatternKind.Failure => Failure(pattern, d),
            PatternKind.Recovery => Recovery(pattern, d),
            PatternKind.Iteration => Iteration(pattern, d),
            _ => Success(pattern, d),
        };
    }

    private static string Failure(PatternRecord p, JsonElement? d)
    {
        var from = Text(d, "signature");
        return $"Before finishing, check that this error is gone: `{Clip(p.Signature)}` (seen in {Tasks(p.Tasks)}"
            + (from is null ? ")" : $", from `{from}`)");
    }

    private static string Recovery(PatternRecord p, JsonElement? d)
    {
        var template = Clip(Text(d, "template") ?? p.Signature);
        var worked = $"worked {Number(d, "recovered")} of {Number(d, "attempts")} times";
        var fix = Text(d, "usualFix");
        return fix is null or RecoveryPatterns.SameOperation
            ? $"After `{template}`, the same operation succeeded on a later try ({worked}): read the message and correct the call rather than repeating it unchanged"
            : $"After `{template}`, what fixed it: {Steps(fix)} ({worked})";
    }

    private static string Iteration(PatternRecord p, JsonElement? d)
    {
        var average = d is { } e && e.TryGetProperty("averageIterations", out var a) && a.ValueKind == JsonValueKind.Number
            ? a.GetDouble().ToString("0.#", CultureInfo.InvariantCulture)
            : "several";
        var files = List(d, "sharedFiles", 3);
        return $"Tasks like \"{Topic(p, d)}\" took {average} attempts on average ({Tasks(p.Tasks)}): write the pass criteria and the check to run down before starting"
            + (files.Length == 0 ? string.Empty : $"; they touch {files}");
    }

    private static string Success(PatternRecord p, JsonElement? d)
    {
        var steps = List(d, "sharedSignatures", 4);
        return $"Tasks like \"{Topic(p, d)}\" converged first time ({Tasks(p.Tasks)})"
            + (steps.Length == 0 ? string.Empty : $"; what they did: {steps}");
    }

    /// <summary>The group's first task as its title shows it (<c>fix: the login form drops the session...</c> without the verb), else its key.</summary>
    private static string Topic(PatternRecord p, JsonElement? d)
    {
        var verb = Text(d, "verb");
        var title = verb is not null && p.Title.StartsWith(verb + ": ", StringComparison.Ordinal) ? p.Title[(verb.Length + 2)..] : p.Title;
        title = title.ReplaceLineEndings(" ").Trim();
        return title.Length == 0 ? p.Signature : title.Length <= 80 ? title : title[..80].TrimEnd() + "...";
    }

    /// <summary><c>file:read &gt; file:edit &gt; test:pytest:all</c> as "file:read, then file:edit, then test:pytest:all".</summary>
    private static string Steps(string fix) =>
        string.Join(", then ", fix.Split(SequenceMiner.Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => $"`{s}`"));

    private static string List(JsonElement? d, string name, int max) =>
        d is { } e && e.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? string.Join(", ", list.EnumerateArray().Select(x => x.GetString()).Where(x => !string.IsNullOrEmpty(x)).Take(max).Select(x => $"`{x}`"))
            : string.Empty;

    private static string Tasks(int n) => n == 1 ? "1 task" : $"{n} tasks";

    private static string Clip(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= MaxTemplate ? line : line[..MaxTemplate] + "...";
    }

    private static string? Text(JsonElement? d, string name) =>
        d is { } e && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Number(JsonElement? d, string name) =>
        d is { } e && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : "?";

    private static JsonDocument? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
