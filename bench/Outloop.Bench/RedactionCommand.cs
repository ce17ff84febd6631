using System.Diagnostics;
using System.Reflection;
using System.Text;
using Outloop.Ingestion.Redaction;

namespace Outloop.Bench;

/// <summary>
/// <c>redaction [--from DIR] [--rounds N] [--rules 1]</c>: secret redaction throughput on real text, every line of
/// every <c>*.jsonl</c> under DIR redacted one at a time (as the importer and the hook call it) and as whole files.
/// Prints MB/s of UTF-8 input: the median and the best of the rounds.
/// </summary>
internal static class RedactionCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var options = new BenchArgs(args);
        var folder = options.Get("from") ?? "../shared/data/claude";
        var rounds = options.Int("rounds", 15);
        var files = Directory.EnumerateFiles(folder, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var contents = files.Select(File.ReadAllText).ToList();
        var lines = contents.SelectMany(c => c.Split('\n')).Where(l => l.Length > 0).ToList();
        var bytes = contents.Sum(c => (long)Encoding.UTF8.GetByteCount(c));
        output.WriteLine($"{files.Count} files, {lines.Count} lines, {bytes / 1e6:F1} MB");

        var changed = lines.Where(l => !ReferenceEquals(SecretRedactor.Redact(l), l)).ToList();
        output.WriteLine($"lines with a trigger: {lines.Count(l => SecretRedactor.MayContainSecret(l))}; lines changed by redaction: {changed.Count}");
        foreach (var line in changed.Take(10))
        {
            var redacted = SecretRedactor.Redact(line);
            var at = Math.Max(0, redacted.IndexOf("[REDACTED:", StringComparison.Ordinal) - 60);
            output.WriteLine($"  ...{redacted.Substring(at, Math.Min(120, redacted.Length - at))}...");
        }

        var clean = lines.Where(l => !SecretRedactor.MayContainSecret(l)).ToList();
        Measure(output, "pre-check only, per line", rounds, bytes, () => lines.Sum(l => SecretRedactor.MayContainSecret(l) ? 1 : 0));
        Measure(output, "Redact, per line", rounds, bytes, () => lines.Sum(l => SecretRedactor.Redact(l).Length));
        Measure(output, "Redact, per line, lines without a trigger", rounds, clean.Sum(l => (long)Encoding.UTF8.GetByteCount(l)), () => clean.Sum(l => SecretRedactor.Redact(l).Length));
        Measure(output, "Redact, whole file", rounds, bytes, () => contents.Sum(c => SecretRedactor.Redact(c).Length));
        if (options.Get("rules") == "1")
        {
            RuleTimes(output, lines);
        }

        return 0;
    }

    private static void Measure(TextWriter output, string name, int rounds, long bytes, Func<int> run)
    {
        run();
        run();
        var times = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            times.Add(watch.Elapsed.TotalSeconds);
        }

        times.Sort();
        output.WriteLine($"{name,-45} median {bytes / times[times.Count / 2] / 1e6,7:F0} MB/s   best {bytes / times[0] / 1e6,7:F0} MB/s");
    }

    /// <summary>Per rule: the time its pattern takes on the lines where its trigger fired (the rules are private).</summary>
    private static void RuleTimes(TextWriter output, List<string> lines)
    {
        var rules = (RedactionRule[])typeof(SecretRedactor).GetField("Rules", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        foreach (var rule in rules)
        {
            var hit = lines.Where(l => rule.Triggers.Any(t => l.Contains(t, rule.Comparison))).ToList();
            var watch = Stopwatch.StartNew();
            for (var r = 0; r < 5; r++)
            {
                hit.ForEach(line => rule.Pattern.Count(line));
            }

            output.WriteLine($"{string.Join(",", rule.Triggers.Take(3)),-30} {hit.Count,5} lines {hit.Sum(l => (long)l.Length) / 1e6,6:F2} MB {watch.Elapsed.TotalMilliseconds / 5,8:F2} ms");
        }
    }
}
