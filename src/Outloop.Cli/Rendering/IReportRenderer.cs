using Outloop.Reporting.Usage;

namespace Outloop.Cli.Rendering;

/// <summary>Writes a report in one format: a console table or JSON.</summary>
internal interface IReportRenderer
{
    void Render(UsageReport report, bool breakdown);

    void Render(BlocksReport report, bool breakdown);

    void Render(SessionsReport report);
}
