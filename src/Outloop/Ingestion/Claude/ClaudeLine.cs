namespace Outloop.Ingestion.Claude;

/// <summary>What one transcript line says, parsed off the import's critical section so parsing can run in parallel.</summary>
internal sealed class ClaudeLine
{
    public required string Type { get; init; }

    public string? Uuid { get; init; }

    /// <summary>The prompt id (2.1.97+), the same as the hook's <c>prompt_id</c>, so both describe one prompt.</summary>
    public string? PromptId { get; init; }

    public string? SessionId { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? Cwd { get; init; }

    public string? Version { get; init; }

    public string? GitBranch { get; init; }

    public bool IsSidechain { get; init; }

    public bool IsMeta { get; init; }

    public bool IsCompactSummary { get; init; }

    /// <summary>The person's text of a user line (a string content, or its text blocks).</summary>
    public string? UserText { get; init; }

    public List<ClaudeToolResult>? ToolResults { get; init; }

    public string? MessageId { get; init; }

    public string? RequestId { get; init; }

    public string? Model { get; init; }

    public string? Speed { get; init; }

    public TokenCounts? Usage { get; init; }

    public decimal? CostUsd { get; init; }

    public List<ClaudeToolUse>? ToolUses { get; init; }

    /// <summary>The session title of a <c>summary</c> line.</summary>
    public string? Summary { get; init; }
}

/// <summary>A <c>tool_use</c> block of an assistant line.</summary>
internal sealed record ClaudeToolUse(string Id, string Name, string InputJson, string? FilePath, string? SearchPath);

/// <summary>A <c>tool_result</c> block of a user line.</summary>
internal sealed record ClaudeToolResult(string ToolUseId, string Text, long Bytes, bool IsError);
