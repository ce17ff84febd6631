namespace Outloop.Automation.Tools;

/// <summary>The registered tools, in file order.</summary>
internal sealed record ToolRegistry(IReadOnlyList<ToolDefinition> Tools)
{
    public static ToolRegistry Empty { get; } = new([]);

    public ToolDefinition? Find(string name) => Tools.FirstOrDefault(t => t.Name == name);
}
