namespace Outloop.Automation.Routing;

/// <summary>
/// The router's answer for one request: the best target (even when it abstains, so the "why" can name it),
/// the confidence 0-100, whether it routes, the arguments for the tool, and a readable reason.
/// </summary>
internal sealed record RouteDecision(string Text, RouteTarget? Best, int Confidence, bool Routed, string Why)
{
    /// <summary>The target to run, or null when the request goes to the agent.</summary>
    public RouteTarget? Target => Routed ? Best : null;

    /// <summary>The phrase of the best target that matched the request most completely.</summary>
    public string? MatchedPhrase { get; init; }

    /// <summary>The second-best target, when there is one.</summary>
    public string? RunnerUp { get; init; }

    public ExtractedArguments Arguments { get; init; } = ExtractedArguments.None;
}
