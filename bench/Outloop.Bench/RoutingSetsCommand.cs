using System.Globalization;
using Outloop.Automation.Routing;
using Outloop.Automation.Tools;

namespace Outloop.Bench;

/// <summary>
/// <c>routing-sets --sets A.jsonl,B.jsonl [--tools FILE] [--dump FILE]</c>: scores the router on several labelled sets in one process
/// (accuracy, abstention accuracy, wrong routes per set) and optionally writes every decision as TSV (set, expected,
/// chosen, best target, confidence, input, why) to study where a change of the router wins or loses.
/// </summary>
internal static class RoutingSetsCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var options = new BenchArgs(args);
        var router = Router.Build(RouteTarget.FromRegistry(ToolRegistryFile.Load(options.Get("tools") ?? "../shared/data/routing/tools.yaml")));
        var dumpPath = options.Get("dump");
        using var dump = dumpPath is null ? null : new StreamWriter(dumpPath);
        foreach (var set in options.Required("sets").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var cases = RoutingCase.Load(set);
            var decisions = cases.Select(c => (Case: c, Decision: router.Decide(c.Input))).ToList();
            var correct = decisions.Count(d => d.Decision.Routed ? d.Decision.Target!.Tool.Name == d.Case.Expected : d.Case.Expected is null);
            var nulls = decisions.Where(d => d.Case.Expected is null).ToList();
            var wrong = decisions.Count(d => d.Decision.Routed && d.Decision.Target!.Tool.Name != d.Case.Expected);
            var name = Path.GetFileNameWithoutExtension(set);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-28} cases {cases.Count,4}  accuracy {(double)correct / cases.Count:F3}  abstention {(nulls.Count == 0 ? 1 : (double)nulls.Count(d => !d.Decision.Routed) / nulls.Count):F3}  wrong {wrong}"));
            foreach (var (c, d) in decisions)
            {
                dump?.WriteLine(string.Join('\t', name, c.Expected ?? "-", d.Routed ? d.Target!.Tool.Name : "-", d.Best?.Tool.Name ?? "-",
                    d.Confidence.ToString(CultureInfo.InvariantCulture), c.Input.Replace('\t', ' '), d.Why));
            }
        }

        return 0;
    }
}
