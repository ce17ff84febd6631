using Outloop.Patterns;

namespace Outloop.Automation.Simulation;

/// <summary>
/// A repetitive operation learned from the training sessions that meets the candidate thresholds, and the tool
/// <c>outloop tools generate</c> would make of it.
/// </summary>
/// <remarks><c>Pattern</c>: Its figures over the training sessions only.</remarks>
/// <remarks><c>ToolName</c>: The generated tool's name.</remarks>
/// <remarks><c>Command</c>: The command the tool runs: the most common normalised form of the signature in training.</remarks>
internal sealed record LearnedTool(PatternRecord Pattern, string ToolName, string Command)
{
    public string Signature => Pattern.Signature;
}
