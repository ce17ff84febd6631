using System.Text.Json;

namespace Outloop.Ingestion.Aider;

/// <summary>What a chat history's import carries to the next one: the open session, its task and model.</summary>
internal sealed record AiderParserState(string? SessionId, DateTimeOffset? SessionStart, string? TaskId, string? Model)
{
    public static AiderParserState Empty { get; } = new(null, null, null, null);

    public static AiderParserState FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return Empty;
        }

        try
        {
            return JsonSerializer.Deserialize<AiderParserState>(json) ?? Empty;
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this);
}
