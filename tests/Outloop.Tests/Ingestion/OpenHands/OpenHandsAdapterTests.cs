using System.Text.Json.Nodes;
using Outloop.Ingestion.OpenHands;
using Outloop.Tests.Support;

namespace Outloop.Tests.Ingestion.OpenHands;

public sealed class OpenHandsAdapterTests
{
    private static readonly string[] ControlActions =
        ["message", "system", "recall", "null", "change_agent_state", "pause", "resume", "stop", "condensation", "start", "reject", "condensation_request"];

    private static readonly string[] ToolObservations =
        ["read", "write", "edit", "browse", "run", "run_ipython", "delegate", "error", "think", "user_rejected", "mcp", "download", "task_tracking", "loop_detection", "file_download"];

    [Fact]
    public void EveryRealRunImportsWithCountsEqualToADirectJsonWalk()
    {
        var root = SharedData.Require("openhands");
        var adapter = new OpenHandsAdapter();
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Where(f => AdapterHarness.Claims(adapter, f)).ToList();
        Assert.Equal(
            ["multi_swe_bench/output.jsonl", "resolver/output.jsonl", "runtime_trajs/basic.json", "runtime_trajs/basic_gui_mode.json",
             "runtime_trajs/basic_interactions.json", "runtime_trajs/wrong_initial_state.json"],
            files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        using var temp = new TempFolder();

        var logs = AdapterHarness.Import(adapter, files, temp.File("store.db"));

        Assert.All(logs, l => Assert.Empty(l.Problems));
        var runs = new List<JsonArray>();
        foreach (var file in files)
        {
            if (file.EndsWith(".jsonl", StringComparison.Ordinal))
            {
                runs.AddRange(File.ReadLines(file).Where(l => l.Length > 0).Select(l => (JsonArray)JsonNode.Parse(l)!["history"]!));
            }
            else
            {
                runs.Add((JsonArray)JsonNode.Parse(File.ReadAllText(file))!);
            }
        }

        var (calls, failed) = (0, 0);
        foreach (var ev in runs.SelectMany(r => r).Select(e => e!))
        {
            if ((string?)ev["action"] is { } action && !ControlActions.Contains(action))
            {
                calls++;
            }

            if ((string?)ev["observation"] is not { } observation || !ToolObservations.Contains(observation))
            {
                continue;
            }

            if (observation == "error" && ev["cause"] is null && ev["id"] is not null)
            {
                calls++;
            }

            var exit = ev["extras"]?["metadata"]?["exit_code"] ?? ev["exit_code"];
            var bad = observation is "error" or "user_rejected"
                      || (ev["success"] is { } s ? !(bool)s : exit is not null && exit.ToString() != "0");
            failed += bad ? 1 : 0;
        }

        Assert.Equal((runs.Count, runs.Count, calls, failed), AdapterHarness.Counts(temp.File("store.db"), "openhands"));
        Assert.Equal(9, runs.Count);
    }

    [Fact]
    public void RealRunsGetOutcomesFromTheirFlagsAndCostsFromTheLatestTotals()
    {
        var root = SharedData.Require("openhands");
        using var temp = new TempFolder();
        var store = temp.File("store.db");
        AdapterHarness.Import(new OpenHandsAdapter(), [Path.Combine(root, "resolver", "output.jsonl"), Path.Combine(root, "multi_swe_bench", "output.jsonl")], store);

        Assert.Equal(
            ["converged", "converged", "converged", "converged", "escalated"],
            AdapterHarness.Strings(store, "SELECT outcome FROM tasks ORDER BY outcome"));
        Assert.Equal(["0.070713", "1.152933"], AdapterHarness.Strings(store, "SELECT source_cost_usd FROM model_requests WHERE source_cost_usd > 0 ORDER BY 1"));
        Assert.Equal(3, AdapterHarness.Scalar(store, "SELECT count(*) FROM model_requests WHERE model = 'openai/openrouter-llama-4-maverick' AND input_tokens > 400000"));
    }

    [Fact]
    public void AnEventFolderImportsAsOneSessionInAnyOrderAndReimportChangesNothing()
    {
        using var temp = new TempFolder();
        var files = OpenHandsSamples.WriteEventFolder(temp.File("sessions/abc123"));
        var store = temp.File("store.db");

        AdapterHarness.Import(new OpenHandsAdapter(), files.AsEnumerable().Reverse(), store);
        var before = AdapterHarness.Fingerprint(store);
        AdapterHarness.Import(new OpenHandsAdapter(), files, store);

        Assert.Equal(before, AdapterHarness.Fingerprint(store));
        Assert.Equal((1, 1, 4, 2), AdapterHarness.Counts(store, "openhands"));
        Assert.Equal(["unknown Fix the login bug"], AdapterHarness.Strings(store, "SELECT outcome || ' ' || description FROM tasks"));
        Assert.Equal(["claude-sonnet-4 900 60 100 0.3"], AdapterHarness.Strings(store,
            "SELECT model || ' ' || input_tokens || ' ' || output_tokens || ' ' || cache_read_tokens || ' ' || source_cost_usd FROM model_requests"));
        Assert.Equal(["/w/app.py read", "/w/app.py write"], AdapterHarness.Strings(store, "SELECT path || ' ' || kind FROM file_accesses ORDER BY kind"));
        Assert.DoesNotContain(AdapterHarness.Strings(store, "SELECT input_json FROM tool_calls"), t => t.Contains("hunter2hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void AnOutputFileIsReadIncrementallyOneRunPerLineWithBadLinesReported()
    {
        using var temp = new TempFolder();
        const string Run =
            """{"instance_id": "ID", "instruction": "Fix ID", "history": [{"id": 1, "source": "agent", "action": "run", "args": {"command": "make"}}, {"id": 2, "source": "agent", "cause": 1, "observation": "run", "content": "ok", "extras": {"metadata": {"exit_code": 0}}}, {"id": 3, "source": "agent", "action": "finish", "args": {}}], "metrics": {"accumulated_cost": 0.25}, "test_result": {"report": {"resolved": RESOLVED}}, "error": null}""";
        var path = temp.Write("eval/output.jsonl", Run.Replace("ID", "a-1", StringComparison.Ordinal).Replace("RESOLVED", "true", StringComparison.Ordinal) + "\n{not json\n");
        var store = temp.File("store.db");
        var first = AdapterHarness.Import(new OpenHandsAdapter(), [path], store);
        File.AppendAllText(path, Run.Replace("ID", "b-2", StringComparison.Ordinal).Replace("RESOLVED", "false", StringComparison.Ordinal) + "\n");

        var second = AdapterHarness.Import(new OpenHandsAdapter(), [path], store);

        Assert.Equal((2, 1), (first[0].Lines, first[0].Skipped));
        Assert.Equal((1, 0), (second[0].Lines, second[0].Skipped));
        Assert.Equal((2, 2, 4, 0), AdapterHarness.Counts(store, "openhands"));
        Assert.Equal(["converged Fix a-1", "failed Fix b-2"], AdapterHarness.Strings(store, "SELECT outcome || ' ' || description FROM tasks ORDER BY 1"));
        Assert.Equal(["0.25", "0.25"], AdapterHarness.Strings(store, "SELECT source_cost_usd FROM model_requests"));
    }

    [Fact]
    public void AnEventAddedLaterUpdatesTheRunTotalsToTheNewestSnapshot()
    {
        using var temp = new TempFolder();
        var files = OpenHandsSamples.WriteEventFolder(temp.File("sessions/abc123"));
        var store = temp.File("store.db");
        AdapterHarness.Import(new OpenHandsAdapter(), files, store);

        var added = OpenHandsSamples.AddEvent(temp.File("sessions/abc123"), 8,
            """{"id": 8, "timestamp": "2025-01-01T10:00:09", "source": "agent", "action": "run", "args": {"command": "ls"}, "llm_metrics": {"accumulated_cost": 0.5, "accumulated_token_usage": {"model": "claude-sonnet-4", "prompt_tokens": 2000, "completion_tokens": 90, "cache_read_tokens": 100}}}""");
        AdapterHarness.Import(new OpenHandsAdapter(), [added], store);

        Assert.Equal(["1900 90 0.5"], AdapterHarness.Strings(store, "SELECT input_tokens || ' ' || output_tokens || ' ' || source_cost_usd FROM model_requests"));
    }
}
