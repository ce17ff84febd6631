namespace Outloop.Automation.Tools;

/// <summary>
/// Where run counts live between runs: in memory here, in the store once persistence is wired
/// (a seam with two implementations). Keys are tool or pattern names.
/// </summary>
internal interface IToolStatsSink
{
    ToolUsage Get(string name);

    /// <summary>Adds one run and returns the new totals.</summary>
    ToolUsage Record(string name, bool succeeded);
}
