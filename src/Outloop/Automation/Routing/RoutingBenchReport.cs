namespace Outloop.Automation.Routing;

/// <summary>
/// Routing quality on labelled cases and decision latency. <see cref="LatencyTargets"/> is how many targets the
/// router held while latency was measured (the registry plus any synthetic ones). <see cref="CpuMeanMs"/> is the
/// process CPU time per timed decision: on a shared, loaded machine it shows the cost that wall-clock percentiles hide.
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
    double CpuMeanMs,
    IReadOnlyList<RoutingCaseResult> Results);
