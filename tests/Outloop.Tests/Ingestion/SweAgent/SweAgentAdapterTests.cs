using System.Text.Json.Nodes;
using Outloop.Ingestion.SweAgent;
using Outloop.Tests.Support;

namespace Outloop.Tests.Ingestion.SweAgent;

public sealed class SweAgentAdapterTests
{
    private static readonly string[] Markers =
    [
        "Traceback (most recent call last)", "command not found", "No such file or directory",
        "Your proposed edit has introduced new syntax error", "SyntaxError: ", "No replacement was performed",
        "Permission denied", "Usage: ",
    ];

    [Fact]
    public void EveryRealTrajectoryImportsWithCountsEqualToADirectJsonWalk()
    {
        var root = SharedData.Require("swe-agent");
        var files = Directory.GetFiles(root, "*.traj", SearchOption.AllDirectories);
        using var temp = new TempFolder();
        var adapter = new SweAgentAdapter();
        Assert.All(files, f => Assert.True(AdapterHarness.Claims(adapter, f), f));

        var logs = AdapterHarness.Import(adapter, files, temp.File("store.db"));

        Assert.All(logs, l => Assert.Empty(l.Problems));
        var (steps, failed) = (0, 0);
        foreach (var file in files)
        {
            var doc = JsonNode.Parse(File.ReadAllText(file))!;
            var observations = doc["trajectory"] is JsonArray { Count: > 0 } trajectory
                ? trajectory.Select(s => (string?)s!["observation"] ?? string.Empty).ToList()
                : ((JsonArray)doc["history"]!).Where(m => (string?)m!["role"] == "tool").Select(m => (string?)m!["content"] ?? string.Empty).ToList();
            steps += observations.Count;
            failed += observations.Count(o => o.StartsWith("Error", StringComparison.Ordinal) || Markers.Any(o.Contains));
        }

        Assert.Equal((files.Length, files.Length, steps, failed), AdapterHarness.Counts(temp.File("store.db"), "swe-agent"));
        Assert.Equal(22, files.Length);
    }

    [Fact]
    public void RealRunsKeepTheirReportedCostAndModel()
    {
        var root = SharedData.Require("swe-agent");
        using var temp = new TempFolder();
        AdapterHarness.Import(new SweAgentAdapter(), Directory.GetFiles(root, "*.traj", SearchOption.AllDirectories), temp.File("store.db"));

        var costs = AdapterHarness.Strings(temp.File("store.db"),
            "SELECT model || ' ' || input_tokens || ' ' || output_tokens || ' ' || source_cost_usd FROM model_requests WHERE source_cost_usd > 0 ORDER BY source_cost_usd");
        Assert.Equal(["gpt-4o 7141 243 0.01952", "gpt4 52861 326 0.53839", "gpt4 122612 1369 1.26719"], costs);
        Assert.Equal(["converged 21", "unknown 1"], AdapterHarness.Strings(temp.File("store.db"), "SELECT outcome || ' ' || count(*) FROM tasks GROUP BY outcome ORDER BY outcome"));
    }

    [Fact]
    public void HeldOutTrajectoriesOfBothVersionsImportTheSameWayAndReimportChangesNothing()
    {
        using var temp = new TempFolder();
        var old = temp.Write("run/x__y-1.traj", SweAgentSamples.ZeroX);
        temp.Write("run/args.yaml", "agent:\n  model:\n    model_name: gpt4\n");
        var current = temp.Write("exp/a__b-2/a__b-2.traj", SweAgentSamples.OneX);
        var store = temp.File("store.db");

        AdapterHarness.Import(new SweAgentAdapter(), [old, current], store);
        var before = AdapterHarness.Fingerprint(store);
        AdapterHarness.Import(new SweAgentAdapter(), [old, current], store);

        Assert.Equal(before, AdapterHarness.Fingerprint(store));
        Assert.Equal((2, 2, 6, 2), AdapterHarness.Counts(store, "swe-agent"));
        Assert.Equal(
            ["escalated exit_status=submitted (exit_cost) with a 19-character submission", "failed exit_status=exit_format with no submission"],
            AdapterHarness.Strings(store, "SELECT outcome || ' ' || outcome_evidence FROM tasks ORDER BY outcome"));
        Assert.Equal(
            ["src/app.py read", "src/app.py write", "tests search"],
            AdapterHarness.Strings(store, "SELECT path || ' ' || kind FROM file_accesses ORDER BY path, kind"));
        Assert.Equal(["gpt-4o-mini 0.12", "gpt4 0.5"], AdapterHarness.Strings(store, "SELECT model || ' ' || source_cost_usd FROM model_requests ORDER BY model"));
        Assert.DoesNotContain(AdapterHarness.Strings(store, "SELECT result_text || error_text || input_json FROM tool_calls"), t => t.Contains("ghp_", StringComparison.Ordinal));
    }
}
