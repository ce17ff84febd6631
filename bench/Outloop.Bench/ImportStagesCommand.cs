using System.Diagnostics;
using Outloop.Ingestion;
using Outloop.Ingestion.Claude;

namespace Outloop.Bench;

/// <summary>
/// Times the stages of a Claude import on a folder, to see where the time goes: reading lines only, reading and
/// parsing them (in parallel, as the importer does), and the whole import into a fresh store.
/// </summary>
internal static class ImportStagesCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var options = new BenchArgs(args);
        var from = options.Required("from");
        var files = ClaudeFileDiscovery.Find([from], pathsWereGiven: true);
        var bytes = files.Sum(f => new FileInfo(f.Path).Length);
        output.WriteLine($"{files.Count} files, {bytes / 1e6:F1} MB");

        Time(output, "read lines", bytes, () =>
        {
            long lines = 0;
            foreach (var file in files)
            {
                foreach (var batch in JsonlReader.ReadBatches(file.Path, 0, 1))
                {
                    lines += batch.Lines.Count;
                    batch.Dispose();
                }
            }

            return lines;
        });

        Time(output, "JsonDocument only (1 thread)", bytes, () =>
        {
            long parsed = 0;
            foreach (var file in files)
            {
                foreach (var batch in JsonlReader.ReadBatches(file.Path, 0, 1))
                {
                    foreach (var line in batch.Lines)
                    {
                        using var document = System.Text.Json.JsonDocument.Parse(batch.LineMemory(line));
                        parsed++;
                    }

                    batch.Dispose();
                }
            }

            return parsed;
        });

        Time(output, "line parser (1 thread)", bytes, () =>
        {
            long parsed = 0;
            foreach (var file in files)
            {
                foreach (var batch in JsonlReader.ReadBatches(file.Path, 0, 1))
                {
                    foreach (var line in batch.Lines)
                    {
                        ClaudeLineParser.Parse(batch.LineMemory(line));
                        parsed++;
                    }

                    batch.Dispose();
                }
            }

            return parsed;
        });

        Time(output, "read + parse (parallel)", bytes, () =>
        {
            long parsed = 0;
            Parallel.ForEach(files, file =>
            {
                foreach (var batch in JsonlReader.ReadBatches(file.Path, 0, 1))
                {
                    foreach (var line in batch.Lines)
                    {
                        try
                        {
                            ClaudeLineParser.Parse(batch.LineMemory(line));
                            Interlocked.Increment(ref parsed);
                        }
                        catch (FormatException)
                        {
                        }
                    }

                    batch.Dispose();
                }
            });
            return parsed;
        });

        var db = Path.Combine(Path.GetTempPath(), "outloop-bench-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            Time(output, "full import", bytes, () =>
            {
                using var store = Outloop.Storage.SqliteStore.Open(db);
                return new ClaudeImporter(store).Import([from], new ImportOptions()).Lines;
            });
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(db + suffix);
            }
        }

        return 0;
    }

    private static void Time(TextWriter output, string stage, long bytes, Func<long> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var count = work();
        clock.Stop();
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        output.WriteLine(
            $"{stage,-26} {clock.Elapsed.TotalSeconds,6:F2} s  {bytes / 1e6 / clock.Elapsed.TotalSeconds,7:F0} MB/s  " +
            $"cpu {cpuSeconds,6:F2} s  ({count} items)  peak {process.PeakWorkingSet64 >> 20} MB");
    }
}
