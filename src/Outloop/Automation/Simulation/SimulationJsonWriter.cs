using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outloop.Patterns;

namespace Outloop.Automation.Simulation;

/// <summary>
/// Writes a <see cref="SimulationReport"/> as JSON a reader can check by hand: <c>method</c> states every formula,
/// each entry of <c>operations</c> carries its inputs (tokens, prices per token) and its savings, and
/// <c>totals.savings</c> is exactly the sum of the operations' savings (as are <c>tools</c> plus <c>runners</c>).
/// USD are exact decimals; times are ISO-8601 UTC.
/// </summary>
internal static class SimulationJsonWriter
{
    public static void Write(TextWriter output, SimulationReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            WriteMethod(w);
            WriteOptions(w, report.Options);
            w.WriteString("cutoff", Time(report.Cutoff));
            WritePart(w, "training", report.Training);
            WritePart(w, "replay", report.Replay);
            w.WriteNumber("undatedSessions", report.UndatedSessions);

            w.WriteStartObject("totals");
            w.WriteNumber("operations", report.Replay.Operations);
            w.WriteNumber("learnedTools", report.Tools.Count);
            w.WriteNumber("counted", report.Operations.Count);
            w.WriteNumber("routed", report.Routed);
            w.WriteNumber("wrongRoutes", report.WrongRoutes);
            w.WriteNumber("compacted", report.Compacted);
            WriteSavings(w, report.Totals);
            w.WriteEndObject();

            w.WriteStartArray("tools");
            foreach (var t in report.Tools)
            {
                w.WriteStartObject();
                w.WriteString("toolName", t.Tool.ToolName);
                w.WriteString("signature", t.Tool.Signature);
                w.WriteString("patternId", t.Tool.Pattern.Id);
                w.WriteString("command", t.Tool.Command);
                w.WriteStartObject("training");
                w.WriteNumber("occurrences", t.Tool.Pattern.Occurrences);
                w.WriteNumber("calls", t.Tool.Pattern.Calls);
                w.WriteNumber("confidence", t.Tool.Pattern.Confidence);
                w.WriteNumber("monthlySavingsUsd", RepetitiveOperations.Round(t.Tool.Pattern.MonthlySavingsUsd));
                w.WriteEndObject();
                w.WriteNumber("calls", t.Calls);
                w.WriteNumber("routed", t.Routed);
                w.WriteNumber("wrongRoutes", t.WrongRoutes);
                w.WriteNumber("compacted", t.Compacted);
                w.WriteNumber("routedFailed", t.RoutedFailed);
                WriteSavings(w, t.Savings);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("runners");
            foreach (var r in report.Runners)
            {
                w.WriteStartObject();
                w.WriteString("runner", r.Runner);
                w.WriteNumber("calls", r.Calls);
                WriteSavings(w, r.Savings);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("operations");
            foreach (var o in report.Operations)
            {
                WriteOperation(w, o);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteMethod(Utf8JsonWriter w)
    {
        w.WriteStartObject("method");
        w.WriteString("learned", "operations of the training sessions that meet the candidate thresholds and are scriptable; the tool runs the most common normalised command");
        w.WriteString("routed", "signature is a learned tool and the normalised command equals the tool's command");
        w.WriteString("wrongRoute", "signature is a learned tool but the agent ran another normalised command: the script would have run something else");
        w.WriteString("compacted", "not routed, and the compactor recognises the runner and shrinks the output");
        w.WriteString("routingTokens", "routed: outputShareTokens - scriptCallTokens");
        w.WriteString("routingUsd", "routingTokens x outputPrice");
        w.WriteString("compactionTokens", "routed or compacted (incl. the agent's own run after a wrong route): resultTokens - compactTokens");
        w.WriteString("compactionUsd", "compactionTokens x (inputPrice + rereads x cacheReadPrice)");
        w.WriteString("wastedTokens", "wrong route: scriptCallTokens + compactTokens");
        w.WriteString("wastedUsd", "scriptCallTokens x outputPrice + compactTokens x (inputPrice + rereads x cacheReadPrice)");
        w.WriteString("net", "routing + compaction - wasted");
        w.WriteEndObject();
    }

    private static void WriteOptions(Utf8JsonWriter w, SimulationOptions options)
    {
        w.WriteStartObject("options");
        if (options.Until is { } until)
        {
            w.WriteString("until", Time(until));
        }

        if (options.TrainFraction is { } fraction)
        {
            w.WriteNumber("trainFraction", fraction);
        }

        if (options.Agent is { } agent)
        {
            w.WriteString("agent", agent);
        }

        w.WriteNumber("minOccurrences", options.Candidates.MinOccurrences);
        w.WriteNumber("minConfidence", options.Candidates.MinConfidence);
        w.WriteNumber("minMonthlySavingsUsd", options.Candidates.MinMonthlySavingsUsd);
        w.WriteNumber("scriptCallTokens", OperationCosting.ScriptCallTokens);
        w.WriteEndObject();
    }

    private static void WritePart(Utf8JsonWriter w, string name, SimulationPart part)
    {
        w.WriteStartObject(name);
        w.WriteNumber("sessions", part.Sessions);
        w.WriteNumber("tasks", part.Tasks);
        w.WriteNumber("operations", part.Operations);
        w.WriteString("from", part.From is { } from ? Time(from) : null);
        w.WriteString("to", part.To is { } to ? Time(to) : null);
        w.WriteEndObject();
    }

    private static void WriteOperation(Utf8JsonWriter w, SimulatedOperation o)
    {
        w.WriteStartObject();
        w.WriteString("callId", o.CallId);
        w.WriteString("sessionId", o.SessionId);
        w.WriteString("taskId", o.TaskId);
        w.WriteString("ts", o.Ts);
        w.WriteString("signature", o.Signature);
        w.WriteString("command", o.Command);
        w.WriteString("outcome", o.Outcome);
        w.WriteString("learnedCommand", o.LearnedCommand);
        w.WriteString("runner", o.Runner);
        w.WriteBoolean("failed", o.Failed);
        w.WriteString("issuingModel", o.IssuingModel);
        w.WriteString("readingModel", o.ReadingModel);
        w.WriteNumber("outputPrice", Plain(o.OutputPrice));
        w.WriteNumber("inputPrice", Plain(o.InputPrice));
        w.WriteNumber("cacheReadPrice", Plain(o.CacheReadPrice));
        w.WriteNumber("outputShareTokens", o.OutputShareTokens);
        w.WriteNumber("resultTokens", o.ResultTokens);
        w.WriteNumber("compactTokens", o.CompactTokens);
        w.WriteNumber("rereads", o.Rereads);
        w.WriteNumber("scriptCallTokens", o.ScriptCallTokens);
        WriteSavings(w, o.Savings);
        w.WriteEndObject();
    }

    private static void WriteSavings(Utf8JsonWriter w, Savings s)
    {
        w.WriteStartObject("savings");
        w.WriteNumber("routingTokens", s.RoutingTokens);
        w.WriteNumber("compactionTokens", s.CompactionTokens);
        w.WriteNumber("wastedTokens", s.WastedTokens);
        w.WriteNumber("netTokens", s.NetTokens);
        w.WriteNumber("routingUsd", Plain(s.RoutingUsd));
        w.WriteNumber("compactionUsd", Plain(s.CompactionUsd));
        w.WriteNumber("wastedUsd", Plain(s.WastedUsd));
        w.WriteNumber("netUsd", Plain(s.NetUsd));
        w.WriteEndObject();
    }

    /// <summary>The same value without trailing zeros (a decimal keeps the scale of its operands).</summary>
    private static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;

    private static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
