namespace Outloop.Patterns.Signatures;

/// <summary>
/// One simple command of a shell line: its words after quote removal, the <c>NAME=value</c> prefixes, its
/// redirections, the operator that links it to the previous command, and the folder it runs in.
/// </summary>
/// <param name="Argv">Program and arguments, quotes removed; command substitutions are kept as their raw text.</param>
/// <param name="Assignments">Environment prefixes such as <c>FOO=1</c>, as written (quotes removed).</param>
/// <param name="Redirections">Redirections in source order.</param>
/// <param name="PrecededBy">The operator written before this command in its list.</param>
/// <param name="WorkingFolder">
/// The folder this command runs in after the <c>cd</c>/<c>pushd</c> commands before it, as written (absolute,
/// relative to the starting folder, or <c>~</c>); null when no <c>cd</c> has happened.
/// </param>
/// <param name="SubshellDepth">How many <c>( ... )</c> groups enclose the command.</param>
/// <param name="InSubstitution">True for commands inside <c>$( ... )</c> or backquotes.</param>
internal sealed record SimpleCommand(
    IReadOnlyList<string> Argv,
    IReadOnlyList<string> Assignments,
    IReadOnlyList<ShellRedirection> Redirections,
    ShellOperator PrecededBy,
    string? WorkingFolder,
    int SubshellDepth,
    bool InSubstitution);
