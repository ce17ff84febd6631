using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Outloop.Reporting.Usage;

/// <summary>
/// Writes the usage reports as JSON with ccusage 20's shapes and field names (keys in its alphabetical order), so
/// scripts written for <c>ccusage --json</c> read Outloop's output unchanged. <c>unpricedModels</c> is added only
/// when some model had no price.
/// </summary>
public static class UsageJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(UsageReport report) => Render(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray(ArrayName(report.Kind));
        foreach (var row in report.Rows)
        {
            WriteRow(writer, row, report.Kind);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("totals");
        writer.WriteNumber("cacheCreationTokens", report.Totals.CacheCreationTokens);
        writer.WriteNumber("cacheReadTokens", report.Totals.CacheReadTokens);
        writer.WriteNumber("inputTokens", report.Totals.InputTokens);
        writer.WriteNumber("outputTokens", report.Totals.OutputTokens);
        writer.WriteNumber("totalCost", Clean(report.Totals.TotalCost));
        writer.WriteNumber("totalTokens", report.Totals.TotalTokens);
        writer.WriteEndObject();
        WriteUnpriced(writer, report.UnpricedModels);
        writer.WriteEndObject();
    });

    public static string Write(BlocksReport report) => Render(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("blocks");
        foreach (var block in report.Blocks)
        {
            WriteBlock(writer, block);
        }

        writer.WriteEndArray();
        WriteUnpriced(writer, report.UnpricedModels);
        writer.WriteEndObject();
    });

    public static string Write(SessionsReport report) => Render(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("sessions");
        foreach (var s in report.Sessions)
        {
            writer.WriteStartObject();
            writer.WriteString("id", s.Id);
            writer.WriteString("agent", s.Agent);
            WriteStringOrNull(writer, "project", s.Project);
            WriteStringOrNull(writer, "startedAt", s.StartedAt is { } started ? BlockReports.FormatTime(started) : null);
            WriteStringOrNull(writer, "endedAt", s.EndedAt is { } ended ? BlockReports.FormatTime(ended) : null);
            writer.WriteNumber("tasks", s.Tasks);
            writer.WriteNumber("toolCalls", s.ToolCalls);
            writer.WriteNumber("failedToolCalls", s.FailedToolCalls);
            writer.WriteNumber("inputTokens", s.InputTokens);
            writer.WriteNumber("outputTokens", s.OutputTokens);
            writer.WriteNumber("cacheCreationTokens", s.CacheCreationTokens);
            writer.WriteNumber("cacheReadTokens", s.CacheReadTokens);
            writer.WriteNumber("costUsd", Clean(s.CostUsd));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteUnpriced(writer, report.UnpricedModels);
        writer.WriteEndObject();
    });

    /// <summary>The JSON array's name for a report kind: <c>daily</c>, <c>monthly</c> or <c>session</c>.</summary>
    public static string ArrayName(UsageReportKind kind) => kind switch
    {
        UsageReportKind.Daily => "daily",
        UsageReportKind.Monthly => "monthly",
        _ => "session",
    };

    private static void WriteRow(Utf8JsonWriter writer, UsageRow row, UsageReportKind kind)
    {
        writer.WriteStartObject();
        writer.WriteString("agent", row.Agent);
        writer.WriteNumber("cacheCreationTokens", row.CacheCreationTokens);
        writer.WriteNumber("cacheReadTokens", row.CacheReadTokens);
        writer.WriteNumber("inputTokens", row.InputTokens);
        writer.WriteStartObject("metadata");
        if (kind == UsageReportKind.Session)
        {
            writer.WriteString("lastActivity", BlockReports.FormatTime(row.LastActivity));
        }
        else
        {
            WriteStrings(writer, "agents", row.Agents);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("modelBreakdowns");
        foreach (var model in row.ModelBreakdowns)
        {
            writer.WriteStartObject();
            writer.WriteNumber("cacheCreationTokens", model.CacheCreationTokens);
            writer.WriteNumber("cacheReadTokens", model.CacheReadTokens);
            writer.WriteNumber("cost", Clean(model.Cost));
            writer.WriteNumber("inputTokens", model.InputTokens);
            writer.WriteString("modelName", model.ModelName);
            writer.WriteNumber("outputTokens", model.OutputTokens);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteStrings(writer, "modelsUsed", row.ModelsUsed);
        writer.WriteNumber("outputTokens", row.OutputTokens);
        writer.WriteString("period", row.Period);
        writer.WriteNumber("totalCost", Clean(row.TotalCost));
        writer.WriteNumber("totalTokens", row.TotalTokens);
        writer.WriteEndObject();
    }

    private static void WriteBlock(Utf8JsonWriter writer, UsageBlock block)
    {
        writer.WriteStartObject();
        WriteStringOrNull(writer, "actualEndTime", block.ActualEndTime is { } end ? BlockReports.FormatTime(end) : null);
        if (block.BurnRate is { } rate)
        {
            writer.WriteStartObject("burnRate");
            writer.WriteNumber("costPerHour", rate.CostPerHour);
            writer.WriteNumber("tokensPerMinute", rate.TokensPerMinute);
            writer.WriteNumber("tokensPerMinuteForIndicator", rate.TokensPerMinuteForIndicator);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("burnRate");
        }

        writer.WriteNumber("costUSD", Clean(block.CostUsd));
        writer.WriteString("endTime", BlockReports.FormatTime(block.EndTime));
        writer.WriteNumber("entries", block.Entries);
        writer.WriteString("id", block.Id);
        writer.WriteBoolean("isActive", block.IsActive);
        writer.WriteBoolean("isGap", block.IsGap);
        WriteStrings(writer, "models", block.Models);
        if (block.Projection is { } projection)
        {
            writer.WriteStartObject("projection");
            writer.WriteNumber("remainingMinutes", projection.RemainingMinutes);
            writer.WriteNumber("totalCost", Clean(projection.TotalCost));
            writer.WriteNumber("totalTokens", projection.TotalTokens);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("projection");
        }

        writer.WriteString("startTime", BlockReports.FormatTime(block.StartTime));
        writer.WriteStartObject("tokenCounts");
        writer.WriteNumber("cacheCreationInputTokens", block.CacheCreationInputTokens);
        writer.WriteNumber("cacheReadInputTokens", block.CacheReadInputTokens);
        writer.WriteNumber("inputTokens", block.InputTokens);
        writer.WriteNumber("outputTokens", block.OutputTokens);
        writer.WriteEndObject();
        if (block.TokenLimitStatus is { } status)
        {
            writer.WriteStartObject("tokenLimitStatus");
            writer.WriteNumber("limit", status.Limit);
            writer.WriteNumber("percentUsed", status.PercentUsed);
            writer.WriteNumber("projectedUsage", status.ProjectedUsage);
            writer.WriteString("status", status.Status);
            writer.WriteEndObject();
        }

        writer.WriteNumber("totalTokens", block.TotalTokens);
        writer.WriteEndObject();
    }

    private static void WriteUnpriced(Utf8JsonWriter writer, IReadOnlyList<UnpricedModel> unpriced)
    {
        if (unpriced.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("unpricedModels");
        foreach (var model in unpriced)
        {
            writer.WriteStartObject();
            writer.WriteNumber("cacheCreationTokens", model.Tokens.CacheCreation);
            writer.WriteNumber("cacheReadTokens", model.Tokens.CacheRead);
            writer.WriteNumber("inputTokens", model.Tokens.Input);
            writer.WriteString("modelName", model.Model);
            writer.WriteNumber("outputTokens", model.Tokens.Output);
            writer.WriteNumber("requests", model.Requests);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    // Drops trailing zeros (0.0419302500 -> 0.04193025) so equal costs always print the same.
    private static decimal Clean(decimal value) => value / 1.000000000000000000000000000000000m;

    private static string Render(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
