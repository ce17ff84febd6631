using Outloop.Automation.Routing;

namespace Outloop.Tests.Automation.Routing;

/// <summary>The router over <see cref="RoutingData.EightKinds"/> and the two assertions the request-reading tests make with it.</summary>
internal static class EightKindsRouter
{
    public static Router Shared { get; } = Router.Build(RouteTarget.FromRegistry(RoutingData.EightKinds()));

    public static void AssertRoutes(string text, string tool)
    {
        var decision = Shared.Decide(text);
        Assert.True(decision.Routed, decision.Why);
        Assert.Equal(tool, decision.Target!.Name);
    }

    public static void AssertAbstains(string text)
    {
        var decision = Shared.Decide(text);
        Assert.False(decision.Routed, decision.Why);
    }
}
