using Outloop.Ingestion;
namespace Outloop.Patterns.Signatures;

/// <summary>
/// What a tool call does, as <c>category:subcategory:target</c> (for example <c>test:pytest:backend</c>,
/// <c>vcs:git:status</c>, <c>file:read:lib/spotter</c>), plus the masked form of its command, the files it names
/// and how it touches them.
/// </summary>
/// <param name="Category">One of <see cref="OperationCategory"/>.</param>
/// <param name="Subcategory">The tool or runner (<c>pytest</c>, <c>mix</c>, <c>git</c>, <c>read</c>...).</param>
/// <param name="Target">The coarse scope: a top folder or module, a verb for version control, or <c>all</c>.</param>
/// <param name="NormalizedCommand">The command with its variable parts masked (<c>&lt;path&gt;</c>, <c>&lt;n&gt;</c>, <c>&lt;str&gt;</c>); equal forms mean the operation was written the same way.</param>
/// <param name="Paths">Files and folders the call names, relative to the project root when under it.</param>
/// <param name="Access">How the call touches <paramref name="Paths"/>, when it is a file operation.</param>
internal sealed record OperationSignature(
    string Category,
    string Subcategory,
    string Target,
    string NormalizedCommand,
    IReadOnlyList<string> Paths,
    FileAccessKind? Access)
{
    /// <summary>True for tests, builds and type checks, and linters: the runs that check the work.</summary>
    public bool IsVerification => OperationCategory.IsVerification(Category);

    /// <summary>True when the command starts the project's own application through its runner (see <see cref="CommandOperation.StartsApp"/>).</summary>
    public bool StartsApp { get; init; }

    /// <summary><c>category:subcategory:target</c>.</summary>
    public override string ToString() => string.Concat(Category, ":", Subcategory, ":", Target);
}
