using Outloop.Ingestion;
using Outloop.Reporting.Pricing;
using Outloop.Storage;

namespace Outloop.Tests.Automation.Simulation;

/// <summary>Writes hand-made sessions (each with its own start), tasks, requests and shell calls into a real store.</summary>
internal sealed class SimulationStoreBuilder(SqliteStore store)
{
    public const string Model = "test-model";

    /// <summary>$3 / $15 / $0.30 per million input, output and cache-read tokens.</summary>
    public static readonly ModelPrice Price = new(0.000003m, 0.000015m, 0.00000375m, 0.0000003m);

    public static readonly PriceTable Prices = new(new Dictionary<string, ModelPrice> { [Model] = Price });

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A session starting at <paramref name="at"/> with one task of the same id plus <c>-t</c>.</summary>
    public void Session(string id, DateTimeOffset at)
    {
        using var writer = store.BeginWrite();
        writer.UpsertSession(new SessionRecord(id, "claude", "/p", "/p", at, at.AddHours(1)));
        writer.UpsertTask(new TaskRecord(id + "-t", id, "claude", "work", at));
        writer.Commit();
    }

    public void Request(string session, string id, DateTimeOffset at, long output)
    {
        using var writer = store.BeginWrite();
        writer.UpsertModelRequest(new ModelRequestRecord(id, session, session + "-t", "claude", Model, at, new TokenCounts(10, output, 0, 0, 0)));
        writer.Commit();
    }

    public void Bash(string session, string id, string command, DateTimeOffset at, string result, string request, bool success = true)
    {
        using var writer = store.BeginWrite();
        writer.UpsertToolCall(new ToolCallRecord(id, session, session + "-t", "claude", "Bash", at, "{\"command\":\"" + command + "\"}",
            ResultText: success ? result : null, ErrorText: success ? null : result, Success: success, RequestId: request, EndedAt: at.AddSeconds(1)));
        writer.Commit();
    }

    /// <summary>
    /// A session whose one request (<paramref name="output"/> tokens) issues <paramref name="command"/>, then
    /// <paramref name="readers"/> requests follow: the first reads the result, the others re-read it (k = readers - 1).
    /// </summary>
    public void OneCall(string session, DateTimeOffset at, string command, string result, long output, int readers)
    {
        Session(session, at);
        Request(session, session + "-r", at, output);
        Bash(session, session + "-c", command, at.AddSeconds(1), result, session + "-r");
        for (var i = 0; i < readers; i++)
        {
            Request(session, $"{session}-r{i}", at.AddSeconds(10 * (i + 1)), 10);
        }
    }

    /// <summary>A pytest run of <paramref name="tests"/> passing tests, well above the compactor's 400-token floor.</summary>
    public static string PytestOutput(int tests)
    {
        var lines = new List<string>
        {
            "============================= test session starts ==============================",
            "platform linux -- Python 3.12.1, pytest-8.0.0, pluggy-1.4.0",
            "rootdir: /p",
            $"collected {tests} items",
            "",
        };
        for (var i = 0; i < tests; i++)
        {
            lines.Add($"tests/test_module.py::test_case_number_{i} PASSED                                [{(i + 1) * 100 / tests,3}%]");
        }

        lines.Add("");
        lines.Add($"============================== {tests} passed in 1.23s ==============================");
        return string.Join('\n', lines);
    }
}
