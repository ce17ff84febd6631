using System.Globalization;
using System.Text.Json;
using Outloop.Patterns;

namespace Outloop.Cli.Rendering;

/// <summary>Plain-text tables for <c>outloop patterns</c> and the evidence of <c>outloop patterns show</c>.</summary>
internal sealed class PatternsTextRenderer(TextWriter output)
{
    public void Render(string kind, IReadOnlyList<PatternListing> patterns)
    {
        if (patterns.Count == 0)
        {
            output.WriteLine($"No {kind} patterns. Run `outloop backfill` after an import, or widen --since/--agent.");
            return;
        }

        var rows = new List<string[]>();
        string[] header;
        switch (kind)
        {
            case PatternKind.Operation:
                header = ["ID", "SIGNATURE", "TASKS", "SESSIONS", "LLM TOKENS", "TOOL TOKENS", "USD/MONTH", "CONF", "STATUS"];
                rows.AddRange(patterns.Select(l => new[]
                {
                    l.Pattern.Id, l.Pattern.Signature, N(l.Occurrences), N(l.Sessions), N(l.LlmTokens), N(l.ToolTokens),
                    l.Pattern.MonthlySavingsUsd.ToString("0.00", CultureInfo.InvariantCulture), N(l.Pattern.Confidence), l.Status,
                }));
                break;
            case PatternKind.Failure:
                header = ["ID", "TEMPLATE", "COUNT", "TASKS", "CONF", "SIGNATURE", "LAST SEEN"];
                rows.AddRange(patterns.Select(l => new[]
                {
                    l.Pattern.Id, Short(l.Pattern.Signature, 70), N(l.Pattern.Calls), N(l.Occurrences), N(l.Pattern.Confidence),
                    Detail(l.Pattern, "signature"), l.Pattern.LastSeen ?? string.Empty,
                }));
                break;
            case PatternKind.Recovery:
                header = ["ID", "TEMPLATE", "RECOVERED", "ATTEMPTS", "SELF-HEAL", "USUAL FIX"];
                rows.AddRange(patterns.Select(l => new[]
                {
                    l.Pattern.Id, Short(Detail(l.Pattern, "template"), 50), Detail(l.Pattern, "recovered"), Detail(l.Pattern, "attempts"),
                    Detail(l.Pattern, "selfHeal"), Short(Detail(l.Pattern, "usualFix"), 60),
                }));
                break;
            case PatternKind.Sequence:
                header = ["ID", "SEQUENCE", "TASKS", "SESSIONS", "CONF"];
                rows.AddRange(patterns.Select(l => new[] { l.Pattern.Id, l.Pattern.Signature, N(l.Occurrences), N(l.Sessions), N(l.Pattern.Confidence) }));
                break;
            default:
                header = ["ID", "GROUP", "TASKS", "AVG ITER", "AVG SCORE", "SHARED SIGNATURES"];
                rows.AddRange(patterns.Select(l => new[]
                {
                    l.Pattern.Id, Short(l.Pattern.Title, 60), N(l.Occurrences), Detail(l.Pattern, "averageIterations"), Detail(l.Pattern, "averageScore"),
                    Short(Detail(l.Pattern, "sharedSignatures"), 60),
                }));
                break;
        }

        Table(header, rows);
    }

