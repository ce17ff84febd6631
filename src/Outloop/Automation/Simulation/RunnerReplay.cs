namespace Outloop.Automation.Simulation;

/// <summary>Calls that were not routed but whose output the hook would have compacted, by recognised runner.</summary>
internal sealed record RunnerReplay(string Runner, int Calls, Savings Savings);
