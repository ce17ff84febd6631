using Outloop.Patterns.Templates;

namespace Outloop.Tests.Patterns.Templates;

public sealed class LoghubBenchmarkTests
{
    [Fact]
    public void MinerBeatsTunedDrainOnEveryMeanOfTheEightLoghubSystems()
    {
        var data = SharedData.Folder("loghub2k");
        if (data is null)
        {
            Assert.Skip("../shared/data/loghub2k is absent: the Loghub benchmark cannot run here.");
        }

        var result = TemplateBenchmark.Run(data, passes: 1);

        Assert.Equal(8, result.Systems.Count);
        Assert.All(result.Systems, s => Assert.Equal(2000, s.Lines));
        // Drain with its hand-tuned per-system settings (BENCHMARK.md): GA 0.908, FGA 0.803, PA 0.366, FTA 0.315.
        Assert.True(result.Mean.Ga > 0.908, $"mean GA {result.Mean.Ga}");
        Assert.True(result.Mean.Fga > 0.803, $"mean FGA {result.Mean.Fga}");
        Assert.True(result.Mean.Pa > 0.366, $"mean PA {result.Mean.Pa}");
        Assert.True(result.Mean.Fta > 0.315, $"mean FTA {result.Mean.Fta}");
        Assert.True(result.Mean.Ga >= 0.95, $"mean GA {result.Mean.Ga} is below the 0.95 aim");
    }

    [Fact]
    public void ContentIsCutFromTheRawLogWithTheLogFormat()
    {
        var regex = LoghubDataset.HeaderRegex(@"<Date> <Time> - <Level>  \[<Node>:<Component>@<Id>\] - <Content>");
        var match = regex.Match("2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - Notification time out: 3200");

        Assert.True(match.Success);
        Assert.Equal("Notification time out: 3200", match.Groups["Content"].Value);
    }
}
