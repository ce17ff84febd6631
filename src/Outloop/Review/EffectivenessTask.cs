namespace Outloop.Review;

/// <summary>A task as the effectiveness measure reads it: its agent, when it started, what it asked, how many iterations it took (null before a backfill).</summary>
internal sealed record EffectivenessTask(string Id, string Agent, DateTimeOffset StartedAt, string? Description, int? Iterations);
