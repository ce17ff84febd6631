using Outloop.Ingestion;
namespace Outloop.Patterns.Signatures;

/// <summary>What one simple command does: the signature parts, how it touches files, and the files it names.</summary>
internal sealed record CommandOperation(
    string Category,
    string Subcategory,
    string Target,
    FileAccessKind? Access,
    IReadOnlyList<string> Paths)
{
    /// <summary>
    /// True when the command starts the project's own application through its ecosystem's runner (<c>cargo run</c>,
    /// <c>flutter run</c>, <c>sbt ~reStart</c>, <c>docker compose up</c>): a long-lived run of the app, whatever the
    /// signature's target says about its scope.
    /// </summary>
    public bool StartsApp { get; init; }
}
