namespace Outloop.Automation.Routing;

/// <summary>One case of a benchmark: what was expected and what the router decided.</summary>
internal sealed record RoutingCaseResult(RoutingCase Case, RouteDecision Decision)
{
    public string? Chosen => Decision.Target?.Tool.Name;

    public bool Correct => Chosen == Case.Expected;

    /// <summary>A tool ran that should not have: worse than an abstention.</summary>
    public bool WrongRoute => Chosen is not null && Chosen != Case.Expected;
}
