namespace Outloop.Patterns;

/// <summary>A task's iterations and score as <see cref="TaskIterations"/> computes them.</summary>
/// <remarks><c>EffectiveOutcome</c>: The stored outcome, or when it is unknown what the task's last check says.</remarks>
internal sealed record TaskScore(string TaskId, int Iterations, int Score, string EffectiveOutcome);
