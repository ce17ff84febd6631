namespace Outloop.Automation.Routing;

/// <summary>What a route leads to.</summary>
internal enum RouteTargetKind
{
    /// <summary>A tool from the registry, matched by its own name, description, input patterns and examples.</summary>
    Tool,

    /// <summary>A learned operation pattern (e.g. <c>test:pytest:backend</c>) implemented by a tool.</summary>
    Pattern,
}
