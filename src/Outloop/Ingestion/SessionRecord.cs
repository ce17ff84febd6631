namespace Outloop.Ingestion;

/// <summary>One agent session: a transcript, a rollout, a trajectory run.</summary>
public sealed record SessionRecord(
    string Id,
    string Agent,
    string? Project,
    string? Cwd,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? Title = null,
    string? Version = null,
    string? GitBranch = null);
