namespace Outloop.Automation.Tools;

/// <summary>
/// A deterministic script registered in <c>.outloop/tools.yaml</c>: what to run (an argument array), how users ask
/// for it (input patterns, examples) and what it accepts (parameters).
/// </summary>
internal sealed record ToolDefinition(string Name, IReadOnlyList<string> Command)
{
    public string Description { get; init; } = "";

    /// <summary>Short phrases users write for this tool ("run the tests", "pytest").</summary>
    public IReadOnlyList<string> InputPatterns { get; init; } = [];

    /// <summary>Whole requests known to mean this tool; used like input patterns.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    public IReadOnlyList<ToolParameter> Parameters { get; init; } = [];

    public ToolStatus Status { get; init; } = ToolStatus.Active;

    /// <summary>How long the tool may run before its process tree is killed; null takes the runner's default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Tokens an agent spends doing this by itself; null takes the configured default.</summary>
    public long? AgentTokens { get; init; }
}
