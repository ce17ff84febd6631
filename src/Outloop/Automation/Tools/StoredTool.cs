namespace Outloop.Automation.Tools;

/// <summary>A row of the <c>tools</c> table: a registered tool with its persisted run counts.</summary>
internal sealed record StoredTool(
    string Name,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> InputPatterns,
    ToolStatus Status,
    int Runs,
    int Successes,
    long TotalDurationMs,
    long TokensSaved,
    string? PatternId)
{
    public double SuccessRate => Runs == 0 ? 1 : (double)Successes / Runs;

    public double AverageDurationMs => Runs == 0 ? 0 : (double)TotalDurationMs / Runs;
}
