using System.Globalization;
using Outloop.Automation.Routing;
using Outloop.Automation.Tools;

namespace Outloop.Bench;

/// <summary>
/// <c>routing-sets --sets A.jsonl,B.jsonl [--tools FILE] [--dump FILE] [--slowest-with N]</c>: scores the router with
/// <see cref="RoutingBenchmark"/> on several labelled sets in one process
/// (accuracy, abstention accuracy, wrong routes per set) and optionally writes every decision as TSV (set, expected,
/// chosen, best target, confidence, input, why) to study where a change of the router wins or loses; with
/// --slowest-with N, also the five slowest requests of each set on a router holding N more synthetic targets.
/// </summary>
internal static class RoutingSetsCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var options = new BenchArgs(args);
        var targets = RouteTarget.FromRegistry(ToolRegistryFile.Load(options.Get("tools") ?? "../shared/data/routing/tools.yaml"));
        var router = Router.Build(targets);
        var synthetic = options.Int("slowest-with", 0);
        var timed = synthetic > 0 ? Router.Build(targets.Concat(SyntheticTargets.Generate(synthetic))) : null;
        var dumpPath = options.Get("dump");
        using var dump = dumpPath is null ? null : new StreamWriter(dumpPath);
        foreach (var set in options.Required("sets").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var cases = RoutingCase.Load(set);
            var report = RoutingBenchmark.Run(router, cases, minSamples: 1);
            var name = Path.GetFileNameWithoutExtension(set);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-28} cases {report.Cases,4}  accuracy {report.Accuracy:F3}  abstention {report.AbstentionAccuracy:F3}  wrong {report.WrongRoutes}"));
            if (timed is not null)
            {
                // The slowest requests at this many targets: the median of 50 timed decisions each, after a warm-up.
                var slowest = cases.Select(c =>
                {
                    var samples = new double[50];
                    timed.Decide(c.Input);
                    for (var k = 0; k < samples.Length; k++)
                    {
                        var start = System.Diagnostics.Stopwatch.GetTimestamp();
                        timed.Decide(c.Input);
                        samples[k] = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    }

                    Array.Sort(samples);
                    return (c.Input, Median: samples[samples.Length / 2]);
                }).OrderByDescending(x => x.Median).Take(5);
                foreach (var (input, median) in slowest)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {median,8:F3} ms  {input}"));
                }
            }

            foreach (var (c, d) in report.Results)
            {
                dump?.WriteLine(string.Join('\t', name, c.Expected ?? "-", d.Target?.Tool.Name ?? "-", d.Best?.Tool.Name ?? "-",
                    d.Confidence.ToString(CultureInfo.InvariantCulture), c.Input.Replace('\t', ' ').Replace("\n", " | ", StringComparison.Ordinal), d.Why));
            }
        }

        return 0;
    }
}
