using Outloop.Reporting.Usage;

namespace Outloop.Cli.Rendering;

/// <summary>ccusage-compatible JSON (<see cref="UsageJson"/>); <c>--breakdown</c> changes nothing here, as in ccusage, because the JSON always has the per-model data.</summary>
internal sealed class JsonReportRenderer(TextWriter output) : IReportRenderer
{
    public void Render(UsageReport report, bool breakdown) => output.Write(UsageJson.Write(report));

    public void Render(BlocksReport report, bool breakdown) => output.Write(UsageJson.Write(report));

    public void Render(SessionsReport report) => output.Write(UsageJson.Write(report));
}
