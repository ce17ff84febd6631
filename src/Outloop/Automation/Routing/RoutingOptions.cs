namespace Outloop.Automation.Routing;

/// <summary>Routing settings (config <c>routing.minConfidence</c>).</summary>
internal sealed record RoutingOptions
{
    /// <summary>A request is routed at this confidence (0-100) or above; below, it goes to the agent.</summary>
    public int MinConfidence { get; init; } = 70;

    /// <summary>
    /// Tokens an agent is assumed to spend on a request a tool answered, besides reading the request and the output,
    /// when the tool declares no <c>agent_tokens</c> of its own: one short agent turn (system prompt and tool schema
    /// are cached, the turn's reasoning and command call are not).
    /// </summary>
    public long DefaultAgentTokens { get; init; } = 5_000;
}
