namespace Outloop.Automation.Simulation;

/// <summary>What the simulation says would have happened to one replayed tool call.</summary>
internal static class ReplayOutcome
{
    /// <summary>Its signature is a learned tool and the agent ran the tool's command: the script runs instead.</summary>
    public const string Routed = "routed";

    /// <summary>Its signature is a learned tool but the agent ran another command form: the script would have done something else.</summary>
    public const string WrongRoute = "wrong-route";

    /// <summary>Not routed; the compactor recognises the runner and shrinks the output (the PostToolUse hook).</summary>
    public const string Compacted = "compacted";
}
