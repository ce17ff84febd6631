namespace Outloop.Automation.Simulation;

/// <summary>What one learned tool would have done in the replayed sessions.</summary>
/// <remarks><c>Calls</c>: Replayed calls with the tool's signature (routed plus wrong routes).</remarks>
/// <remarks><c>Compacted</c>: Of these, calls whose output would have been compacted.</remarks>
/// <remarks><c>RoutedFailed</c>: Correct routes whose operation failed: counted as routed, the script reports the same failure.</remarks>
internal sealed record ToolReplay(LearnedTool Tool, int Calls, int Routed, int WrongRoutes, int Compacted, int RoutedFailed, Savings Savings);
