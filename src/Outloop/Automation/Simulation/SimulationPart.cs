namespace Outloop.Automation.Simulation;

/// <summary>One side of the split: its sessions, tasks, tool calls and the period they span.</summary>
/// <remarks><c>From</c>: Start of its first session.</remarks>
/// <remarks><c>To</c>: End (or start, when the end is unknown) of its last session.</remarks>
internal sealed record SimulationPart(int Sessions, int Tasks, int Operations, DateTimeOffset? From, DateTimeOffset? To);
