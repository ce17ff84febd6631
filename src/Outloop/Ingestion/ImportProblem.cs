namespace Outloop.Ingestion;

/// <summary>A line (or a whole file, at line 0) that could not be imported, and why.</summary>
public sealed record ImportProblem(string Path, long Line, string Reason)
{
    public override string ToString() => Line > 0 ? $"{Path}:{Line}: {Reason}" : $"{Path}: {Reason}";
}
