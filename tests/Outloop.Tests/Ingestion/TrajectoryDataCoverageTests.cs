using Outloop.Ingestion;
using Outloop.Ingestion.Aider;
using Outloop.Ingestion.MiniSweAgent;
using Outloop.Ingestion.OpenHands;
using Outloop.Ingestion.SweAgent;
using Outloop.Tests.Support;

namespace Outloop.Tests.Ingestion;

public sealed class TrajectoryDataCoverageTests
{
    [Theory]
    [InlineData("swe-agent", "swe-agent")]
    [InlineData("mini-swe-agent", "mini-swe-agent")]
    [InlineData("openhands", "openhands")]
    [InlineData("aider", "aider")]
    public void EveryFileIsReadByExactlyItsAdapterOrIsAKnownCompanion(string folder, string format)
    {
        var root = SharedData.Require(folder);
        ISourceAdapter[] adapters = [new SweAgentAdapter(), new MiniSweAgentAdapter(), new OpenHandsAdapter(), new AiderAdapter()];

        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
        {
            var claimed = adapters.Where(a => AdapterHarness.Claims(a, file)).Select(a => a.Format).ToList();
            if (claimed.Count == 0)
            {
                Assert.True(TrajectoryCompanions.Reason(file) is not null, $"{file} is neither read nor a known companion");
            }
            else
            {
                Assert.Equal([format], claimed);
            }
        }
    }

    [Fact]
    public void ATrajectoryIsNeverTakenForACompanion()
    {
        Assert.Null(TrajectoryCompanions.Reason("/runs/trajectories/u/exp/a__b-1/a__b-1.traj"));
        Assert.Null(TrajectoryCompanions.Reason("/data/trajs/a__b-1.traj.json"));
        Assert.Null(TrajectoryCompanions.Reason("/evals/output.jsonl"));
        Assert.NotNull(TrajectoryCompanions.Reason("/data/labels.csv"));
    }
}
