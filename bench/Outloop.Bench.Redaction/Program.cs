using System.Diagnostics;
using System.Text;
using Outloop.Ingestion.Redaction;

// Redaction throughput on real text: every line of every *.jsonl under the folder, redacted one line at a time
// (as the importer and the hook call it) and as whole files. Prints MB/s of UTF-8 input, median of the rounds.
var folder = args.Length > 0 ? args[0] : "../shared/data/claude";
var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15;
var files = Directory.EnumerateFiles(folder, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
var contents = files.Select(File.ReadAllText).ToList();
var lines = contents.SelectMany(c => c.Split('\n')).Where(l => l.Length > 0).ToList();
var bytes = contents.Sum(c => (long)Encoding.UTF8.GetByteCount(c));
Console.WriteLine($"{files.Count} files, {lines.Count} lines, {bytes / 1e6:F1} MB");

var triggered = lines.Count(l => SecretRedactor.MayContainSecret(l));
var changed = lines.Where(l => !ReferenceEquals(SecretRedactor.Redact(l), l)).ToList();
Console.WriteLine($"lines with a trigger: {triggered}; lines changed by redaction: {changed.Count}");
foreach (var line in changed.Take(10))
{
    var redacted = SecretRedactor.Redact(line);
    var at = redacted.IndexOf("[REDACTED:", StringComparison.Ordinal);
    Console.WriteLine($"  ...{redacted.Substring(Math.Max(0, at - 60), Math.Min(120, redacted.Length - Math.Max(0, at - 60)))}...");
}

Measure("pre-check only, per line", () =>
{
    var n = 0;
    foreach (var line in lines)
    {
        n += SecretRedactor.MayContainSecret(line) ? 1 : 0;
    }

    return n;
});
Measure("Redact, per line", () =>
{
    var n = 0;
    foreach (var line in lines)
    {
        n += SecretRedactor.Redact(line).Length;
    }

    return n;
});
Measure("Redact, whole file", () =>
{
    var n = 0;
    foreach (var content in contents)
    {
        n += SecretRedactor.Redact(content).Length;
    }

    return n;
});
var clean = lines.Where(l => !SecretRedactor.MayContainSecret(l)).ToList();
var cleanBytes = clean.Sum(l => (long)Encoding.UTF8.GetByteCount(l));
Measure("Redact, per line, lines without a trigger only", () =>
{
    var n = 0;
    foreach (var line in clean)
    {
        n += SecretRedactor.Redact(line).Length;
    }

    return n;
}, cleanBytes);

void Measure(string name, Func<int> run, long? size = null)
{
    var total = size ?? bytes;
    run();
    var times = new List<double>();
    for (var i = 0; i < rounds; i++)
    {
        var watch = Stopwatch.StartNew();
        run();
        times.Add(watch.Elapsed.TotalSeconds);
    }

    times.Sort();
    Console.WriteLine($"{name,-50} median {total / times[times.Count / 2] / 1e6,8:F0} MB/s   best {total / times[0] / 1e6,8:F0} MB/s");
}

// Per rule: the time its pattern takes on the lines where its trigger fired (reflection: the rules are private).
if (Environment.GetEnvironmentVariable("OUTLOOP_BENCH_RULES") == "1")
{
    var rulesField = typeof(SecretRedactor).GetField("Rules", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
    var rules = (RedactionRule[])rulesField.GetValue(null)!;
    foreach (var rule in rules)
    {
        var hit = lines.Where(l => rule.Triggers.Any(t => l.Contains(t, rule.Comparison))).ToList();
        var size = hit.Sum(l => (long)l.Length);
        var watch = Stopwatch.StartNew();
        var n = 0;
        for (var r = 0; r < 5; r++)
        {
            foreach (var line in hit)
            {
                n += rule.Pattern.Count(line);
            }
        }

        Console.WriteLine($"{rule.Pattern.GetType().Name[^16..],-16} {hit.Count,5} lines {size / 1e6,6:F2} MB {watch.Elapsed.TotalMilliseconds / 5,8:F2} ms");
    }
}
