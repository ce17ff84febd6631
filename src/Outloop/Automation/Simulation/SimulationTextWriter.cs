using System.Globalization;

namespace Outloop.Automation.Simulation;

/// <summary>Writes a <see cref="SimulationReport"/> as a short summary and one table row per learned tool and compacted runner.</summary>
internal static class SimulationTextWriter
{
    public static void Write(TextWriter output, SimulationReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var o = report.Options;
        var t = report.Training;
        var r = report.Replay;
        output.WriteLine(string.Create(c,
            $"Learned from {t.Sessions} session(s), {t.Tasks} task(s), {t.Operations} tool call(s) ({Period(t)}); replayed {r.Sessions} session(s), {r.Tasks} task(s), {r.Operations} tool call(s) ({Period(r)})."));
        output.WriteLine(string.Create(c,
            $"{report.Tools.Count} learned tool(s): occurrences >= {o.Candidates.MinOccurrences}, confidence >= {o.Candidates.MinConfidence}, savings >= ${o.Candidates.MinMonthlySavingsUsd:0.00}/month in the training part."));
        if (report.UndatedSessions > 0)
        {
            output.WriteLine(string.Create(c, $"{report.UndatedSessions} session(s) without a start time were left out."));
        }

        output.WriteLine();
        output.WriteLine("tool / runner                              calls  routed  wrong  compacted   net tokens     net USD");
        foreach (var x in report.Tools)
        {
            output.WriteLine(string.Create(c,
                $"{Cut(x.Tool.Signature, 42),-42} {x.Calls,5} {x.Routed,7} {x.WrongRoutes,6} {x.Compacted,10} {x.Savings.NetTokens,12:N0} {x.Savings.NetUsd,11:0.0000}"));
        }

        foreach (var x in report.Runners)
        {
            output.WriteLine(string.Create(c,
                $"{Cut("compacted: " + x.Runner, 42),-42} {x.Calls,5} {0,7} {0,6} {x.Calls,10} {x.Savings.NetTokens,12:N0} {x.Savings.NetUsd,11:0.0000}"));
        }

        var s = report.Totals;
        output.WriteLine(string.Create(c,
            $"{"total",-42} {report.Operations.Count,5} {report.Routed,7} {report.WrongRoutes,6} {report.Compacted,10} {s.NetTokens,12:N0} {s.NetUsd,11:0.0000}"));
        output.WriteLine();
        output.WriteLine(string.Create(c,
            $"Tokens saved: {s.RoutingTokens:N0} by routing + {s.CompactionTokens:N0} by compaction - {s.WastedTokens:N0} wasted on wrong routes = {s.NetTokens:N0}; USD: {s.RoutingUsd:0.0000} + {s.CompactionUsd:0.0000} - {s.WastedUsd:0.0000} = {s.NetUsd:0.0000}."));
        output.WriteLine("A wrong route: the agent ran another command form than the learned tool's for that signature. Every figure per call: --json.");
    }

    private static string Period(SimulationPart part) =>
        string.Create(CultureInfo.InvariantCulture, $"{part.From:yyyy-MM-dd HH:mm} to {part.To:yyyy-MM-dd HH:mm} UTC");

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
