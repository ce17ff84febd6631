using System.Globalization;
using System.Text;

namespace Outloop.Bench;

/// <summary>
/// <c>tasklog-corpus --out DIR --files N [--tasks K] [--from FILE]</c> multiplies the documented task-log example
/// (<c>docs/tasklog.example.jsonl</c>) into N files of K tasks each, every task, request and call with a fresh id.
/// </summary>
internal static class TaskLogCorpusCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var options = new BenchArgs(args);
        var source = options.Get("from") ?? "docs/tasklog.example.jsonl";
        var target = options.Required("out");
        var files = options.Int("files", 100);
        var tasks = options.Int("tasks", 1000);
        var example = File.ReadAllText(source);
        Directory.CreateDirectory(target);
        long bytes = 0;
        for (var f = 0; f < files; f++)
        {
            var path = Path.Combine(target, $"run-{f.ToString("0000", CultureInfo.InvariantCulture)}.tasklog.jsonl");
            using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
            {
                for (var t = 0; t < tasks; t++)
                {
                    var id = $"{f}-{t}";
                    writer.Write(example
                        .Replace("adw-run-2026-03-02", $"run-{f}", StringComparison.Ordinal)
                        .Replace("adw-42", $"task-{id}", StringComparison.Ordinal)
                        .Replace("\"req-", $"\"req-{id}-", StringComparison.Ordinal)
                        .Replace("\"call-", $"\"call-{id}-", StringComparison.Ordinal));
                }
            }

            bytes += new FileInfo(path).Length;
        }

        output.WriteLine($"wrote {files} task logs, {bytes / 1e6:0.0} MB (10^6 bytes) under {target}");
        return 0;
    }
}
