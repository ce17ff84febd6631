namespace Outloop.Automation.Simulation;

/// <summary>
/// The result of one simulation: what was learned from the training part and what it would have done in the replay
/// part. <see cref="Totals"/> is the sum of <see cref="Operations"/>, and also of <see cref="Tools"/> plus
/// <see cref="Runners"/>.
/// </summary>
/// <remarks><c>Cutoff</c>: Sessions starting at or after this instant were replayed (with a fraction: the first replayed session's start).</remarks>
/// <remarks><c>UndatedSessions</c>: Sessions without a start time, left out of both parts.</remarks>
/// <remarks><c>Compacted</c>: Replayed calls whose output would have been compacted (by a routed script or by the hook).</remarks>
internal sealed record SimulationReport(
    SimulationOptions Options,
    DateTimeOffset Cutoff,
    SimulationPart Training,
    SimulationPart Replay,
    int UndatedSessions,
    IReadOnlyList<ToolReplay> Tools,
    IReadOnlyList<RunnerReplay> Runners,
    IReadOnlyList<SimulatedOperation> Operations,
    int Routed,
    int WrongRoutes,
    int Compacted,
    Savings Totals);
