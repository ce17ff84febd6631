using Outloop.Automation.Compaction;
using Outloop.Outputs;

namespace Outloop.Tests.Automation.Compaction;

/// <summary>
/// The compactor on the real test, build, lint and install outputs of recorded agent sessions
/// (<c>../shared/data</c>): nothing a failure needs is lost, and the recognised runners shrink.
/// Rule: outputs under <see cref="CompactOptions.ShortOutputTokens"/> are returned unchanged and left out of
/// the reduction figures; the 80% target is checked per runner on the rest, for runners with at least
/// 2,000 tokens of such outputs (below that one output decides the figure).
/// </summary>
public sealed class RealOutputCompactionTests
{
    private const long RunnerTokensForTarget = 2_000;

    [Fact]
    public void EveryFailingNameAndLocationIsKept()
    {
        var report = Run();
        Assert.True(report.Runners.Sum(r => r.MustKeep) > 100, "the data should hold failing tests");
        Assert.Empty(report.Misses);
    }

    [Fact]
    public void RecognisedRunnersLoseAtLeastEightyPercentOfTheirTokens()
    {
        var report = Run();
        var measured = report.Runners.Where(r => r.Runner != Runners.Generic && r.OriginalTokens >= RunnerTokensForTarget).ToList();
        Assert.Contains(measured, r => r.Runner == Runners.Pytest);
        Assert.Contains(measured, r => r.Runner == Runners.MixTest);
        Assert.All(measured, r => Assert.True(r.Reduction >= 0.8, $"{r.Runner}: {r.Reduction:P1} ({r.OriginalTokens} -> {r.CompactTokens})"));
    }

    [Fact]
    public void ShortOutputsAreReturnedUnchanged()
    {
        var options = new CompactOptions();
        foreach (var output in RealOutputCollector.Collect(DataRoot()).Take(300))
        {
            var result = OutputCompactor.Compact(output.Command, output.Output, output.ExitCode, options);
            if (result.OriginalTokens < options.ShortOutputTokens)
            {
                Assert.Equal(output.Output, result.Text);
            }
            else
            {
                Assert.True(result.CompactTokens <= result.OriginalTokens, output.Source);
            }
        }
    }

    private static CompactionBenchmarkReport Run()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"outloop-real-{Guid.NewGuid().ToString("N")[..8]}");
        try
        {
            return CompactionBenchmark.Run(RealOutputCollector.Collect(DataRoot()), new CompactOptions { FullOutputDirectory = folder });
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string DataRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Outloop.slnx")))
            {
                var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                if (Directory.Exists(data))
                {
                    return data;
                }

                break;
            }
        }

        Assert.Skip("../shared/data is absent: the real-output compaction checks need the shared data folder.");
        return string.Empty;
    }
}
