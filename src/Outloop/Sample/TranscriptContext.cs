namespace Outloop.Sample;

/// <summary>The envelope fields every conversation line of one transcript file repeats.</summary>
internal sealed record TranscriptContext(
    string SessionId,
    string Cwd,
    string GitBranch,
    string Version,
    string Slug,
    string? AgentId = null)
{
    public bool IsSidechain => AgentId is not null;
}
