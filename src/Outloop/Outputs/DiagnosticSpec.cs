using System.Text.RegularExpressions;

namespace Outloop.Outputs;

/// <summary>
/// How a compiler, type checker or linter prints a diagnostic, for <see cref="DiagnosticDigestReader"/>.
/// Groups: <c>file</c>, <c>line</c>, <c>sev</c> (error/warning/...), <c>code</c>, <c>msg</c>.
/// </summary>
internal sealed record DiagnosticSpec
{
    /// <summary>A diagnostic's first line; the first matching pattern wins.</summary>
    public required IReadOnlyList<Regex> Lines { get; init; }

    /// <summary>The location on a following line, for formats that print it under the message (cargo, credo).</summary>
    public Regex? FollowLocation { get; init; }

    /// <summary>A line naming the file the next diagnostics belong to (eslint's stylish format).</summary>
    public Regex? FileHeader { get; init; }

    /// <summary>The tool's summary lines.</summary>
    public required Regex Summary { get; init; }

    /// <summary>Linters: every issue is the point, warnings included. Compilers: warnings are only sampled.</summary>
    public bool Linter { get; init; }
}
