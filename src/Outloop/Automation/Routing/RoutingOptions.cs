namespace Outloop.Automation.Routing;

/// <summary>Routing settings (config <c>routing.minConfidence</c>).</summary>
internal sealed record RoutingOptions
{
    /// <summary>A request is routed at this confidence (0-100) or above; below, it goes to the agent.</summary>
    public int MinConfidence { get; init; } = 70;
}
