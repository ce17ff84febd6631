using Outloop.Automation.Tools;

namespace Outloop.Automation.Routing;

/// <summary>
/// Something a request can be routed to: a registered tool, or a learned pattern that a tool implements.
/// <see cref="Phrases"/> are the texts a request is compared with; the clauses of <see cref="Description"/> are compared too.
/// </summary>
internal sealed record RouteTarget(string Name, RouteTargetKind Kind, ToolDefinition Tool)
{
    public string Description { get; init; } = "";

    public IReadOnlyList<string> Phrases { get; init; } = [];

    /// <summary>A tool, described by its name ("run-tests" reads "run tests"), input patterns and examples.</summary>
    public static RouteTarget ForTool(ToolDefinition tool) =>
        new(tool.Name, RouteTargetKind.Tool, tool)
        {
            Description = tool.Description,
            Phrases = [NameAsPhrase(tool.Name), .. tool.InputPatterns, .. tool.Examples],
        };

    /// <summary>A learned pattern (signature like <c>test:pytest:backend</c>) with requests known to mean it.</summary>
    public static RouteTarget ForPattern(string signature, ToolDefinition tool, IEnumerable<string> examples, string description = "") =>
        new(signature, RouteTargetKind.Pattern, tool)
        {
            Description = description,
            Phrases = [NameAsPhrase(signature), .. examples],
        };

    public static IReadOnlyList<RouteTarget> FromRegistry(ToolRegistry registry) => [.. registry.Tools.Select(ForTool)];

    private static string NameAsPhrase(string name) =>
        string.Join(' ', name.Split(['-', '_', ':', '.'], StringSplitOptions.RemoveEmptyEntries));
}
