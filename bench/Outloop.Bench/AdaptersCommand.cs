using System.Diagnostics;
using Outloop.Ingestion;
using Outloop.Ingestion.Aider;
using Outloop.Ingestion.MiniSweAgent;
using Outloop.Ingestion.OpenHands;
using Outloop.Ingestion.SweAgent;
using Outloop.Storage;

namespace Outloop.Bench;

/// <summary>
/// Import speed of each trajectory adapter on a multiplied corpus: the real files of one source copied N times
/// (each copy under its own folder and with its instance ids renamed, so every copy is new rows), imported into a
/// fresh store one file per transaction as <c>outloop import</c> does; prints the median of the rounds in MB/s.
/// </summary>
internal static class AdaptersCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var options = new BenchArgs(args);
        var data = options.Get("data") ?? Path.Combine("..", "shared", "data");
        var copies = options.Int("copies", 20);
        var rounds = options.Int("rounds", 3);
        var only = options.Get("adapter");
        var oneTransaction = options.Int("one-transaction", 0) == 1;
        var parseOnly = options.Int("parse-only", 0) == 1;
        if (options.Get("out") is { } keep)
        {
            // Only writes the multiplied corpus (to time `outloop import <format> DIR` on it, CPU and memory included).
            foreach (var (adapter, folder) in Sources().Where(s => only is null || only == s.Adapter.Format))
            {
                var written = Multiply(adapter, Path.Combine(data, folder), Path.Combine(keep, folder), copies);
                output.WriteLine($"{adapter.Format}: {written.Count} files, {written.Sum(f => new FileInfo(f).Length) / 1e6:F1} MB in {Path.Combine(keep, folder)}");
            }

            return 0;
        }

        var work = Path.Combine(Path.GetTempPath(), "outloop-adapters-bench-" + Environment.ProcessId);
        try
        {
            foreach (var (adapter, folder) in Sources())
            {
                if (only is not null && only != adapter.Format)
                {
                    continue;
                }

                var files = Multiply(adapter, Path.Combine(data, folder), Path.Combine(work, folder), copies);
                var bytes = files.Sum(f => new FileInfo(f).Length);
                var speeds = new List<double>();
                for (var round = 0; round < rounds; round++)
                {
                    var store = Path.Combine(work, $"{adapter.Format}-{round}.db");
                    var watch = Stopwatch.StartNew();
                    var rows = parseOnly ? Parse(adapter, files) : Import(adapter, files, store, oneTransaction);
                    watch.Stop();
                    speeds.Add(bytes / 1e6 / watch.Elapsed.TotalSeconds);
                    output.WriteLine($"  {adapter.Format} round {round + 1}: {watch.Elapsed.TotalSeconds:F2} s, {rows} tool calls");
                }

                speeds.Sort();
                output.WriteLine(
                    $"{adapter.Format}: {files.Count} files, {bytes / 1e6:F1} MB, median {speeds[speeds.Count / 2]:F0} MB/s " +
                    $"(min {speeds[0]:F0}, max {speeds[^1]:F0}), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        return 0;
    }

    private static (ISourceAdapter Adapter, string Folder)[] Sources() =>
    [
        (new SweAgentAdapter(), "swe-agent"),
        (new MiniSweAgentAdapter(), "mini-swe-agent"),
        (new OpenHandsAdapter(), "openhands"),
        (new AiderAdapter(), "aider"),
    ];

    /// <summary>Copies every file the adapter reads N times, renaming instance ids (file names and their mentions).</summary>
    private static List<string> Multiply(ISourceAdapter adapter, string from, string to, int copies)
    {
        var originals = Directory.GetFiles(from, "*", SearchOption.AllDirectories).Where(f => Claims(adapter, f)).ToList();
        var files = new List<string>();
        for (var copy = 0; copy < copies; copy++)
        {
            foreach (var original in originals)
            {
                var relative = Path.GetRelativePath(from, original);
                var name = Path.GetFileName(relative);
                var dot = name.IndexOf('.', StringComparison.Ordinal);
                var stem = dot > 0 ? name[..dot] : name;
                var renamed = $"c{copy}-{name}";
                var target = Path.Combine(to, $"copy{copy}", Path.GetDirectoryName(relative) ?? string.Empty, renamed);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var text = File.ReadAllText(original);
                File.WriteAllText(target, stem.Length > 3 ? text.Replace($"\"{stem}\"", $"\"c{copy}-{stem}\"", StringComparison.Ordinal) : text);
                files.Add(target);
            }
        }

        return files;
    }

    private static bool Claims(ISourceAdapter adapter, string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[Math.Min(stream.Length, 64 * 1024)];
        stream.ReadExactly(head);
        return adapter.CanRead(path, head);
    }

    /// <summary>Runs the adapter into a writer that keeps nothing: the adapter's own cost without SQLite.</summary>
    private static long Parse(ISourceAdapter adapter, List<string> files)
    {
        var writer = new NullStoreWriter();
        foreach (var path in files)
        {
            var info = new FileInfo(path);
            adapter.Import(new SourceFile(path, info.Length, info.LastWriteTimeUtc, null), writer, new ImportLog(path, strict: false));
        }

        return writer.ToolCalls;
    }

    /// <summary>Imports one file per transaction (as a first import of many small files would), or all in one.</summary>
    private static long Import(ISourceAdapter adapter, List<string> files, string storePath, bool oneTransaction)
    {
        using var store = SqliteStore.Open(storePath);
        var writer = store.BeginWrite();
        foreach (var path in files)
        {
            var info = new FileInfo(path);
            var log = new ImportLog(path, strict: false);
            writer.SaveFileState(adapter.Import(new SourceFile(path, info.Length, info.LastWriteTimeUtc, null), writer, log));
            if (!oneTransaction)
            {
                writer.Commit();
                writer.Dispose();
                writer = store.BeginWrite();
            }
        }

        writer.Commit();
        writer.Dispose();

        return store.Counts().GetValueOrDefault("tool_calls");
    }
}
