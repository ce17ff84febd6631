using System.CommandLine;
using System.Globalization;
using Outloop.Automation.Compaction;
using Outloop.Outputs;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop bench compaction</c>: measures output compaction on the test, build, lint and install outputs
/// found in recorded agent sessions, per runner: outputs, tokens before and after, and whether every failing
/// test name and error location was kept.
/// </summary>
internal static class BenchCompactionCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Option<string?>("--data")
        {
            Description = "Folder of recorded sessions (default: ../shared/data next to the repository, or $OUTLOOP_DATA)",
        };
        var threshold = new Option<int>("--threshold")
        {
            Description = "Outputs below this many tokens are returned unchanged and reported apart",
            DefaultValueFactory = _ => new CompactOptions().ShortOutputTokens,
        };
        var misses = new Option<bool>("--misses") { Description = "List every failing name or location that was lost" };
        var each = new Option<bool>("--each") { Description = "List every output above the threshold with its figures" };
        var show = new Option<string?>("--show") { Description = "Print the original and compact text of the outputs whose source contains this" };
        var command = new Command("compaction", "Measure output compaction on real agent outputs") { data, threshold, misses, each, show };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(data) ?? DefaultData()
                ?? throw new OutloopException("No data folder: pass --data <folder> (a folder laid out like shared/data).");
            if (!Directory.Exists(root))
            {
                throw new OutloopException($"Data folder {root} does not exist: pass --data <folder>.");
            }

            var outputs = RealOutputCollector.Collect(root);
            var folder = Path.Combine(Path.GetTempPath(), $"outloop-bench-{Guid.NewGuid().ToString("N")[..8]}");
            try
            {
                var options = new CompactOptions { FullOutputDirectory = folder, ShortOutputTokens = parse.GetValue(threshold) };
                if (parse.GetValue(show) is { } wanted)
                {
                    foreach (var o in outputs.Where(o => o.Source.Contains(wanted, StringComparison.Ordinal)))
                    {
                        var r = OutputCompactor.Compact(o.Command, o.Output, o.ExitCode, options);
                        console.Out.WriteLine($"##### {o.Source} [{r.Runner}] {r.OriginalTokens} -> {r.CompactTokens}\n$ {o.Command}\n{o.Output}\n##### compact:\n{r.Text}\n");
                    }

                    return 0;
                }

                var report = CompactionBenchmark.Run(outputs, options);
                Render(console.Out, report, outputs.Count, parse.GetValue(misses), parse.GetValue(each));
            }
            finally
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            return 0;
        });
        return command;
    }

    private static void Render(TextWriter output, CompactionBenchmarkReport report, int outputs, bool listMisses, bool listEach)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"{outputs} tool outputs; outputs under {report.ShortOutputTokens} tokens are returned unchanged and counted apart.");
        output.WriteLine($"{"runner",-14} {"outputs",7} {"short",5} {"orig tok",9} {"compact",8} {"reduced",7} {"kept",9}");
        foreach (var r in report.Runners)
        {
            var reduced = r.OriginalTokens == 0 ? "-" : r.Reduction.ToString("P1", c);
            var kept = r.MustKeep == 0 ? "-" : $"{r.Kept}/{r.MustKeep}";
            output.WriteLine($"{r.Runner,-14} {r.Outputs,7} {r.ShortOutputs,5} {r.OriginalTokens,9} {r.CompactTokens,8} {reduced,7} {kept,9}");
        }

        var all = report.Runners.Sum(r => r.MustKeep);
        output.WriteLine($"{"total",-14} {report.Runners.Sum(r => r.Outputs),7} {report.Runners.Sum(r => r.ShortOutputs),5} {report.OriginalTokens,9} {report.CompactTokens,8} {report.Reduction.ToString("P1", c),7} {$"{all - report.Misses.Count}/{all}",9}");
        output.WriteLine($"compaction time per output: median {report.MedianMicroseconds:F0} µs, max {report.MaxMicroseconds:F0} µs");
        if (listEach)
        {
            foreach (var o in report.Outputs)
            {
                var command = o.Command.ReplaceLineEndings(" ");
                output.WriteLine($"{o.Runner,-14} {o.Original,7} -> {o.Compact,6}  {command[..Math.Min(70, command.Length)]}  {o.Source}");
            }
        }

        if (listMisses)
        {
            foreach (var miss in report.Misses)
            {
                output.WriteLine($"missed {miss}");
            }
        }
    }

    private static string? DefaultData()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("OUTLOOP_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Outloop.slnx")))
            {
                var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return Directory.Exists(data) ? data : null;
            }
        }

        return null;
    }
}
