namespace Outloop.Automation.Routing;

/// <summary>
/// Routing quality on labelled cases and decision latency. <see cref="LatencyTargets"/> is how many targets the
/// router held while latency was measured (the registry plus any synthetic ones).
/// </summary>
internal sealed record RoutingBenchReport(
    int Cases,
    double Accuracy,
    double AbstentionAccuracy,
    int WrongRoutes,
    IReadOnlyDictionary<string, ToolScore> PerTool,
    double LatencyP50Ms,
    double LatencyP99Ms,
    int LatencySamples,
    int LatencyTargets,
    IReadOnlyList<RoutingCaseResult> Results);
