namespace Outloop.Reporting.Usage;

/// <summary>A daily, monthly or session report: rows, totals, and the models that had no price.</summary>
public sealed record UsageReport(
    UsageReportKind Kind,
    IReadOnlyList<UsageRow> Rows,
    UsageTotals Totals,
    IReadOnlyList<UnpricedModel> UnpricedModels);
