namespace Outloop.Automation.Tools;

/// <summary>How tools and the fallback agent are run.</summary>
internal sealed record ToolRunnerOptions(string WorkingDirectory)
{
    /// <summary>The agent that takes requests no tool answered; null means there is none to fall back to.</summary>
    public AgentCommand? Agent { get; init; }

    public TimeSpan DefaultToolTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan AgentTimeout { get; init; } = TimeSpan.FromMinutes(30);

    public ToolHealthOptions Health { get; init; } = new();
}
