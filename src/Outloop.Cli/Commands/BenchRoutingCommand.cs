using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outloop.Automation.Routing;
using Outloop.Automation.Tools;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop bench routing CASES.jsonl --tools TOOLS.yaml [--json] [--synthetic N]</c>: routing accuracy on labelled
/// cases and decision latency (with N synthetic targets added to the registry when asked).
/// </summary>
internal static class BenchRoutingCommand
{
    public static Command Create(CliConsole console)
    {
        var cases = new Argument<string>("cases") { Description = "JSONL file of {\"input\": \"...\", \"expected\": \"tool\" | null}" };
        var tools = new Option<string>("--tools") { Description = "Tool registry YAML (default: .outloop/tools.yaml)" };
        var synthetic = new Option<int>("--synthetic") { Description = "Add this many synthetic targets when measuring latency (e.g. 10000)" };
        var minConfidence = new Option<int?>("--min-confidence") { Description = "Route at this confidence or above (default 70)" };
        var json = new Option<bool>("--json") { Description = "Write stable, documented JSON instead of text" };
        var command = new Command("routing", "Measure routing accuracy and decision latency on labelled requests")
        {
            cases, tools, synthetic, minConfidence, json,
        };
        command.SetAction(parse =>
        {
            var registry = ToolRegistryFile.Load(parse.GetValue(tools) ?? ToolRegistryFile.DefaultPath);
            var options = new RoutingOptions { MinConfidence = parse.GetValue(minConfidence) ?? 70 };
            var targets = RouteTarget.FromRegistry(registry);
            var router = Router.Build(targets, options);
            var extra = parse.GetValue(synthetic);
            if (extra < 0)
            {
                throw new OutloopException("--synthetic must be zero or more.");
            }

            var latencyRouter = extra > 0 ? Router.Build(targets.Concat(SyntheticTargets.Generate(extra)), options) : null;
            var report = RoutingBenchmark.Run(router, RoutingCase.Load(parse.GetValue(cases)!), latencyRouter);
            if (parse.GetValue(json))
            {
                WriteJson(console.Out, report);
            }
            else
            {
                WriteText(console.Out, report);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The documented shape: cases, accuracy, abstentionAccuracy, wrongRoutes, perTool, latencyP99Ms.</summary>
    internal static void WriteJson(TextWriter output, RoutingBenchReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("cases", report.Cases);
            writer.WriteNumber("accuracy", Math.Round(report.Accuracy, 4));
            writer.WriteNumber("abstentionAccuracy", Math.Round(report.AbstentionAccuracy, 4));
            writer.WriteNumber("wrongRoutes", report.WrongRoutes);
            writer.WriteStartObject("perTool");
            foreach (var (tool, score) in report.PerTool)
            {
                writer.WriteStartObject(tool);
                writer.WriteNumber("precision", Math.Round(score.Precision, 4));
                writer.WriteNumber("recall", Math.Round(score.Recall, 4));
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteNumber("latencyP99Ms", Math.Round(report.LatencyP99Ms, 4));
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteText(TextWriter output, RoutingBenchReport report)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"cases {report.Cases}  accuracy {report.Accuracy:0.000}  abstention accuracy {report.AbstentionAccuracy:0.000}  wrong routes {report.WrongRoutes}"));
        output.WriteLine(string.Create(c, $"decision latency p50 {report.LatencyP50Ms:0.0000} ms  p99 {report.LatencyP99Ms:0.0000} ms  ({report.LatencySamples} decisions, {report.LatencyTargets} targets)"));
        output.WriteLine(string.Create(c, $"process cpu per decision (mean) {report.CpuMeanMs:0.0000} ms"));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"{"tool",-24} {"precision",9} {"recall",7}"));
        foreach (var (tool, score) in report.PerTool)
        {
            output.WriteLine(string.Create(c, $"{tool,-24} {score.Precision,9:0.000} {score.Recall,7:0.000}"));
        }

        var misses = report.Results.Where(r => !r.Correct).ToList();
        if (misses.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("misses:");
            foreach (var miss in misses)
            {
                output.WriteLine(string.Create(c, $"  \"{miss.Case.Input}\": expected {miss.Case.Expected ?? "(abstain)"}, got {miss.Chosen ?? "(abstain)"}"));
                output.WriteLine($"    {miss.Decision.Why}");
            }
        }
    }
}
