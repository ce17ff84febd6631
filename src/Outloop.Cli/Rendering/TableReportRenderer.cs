using System.Globalization;
using Outloop.Reporting.Usage;
using Spectre.Console;

namespace Outloop.Cli.Rendering;

/// <summary>Console tables for people: one row per period, session or block, per-model rows with <c>--breakdown</c>.</summary>
internal sealed class TableReportRenderer(IAnsiConsole console, TimeZoneInfo timeZone) : IReportRenderer
{
    public void Render(UsageReport report, bool breakdown)
    {
        if (report.Rows.Count == 0)
        {
            console.WriteLine("No usage data found.");
            WriteUnpriced(report.UnpricedModels);
            return;
        }

        var first = report.Kind switch
        {
            UsageReportKind.Daily => "Date",
            UsageReportKind.Monthly => "Month",
            _ => "Session",
        };
        var table = NewTable(first, "Models", "Input", "Output", "Cache Create", "Cache Read", "Total Tokens", "Cost (USD)");
        if (report.Kind == UsageReportKind.Session)
        {
            table.AddColumn(new TableColumn("Last Activity"));
        }

        foreach (var row in report.Rows)
        {
            var cells = new List<string>
            {
                Markup.Escape(row.Period), Markup.Escape(string.Join(", ", row.ModelsUsed)), Tokens(row.InputTokens), Tokens(row.OutputTokens),
                Tokens(row.CacheCreationTokens), Tokens(row.CacheReadTokens), Tokens(row.TotalTokens), Cost(row.TotalCost),
            };
            if (report.Kind == UsageReportKind.Session)
            {
                cells.Add(Local(row.LastActivity));
            }

            table.AddRow([.. cells]);
            if (breakdown)
            {
                foreach (var model in row.ModelBreakdowns)
                {
                    var modelCells = new List<string>
                    {
                        string.Empty, "[grey]└ " + Markup.Escape(model.ModelName) + "[/]", Tokens(model.InputTokens), Tokens(model.OutputTokens),
                        Tokens(model.CacheCreationTokens), Tokens(model.CacheReadTokens), Tokens(model.TotalTokens), Cost(model.Cost),
                    };
                    if (report.Kind == UsageReportKind.Session)
                    {
                        modelCells.Add(string.Empty);
                    }

                    table.AddRow([.. modelCells]);
                }
            }
        }

        var totals = report.Totals;
        var totalCells = new List<string>
        {
            "[bold]Total[/]", string.Empty, Tokens(totals.InputTokens), Tokens(totals.OutputTokens), Tokens(totals.CacheCreationTokens),
            Tokens(totals.CacheReadTokens), Tokens(totals.TotalTokens), "[bold]" + Cost(totals.TotalCost) + "[/]",
        };
        if (report.Kind == UsageReportKind.Session)
        {
            totalCells.Add(string.Empty);
        }

        table.AddEmptyRow();
        table.AddRow([.. totalCells]);
        console.Write(table);
        WriteUnpriced(report.UnpricedModels);
    }

    public void Render(BlocksReport report, bool breakdown)
    {
        if (report.Blocks.Count == 0)
        {
            console.WriteLine("No usage data found.");
            WriteUnpriced(report.UnpricedModels);
            return;
        }

        var table = NewTable("Block Start", "Duration/Status", "Models", "Tokens", "%", "Cost (USD)");
        foreach (var block in report.Blocks)
        {
            if (block.IsGap)
            {
                var idle = block.EndTime - block.StartTime;
                table.AddRow($"[grey]{Local(block.StartTime)}[/]", $"[grey]gap ({Hours(idle)})[/]", string.Empty, string.Empty, string.Empty, string.Empty);
                continue;
            }

            var status = block.IsActive
                ? $"[green]ACTIVE[/] ({Hours(block.ActualEndTime!.Value - block.StartTime)} elapsed, {block.Projection?.RemainingMinutes ?? 0}m left)"
                : Hours((block.ActualEndTime ?? block.EndTime) - block.StartTime);
            var percent = report.TokenLimit is > 0 ? ((double)block.TotalTokens / report.TokenLimit.Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : string.Empty;
            table.AddRow(Local(block.StartTime), status, Markup.Escape(string.Join(", ", block.Models)), Tokens(block.TotalTokens), percent, Cost(block.CostUsd));
            if (breakdown)
            {
                foreach (var model in block.ModelBreakdowns)
                {
                    table.AddRow(string.Empty, string.Empty, "[grey]└ " + Markup.Escape(model.ModelName) + "[/]", Tokens(model.TotalTokens), string.Empty, Cost(model.Cost));
                }
            }

            if (block.BurnRate is { } rate)
            {
                table.AddRow(string.Empty, "[grey]burn rate[/]", string.Empty, Tokens((long)rate.TokensPerMinute) + "/min", string.Empty, Cost((decimal)rate.CostPerHour) + "/h");
            }

            if (block.Projection is { } projection)
            {
                var limit = block.TokenLimitStatus is { } s ? $"{s.PercentUsed.ToString("0.0", CultureInfo.InvariantCulture)}% ({s.Status})" : string.Empty;
                table.AddRow(string.Empty, "[grey]projected[/]", string.Empty, Tokens(projection.TotalTokens), limit, Cost(projection.TotalCost));
            }
        }

        console.Write(table);
        WriteUnpriced(report.UnpricedModels);
    }

    public void Render(SessionsReport report)
    {
        if (report.Sessions.Count == 0)
        {
            console.WriteLine("No sessions found.");
            return;
        }

        var table = NewTable("Session", "Agent", "Project", "Started", "Tasks", "Tool Calls", "Failed", "Tokens", "Cost (USD)");
        foreach (var s in report.Sessions)
        {
            var tokens = s.InputTokens + s.OutputTokens + s.CacheCreationTokens + s.CacheReadTokens;
            table.AddRow(
                Markup.Escape(s.Id), Markup.Escape(s.Agent), Markup.Escape(s.Project ?? string.Empty), s.StartedAt is { } started ? Local(started) : string.Empty,
                Count(s.Tasks), Count(s.ToolCalls), Count(s.FailedToolCalls), Tokens(tokens), Cost(s.CostUsd));
        }

        console.Write(table);
        WriteUnpriced(report.UnpricedModels);
    }

    private static Table NewTable(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            var right = column is not ("Date" or "Month" or "Session" or "Models" or "Agent" or "Project" or "Started" or "Block Start" or "Duration/Status" or "Last Activity");
            table.AddColumn(new TableColumn(column) { Alignment = right ? Justify.Right : Justify.Left });
        }

        return table;
    }

    private void WriteUnpriced(IReadOnlyList<UnpricedModel> unpriced)
    {
        foreach (var model in unpriced)
        {
            console.MarkupLine(
                $"[yellow]No price for {Markup.Escape(model.Model)}[/] ({Count(model.Requests)} {(model.Requests == 1 ? "request" : "requests")}, {Tokens(model.Tokens.Total)} tokens): counted as $0. "
                + "Add it to a price file (--prices FILE, OUTLOOP_PRICES or ~/.outloop/prices.json).");
        }
    }

    private string Local(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, timeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Hours(TimeSpan span) => $"{(int)span.TotalHours}h {span.Minutes:00}m";

    private static string Tokens(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Cost(decimal value) => "$" + value.ToString("N2", CultureInfo.InvariantCulture);
}
