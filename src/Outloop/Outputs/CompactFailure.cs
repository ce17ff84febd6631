namespace Outloop.Outputs;

/// <summary>One failure the compactor kept: a failing test (its name) or a build/lint error (its code).</summary>
/// <param name="Name">The test's name as the runner prints it, or the diagnostic's code (<c>TS2322</c>, <c>E0308</c>).</param>
/// <param name="Message">The first line of the failure message.</param>
/// <param name="File">Where it failed, when the output says so.</param>
/// <param name="Line">The line in <paramref name="File"/>, when the output says so.</param>
internal sealed record CompactFailure(string Name, string Message, string? File, int? Line);