    public void RenderShow(PatternRecord p, string status, IReadOnlyList<PatternEvidence> evidence, IReadOnlyList<FailureRecord> failures)
    {
        output.WriteLine($"{p.Id}  {p.Kind}  {status}");
        output.WriteLine($"  {p.Signature}");
        if (p.Title != p.Signature)
        {
            output.WriteLine($"  {p.Title}");
        }

        output.WriteLine($"  occurrences (tasks) {N(p.Occurrences)}, sessions {N(p.Sessions)}, calls {N(p.Calls)}, first {p.FirstSeen}, last {p.LastSeen}, agents {p.Agents}");
        output.WriteLine($"  confidence {p.Confidence}: {p.ConfidenceParts}");
        output.WriteLine($"  details: {p.Details}");
        if (p.Kind == PatternKind.Operation)
        {
            Arithmetic(p);
        }

        output.WriteLine();
        output.WriteLine("Occurrences (one per task):");
        var rows = evidence.Select(e => new[]
        {
            e.Occurrence.Ts ?? string.Empty, Short(e.Occurrence.SessionId, 12), Short(e.Occurrence.TaskId, 24), N(e.Occurrence.Calls),
            N(e.Occurrence.LlmTokens), N(e.Occurrence.ToolTokens), Usd(e.Occurrence.LlmCostUsd), Usd(e.Occurrence.ScriptCostUsd),
            Short(OneLine(e.Command ?? e.Occurrence.Detail ?? string.Empty), 70),
        }).ToList();
        Table(["TIME", "SESSION", "TASK", "CALLS", "LLM TOK", "TOOL TOK", "LLM USD", "SCRIPT USD", "COMMAND / DETAIL"], rows);
        if (failures.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Failures:");
            Table(["TIME", "TASK", "SIGNATURE", "SOURCE", "LINE"], failures.Select(f => new[]
            {
                f.Ts ?? string.Empty, Short(f.TaskId, 24), f.Signature, f.Source, Short(f.Line, 90),
            }).ToList());
        }
    }

    private void Arithmetic(PatternRecord p)
    {
        using var details = JsonDocument.Parse(p.Details ?? "{}");
        var d = details.RootElement;
        double Get(string name) => d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;
        var days = Get("observedDays");
        output.WriteLine();
        output.WriteLine("Savings arithmetic (per call: out = output tokens of the request that issued it / calls that request issued;");
        output.WriteLine("  res = tokens of the result it read; k = later requests of the task re-reading it from the cache;");
        output.WriteLine("  compact = the result as a script would return it (OutputCompactor; unchanged below 400 tokens)):");
        output.WriteLine($"  sum out = {N((long)Get("outputTokens"))}, sum res = {N((long)Get("resultTokens"))}, sum compact = {N((long)Get("compactTokens"))}, sum k = {N((long)Get("rereads"))}");
        output.WriteLine($"  LLM tokens  = sum out + sum res = {N(p.LlmTokens)}");
        output.WriteLine($"  tool tokens = calls x {Outloop.Patterns.OperationCosting.ScriptCallTokens} + sum compact = {N(p.ToolTokens)}");
        output.WriteLine("  LLM cost    = sum(out x output price + res x (input price + k x cache-read price))");
        output.WriteLine($"              = {Usd(p.LlmCostUsd)} (the LLM USD column below adds up to it)");
        output.WriteLine($"  script cost = sum({Outloop.Patterns.OperationCosting.ScriptCallTokens} x output price + compact x (input price + k x cache-read price))");
        output.WriteLine($"              = {Usd(p.ScriptCostUsd)}{(Detail(p, "scriptable") == "no" ? " (not scriptable: equal to the LLM cost)" : string.Empty)}");
        output.WriteLine($"  monthly     = max(0, {Usd(p.LlmCostUsd)} - {Usd(p.ScriptCostUsd)}) x 30 / {days.ToString("0.##", CultureInfo.InvariantCulture)} observed days = {Usd(p.MonthlySavingsUsd)}");
    }

    private void Table(string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }
    }

    private static string Detail(PatternRecord p, string name)
    {
        using var details = JsonDocument.Parse(p.Details ?? "{}");
        if (!details.RootElement.TryGetProperty(name, out var value))
        {
            return string.Empty;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => v.ToString())),
            JsonValueKind.True => "yes",
            JsonValueKind.False => "no",
            _ => value.ToString(),
        };
    }

    private static string N(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Usd(double value) => "$" + value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 3)] + "...";
}
