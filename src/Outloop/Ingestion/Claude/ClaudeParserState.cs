using System.Text.Json;

namespace Outloop.Ingestion.Claude;

/// <summary>What a transcript's import carries from one run to the next: the task in progress.</summary>
internal sealed record ClaudeParserState(string? SessionId, string? TaskId, bool TaskHasWork, string? TaskDescription)
{
    public static ClaudeParserState Empty { get; } = new(null, null, false, null);

    public static ClaudeParserState FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return Empty;
        }

        try
        {
            return JsonSerializer.Deserialize<ClaudeParserState>(json) ?? Empty;
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this);
}
