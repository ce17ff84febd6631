using System.Text.Json;

namespace Outloop.Ingestion.Codex;

/// <summary>
/// What a rollout's import carries to the next run of the same file: the session, the turn and task in progress,
/// the model of the latest turn context and the last cumulative token totals (usage is stored as their deltas).
/// </summary>
internal sealed record CodexParserState
{
    public string? SessionId { get; init; }

    public bool SessionMetaSeen { get; init; }

    public bool Bare { get; init; }

    public string? Cwd { get; init; }

    public string? Model { get; init; }

    public string? TurnId { get; init; }

    public bool TurnHasTask { get; init; }

    public string? TaskId { get; init; }

    public DateTimeOffset? LastTimestamp { get; init; }

    public long TotalInput { get; init; }

    public long TotalCached { get; init; }

    public long TotalOutput { get; init; }

    public static CodexParserState FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new CodexParserState();
        }

        try
        {
            return JsonSerializer.Deserialize<CodexParserState>(json) ?? new CodexParserState();
        }
        catch (JsonException)
        {
            return new CodexParserState();
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this);
}
