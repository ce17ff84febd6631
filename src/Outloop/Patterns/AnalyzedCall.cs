using Outloop.Patterns.Signatures;

namespace Outloop.Patterns;

/// <summary>
/// A tool call after classification and costing; the raw result text is dropped once its figures are known,
/// so a backfill holds only this per call.
/// </summary>
/// <remarks><c>Failed</c>: The call failed, or it exited 0 but its output shows failing tests or build errors.</remarks>
/// <remarks><c>FailureLine</c>: The salient error line when <paramref name="Failed"/>, else null.</remarks>
/// <remarks><c>FailureSource</c>: <c>error</c> or <c>output</c> (see <see cref="FailureRecord.Source"/>).</remarks>
/// <remarks><c>Cost</c>: Its LLM and script figures.</remarks>
internal sealed record AnalyzedCall(
    string Id,
    string SessionId,
    string TaskId,
    string Agent,
    string? ToolName,
    string? Ts,
    bool? Success,
    bool IsSidechain,
    OperationSignature Operation,
    string Signature,
    bool Failed,
    string? FailureLine,
    string? FailureSource,
    CallCost Cost)
{
    /// <summary>Files the command line writes through a redirection (<c>cat &lt;&lt;EOF &gt; x.py</c>), as written.</summary>
    public IReadOnlyList<string> Written { get; init; } = [];

    /// <summary>The files of <see cref="Written"/> that the line may create (<c>&gt; f</c>, not <c>&gt;&gt; f</c> or <c>sed -i</c>).</summary>
    public IReadOnlyList<string> Created { get; init; } = [];

    /// <summary>True when the command's own code reads a file and writes one back (a Python heredoc or <c>-c</c> editor).</summary>
    public bool CodeWrites { get; init; }

    /// <summary>The size of the diff the call printed when it is a submission or finish step, else null.</summary>
    public DiffSize? Diff { get; init; }

    /// <summary>Set by <see cref="CallRoles"/>: the call changes a project file (not a scratch file of the task).</summary>
    public bool EditsSource { get; init; }

    /// <summary>Set by <see cref="CallRoles"/>: the call checks the work (a test/build/lint run, or a scratch script re-run after an edit).</summary>
    public bool Verifies { get; init; }

    /// <summary>Set by <see cref="CallRoles"/>: a run of the task's own scratch script before any project file changed (a reproduction).</summary>
    public bool Reproduces { get; init; }

    /// <summary>True when the call writes or edits a file.</summary>
    public bool IsWrite => Operation.Category == OperationCategory.File && Operation.Subcategory is "write" or "edit";

    /// <summary>The element of a sequence: the signature, without the file target for file and search operations.</summary>
    public string Step => Operation.Category is OperationCategory.File or OperationCategory.Search
        ? Operation.Category + ":" + Operation.Subcategory
        : Signature;
}
