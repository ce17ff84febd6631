namespace Outloop.Automation.Tools;

/// <summary>How a tool or pattern has fared so far.</summary>
internal sealed record ToolUsage(int Runs, int Successes)
{
    public static ToolUsage None { get; } = new(0, 0);

    public int Failures => Runs - Successes;

    public double SuccessRate => Runs == 0 ? 1 : (double)Successes / Runs;

    public ToolUsage With(bool succeeded) => new(Runs + 1, Successes + (succeeded ? 1 : 0));
}
