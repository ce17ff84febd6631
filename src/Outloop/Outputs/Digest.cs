namespace Outloop.Outputs;

/// <summary>What a runner-specific reader kept from an output, before it is rendered as text.</summary>
/// <param name="Head">Lines to show first (a compile error before the tests, a collection error).</param>
/// <param name="Failures">Failing tests or errors in output order, one per name.</param>
/// <param name="Notes">Counts of what was dropped that the agent may care about (warnings).</param>
/// <param name="Summary">The runner's own summary lines, shown last.</param>
/// <param name="Understood">False when the reader found nothing it knows: the generic reader takes over.</param>
internal sealed record Digest(
    IReadOnlyList<string> Head,
    IReadOnlyList<FailureBlock> Failures,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Summary,
    bool Understood)
{
    public static Digest NotUnderstood { get; } = new([], [], [], [], false);
}
