using System.Text.RegularExpressions;

namespace Outloop.Outputs;

/// <summary>
/// How a test runner prints its failures: each failure is a block that starts with a header naming the test;
/// <see cref="BlockDigestReader"/> reads any runner described this way.
/// </summary>
internal sealed record BlockSpec
{
    /// <summary>Word that starts a failure's one-line form (<c>FAIL</c>, <c>ERROR</c>).</summary>
    public string Label { get; init; } = "FAIL";

    /// <summary>A failure's header; group <c>name</c> is the test's name.</summary>
    public required Regex Start { get; init; }

    /// <summary>A line that ends the current block (a section rule, the next suite).</summary>
    public Regex? End { get; init; }

    /// <summary>A block also ends at a non-blank line indented less than its header (ExUnit, Gradle).</summary>
    public bool EndsWhenDedented { get; init; }

    /// <summary>When set, headers count only after a line matching this (rspec's <c>Failures:</c>).</summary>
    public Regex? Activate { get; init; }

    /// <summary>The runner's own summary lines, kept wherever they appear outside a block.</summary>
    public required Regex Summary { get; init; }

    /// <summary>Lines outside blocks worth showing first (suite failures, compile errors).</summary>
    public Regex? Head { get; init; }

    /// <summary>When set, only block lines matching it are kept (pytest's <c>&gt;</c>, <c>E</c> and location lines).</summary>
    public Regex? BodyKeep { get; init; }

    /// <summary>Block lines always dropped (labels, hints).</summary>
    public Regex? BodyDrop { get; init; }

    /// <summary>Where a failure is; groups <c>file</c> and <c>line</c>. Library frames are skipped.</summary>
    public required IReadOnlyList<Regex> Locations { get; init; }

    /// <summary>Take the last location in the block instead of the first (Python tracebacks end where it failed).</summary>
    public bool LastLocation { get; init; }

    /// <summary>The failure's message line; group <c>msg</c> when present. Default: the first kept body line.</summary>
    public Regex? Message { get; init; }

    /// <summary>Lines outside blocks that are warnings: counted, not shown.</summary>
    public Regex? Warning { get; init; }

    /// <summary>
    /// Summary lines listing failing node ids (<c>FAILED path::Class::test</c>) are grouped by file and class,
    /// one line per group: the names stay, the repeated prefix goes.
    /// </summary>
    public bool GroupNodeIds { get; init; }

    /// <summary>The test's name continues on the next lines up to one ending with a colon (mocha).</summary>
    public bool NameEndsWithColon { get; init; }
}
