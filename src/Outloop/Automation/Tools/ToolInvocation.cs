namespace Outloop.Automation.Tools;

/// <summary>
/// A tool to run for a request: its validated extra arguments, and the pattern that led to it (null when the request
/// matched the tool directly). Counts are kept for the tool and, when given, the pattern.
/// </summary>
internal sealed record ToolInvocation(ToolDefinition Tool, IReadOnlyList<string> Arguments, string RequestText)
{
    public string? PatternName { get; init; }

    public IReadOnlyList<string> Argv => [.. Tool.Command, .. Arguments];
}
