using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Outloop.Ingestion.MiniSweAgent;
using Outloop.Tests.Support;

namespace Outloop.Tests.Ingestion.MiniSweAgent;

public sealed class MiniSweAgentAdapterTests
{
    [Fact]
    public void EveryRealTrajectoryImportsWithCountsEqualToADirectJsonWalk()
    {
        var root = SharedData.Require("mini-swe-agent");
        var files = Directory.GetFiles(Path.Combine(root, "trajs"), "*.traj.json");
        using var temp = new TempFolder();
        var adapter = new MiniSweAgentAdapter();
        Assert.All(files, f => Assert.True(AdapterHarness.Claims(adapter, f), f));

        var logs = AdapterHarness.Import(adapter, files, temp.File("store.db"));

        Assert.All(logs, l => Assert.Empty(l.Problems));
        var (calls, failed, requests) = (0, 0, 0);
        foreach (var file in files)
        {
            var messages = ((JsonArray)JsonNode.Parse(File.ReadAllText(file))!["messages"]!).Select(m => m!).ToList();
            for (var i = 0; i < messages.Count; i++)
            {
                if ((string?)messages[i]["role"] != "assistant")
                {
                    continue;
                }

                requests++;
                var content = (string)messages[i]["content"]!;
                if (content.Split("```bash").Length != 2)
                {
                    continue;
                }

                calls++;
                var next = (string)messages[i + 1]["content"]!;
                var code = Regex.Match(next, "<returncode>(\\d+)</returncode>");
                failed += (code.Success && code.Groups[1].Value != "0") || (!code.Success && next.Contains("timed out", StringComparison.Ordinal)) ? 1 : 0;
            }
        }

        var store = temp.File("store.db");
        Assert.Equal((70, 70, calls, failed), AdapterHarness.Counts(store, "mini-swe-agent"));
        Assert.Equal(requests, AdapterHarness.Scalar(store, "SELECT count(*) FROM model_requests"));
    }

    [Fact]
    public void OutcomesEqualTheLabelsBesideTheTrajectories()
    {
        var root = SharedData.Require("mini-swe-agent");
        using var temp = new TempFolder();
        AdapterHarness.Import(new MiniSweAgentAdapter(), Directory.GetFiles(Path.Combine(root, "trajs"), "*.traj.json"), temp.File("store.db"));

        var expected = File.ReadLines(Path.Combine(root, "labels.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Select(p => p[0] + " " + (bool.Parse(p[1]) ? "converged" : "failed"))
            .Order(StringComparer.Ordinal).ToList();
        var actual = AdapterHarness.Strings(temp.File("store.db"), "SELECT s.title || ' ' || t.outcome FROM tasks t JOIN sessions s ON s.id = t.session_id")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(70, expected.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void HeldOutTrajectoryImportsTheSameWayAndReimportChangesNothing()
    {
        using var temp = new TempFolder();
        var path = temp.Write("run/trajs/org__repo-7.traj.json", MiniSweAgentSamples.Trajectory);
        temp.Write("run/labels.csv", "instance_id,resolved\norg__repo-7,False\n");
        var store = temp.File("store.db");

        AdapterHarness.Import(new MiniSweAgentAdapter(), [path], store);
        var before = AdapterHarness.Fingerprint(store);
        AdapterHarness.Import(new MiniSweAgentAdapter(), [path], store);

        Assert.Equal(before, AdapterHarness.Fingerprint(store));
        Assert.Equal((1, 1, 3, 1), AdapterHarness.Counts(store, "mini-swe-agent"));
        Assert.Equal(["failed 2025-10-09T08:53:20.000Z"], AdapterHarness.Strings(store, "SELECT outcome || ' ' || started_at FROM tasks"));
        Assert.Equal(["m-1 100 20 30 0.001", "m-2 150 25 0 0.002", "m-3 200 5 0 0.003", "m-4 210 5 0 0.004"],
            AdapterHarness.Strings(store, "SELECT id || ' ' || input_tokens || ' ' || output_tokens || ' ' || cache_read_tokens || ' ' || source_cost_usd FROM model_requests ORDER BY id"));
    }
}
