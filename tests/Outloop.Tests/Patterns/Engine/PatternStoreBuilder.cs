using Outloop.Ingestion;
using Outloop.Reporting.Pricing;
using Outloop.Storage;

namespace Outloop.Tests.Patterns.Engine;

/// <summary>Writes hand-made sessions, tasks, requests and tool calls into a real store for the engine tests.</summary>
internal sealed class PatternStoreBuilder(SqliteStore store)
{
    public const string Model = "test-model";

    /// <summary>$3 / $15 / $0.30 per million input, output and cache-read tokens.</summary>
    public static readonly ModelPrice Price = new(0.000003m, 0.000015m, 0.00000375m, 0.0000003m);

    public static readonly PriceTable Prices = new(new Dictionary<string, ModelPrice> { [Model] = Price });

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public void Session(string id, string cwd = "/p", string agent = "claude")
    {
        using var writer = store.BeginWrite();
        writer.UpsertSession(new SessionRecord(id, agent, "/p", cwd, Start, null));
        writer.Commit();
    }

    public void Task(string session, string id, string description, DateTimeOffset at, TaskOutcome outcome = TaskOutcome.Unknown, string agent = "claude")
    {
        using var writer = store.BeginWrite();
        writer.UpsertTask(new TaskRecord(id, session, agent, description, at, Outcome: outcome));
        writer.Commit();
    }

    public void Request(string session, string task, string id, DateTimeOffset at, long output)
    {
        using var writer = store.BeginWrite();
        writer.UpsertModelRequest(new ModelRequestRecord(id, session, task, "claude", Model, at, new TokenCounts(10, output, 0, 0, 0)));
        writer.Commit();
    }

    public void Call(string session, string task, string id, string tool, string inputJson, DateTimeOffset at, bool success, string text, string? request = null)
    {
        using var writer = store.BeginWrite();
        writer.UpsertToolCall(new ToolCallRecord(id, session, task, "claude", tool, at, inputJson,
            ResultText: success ? text : null, ErrorText: success ? null : text, Success: success, RequestId: request, EndedAt: at.AddSeconds(1)));
        writer.Commit();
    }

    public void Bash(string session, string task, string id, string command, DateTimeOffset at, bool success, string text, string? request = null) =>
        Call(session, task, id, "Bash", "{\"command\":\"" + command + "\"}", at, success, text, request);

    public void Edit(string session, string task, string id, string file, DateTimeOffset at) =>
        Call(session, task, id, "Edit", "{\"file_path\":\"/p/" + file + "\",\"old_string\":\"a\",\"new_string\":\"b\"}", at, true, "ok");
}
