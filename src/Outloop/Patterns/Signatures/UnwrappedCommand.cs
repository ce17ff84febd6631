namespace Outloop.Patterns.Signatures;

/// <summary>
/// A simple command after its wrappers were removed: <c>uv run pytest -x</c> is program <c>pytest</c> with
/// <c>-x</c>; <c>bash -c "..."</c> carries the inner script to classify instead.
/// </summary>
/// <param name="Program">Normalised program name (lower case, no folder, <c>python3.11</c> as <c>python</c>); empty when nothing is left.</param>
/// <param name="RawProgram">The program word as written.</param>
/// <param name="Args">Arguments after the program.</param>
/// <param name="NestedScript">The script of <c>bash -c</c>/<c>sh -c</c>, to be parsed and classified itself.</param>
/// <param name="Folder">A working folder set by a wrapper (<c>env -C</c>, <c>docker exec -w</c>).</param>
/// <param name="ViaPythonModule">True when the program came from <c>python -m</c>.</param>
internal sealed record UnwrappedCommand(
    string Program,
    string RawProgram,
    IReadOnlyList<string> Args,
    string? NestedScript,
    string? Folder,
    bool ViaPythonModule);
