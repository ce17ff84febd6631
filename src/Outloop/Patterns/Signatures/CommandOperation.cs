using Outloop.Ingestion;
namespace Outloop.Patterns.Signatures;

/// <summary>What one simple command does: the signature parts, how it touches files, and the files it names.</summary>
internal sealed record CommandOperation(
    string Category,
    string Subcategory,
    string Target,
    FileAccessKind? Access,
    IReadOnlyList<string> Paths);
