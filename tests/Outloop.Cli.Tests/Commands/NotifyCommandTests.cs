using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Outloop.Ingestion.Hooks;
using Outloop.Tests.Notify;

namespace Outloop.Cli.Tests.Commands;

/// <summary>The review trigger and task notifications through the CLI: after an import, and after a Stop hook (a real hook process).</summary>
public sealed class NotifyCommandTests : IDisposable
{
    private static readonly string CliAssembly = Path.Combine(AppContext.BaseDirectory, "Outloop.Cli.dll");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outloop-cli-tests", Guid.NewGuid().ToString("N"));

    public NotifyCommandTests() => Directory.CreateDirectory(Path.Combine(_folder, "project", ".outloop"));

    private string Project => Path.Combine(_folder, "project");

    private string Db => Path.Combine(_folder, "home", "outloop.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AnImportRunsTheReviewOnceAfterTasksTasksCameAndNotBefore()
    {
        WriteConfig("outerLoop:\n  triggers:\n    afterTasks: 3\n");

        var (firstExit, first, firstError) = await CliRun.Run("import", "tasklog", TaskLog("a", 2), "--project", Project, "--db", Db);
        var digests = Path.Combine(Project, ".outloop", "digests");
        var before = Directory.Exists(digests);
        var (secondExit, second, _) = await CliRun.Run("import", "tasklog", TaskLog("b", 2), "--project", Project, "--db", Db);
        var (_, json, _) = await CliRun.Run("review", "--project", Project, "--json", "--db", Db);

        Assert.True(firstExit == 0, firstError);
        Assert.Contains("Review: not due (2 tasks since the last review, fewer than outerLoop.triggers.afterTasks = 3", first, StringComparison.Ordinal);
        Assert.False(before);
        Assert.Equal(0, secondExit);
        Assert.Contains($"Review: ran for {Project}: ", second, StringComparison.Ordinal);
        Assert.Single(Directory.EnumerateFiles(digests, "*.md"));
        Assert.False(JsonDocument.Parse(json).RootElement.GetProperty("ran").GetBoolean());
    }

    [Fact]
    public async Task TriggersOffInConfigMeansTheImportOnlySaysSo()
    {
        WriteConfig("outerLoop:\n  triggers:\n    afterTasks: 1\n    enabled: false\n");

        var (exit, output, _) = await CliRun.Run("import", "tasklog", TaskLog("a", 2), "--project", Project, "--db", Db);

        Assert.Equal(0, exit);
        Assert.Contains("Review: automatic reviews are off (outerLoop.triggers.enabled = false).", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Project, ".outloop", "digests")));
    }

    [Fact]
    public async Task AStopHookStartsTheDetachedFollowUpWhichSendsTaskCompleteAndRunsTheDueReview()
    {
        using var receiver = new WebhookReceiver();
        WriteConfig($"""
            outerLoop:
              triggers:
                afterTasks: 1
            webhooks:
              - url: {receiver.Url}
                events: [task_complete, digest]
                secret: hook-secret
            """);

        // Tasks imported from another folder: no review yet, but one is due for the project.
        var (importExit, _, _) = await CliRun.Run("import", "tasklog", TaskLog("a", 2), "--db", Db);
        HookStopSignal.WriteState(Db, Project, new ProjectTriggerState(1, true, true));
        await RunHook(Event("UserPromptSubmit", """, "prompt": "Add the export button" """));

        var watch = Stopwatch.StartNew();
        var (exit, output, error) = await RunHook(Event("Stop", string.Empty));
        var hookTime = watch.Elapsed;

        Assert.Equal(0, importExit);
        Assert.Equal((0, string.Empty, string.Empty), (exit, output, error));
        Assert.True(await receiver.WaitFor(2, TimeSpan.FromSeconds(90)), $"webhook got {receiver.Requests.Count} request(s); hook took {hookTime}");
        var bodies = receiver.Requests.Select(r => (Request: r, Body: JsonNode.Parse(Encoding.UTF8.GetString(r.Body))!)).ToList();
        var task = bodies.Single(b => (string?)b.Body["event"] == "task_complete");
        Assert.Equal("Add the export button", (string?)task.Body["data"]!["description"]);
        Assert.Equal("session-9", (string?)task.Body["data"]!["sessionId"]);
        Assert.Equal(Outloop.Notify.WebhookSender.Signature("hook-secret", task.Request.Body), task.Request.Headers["X-Outloop-Signature"]);
        var digest = bodies.Single(b => (string?)b.Body["event"] == "digest");
        Assert.Equal(2, (int)digest.Body["data"]!["summary"]!["totalTasks"]!);
        Assert.True(File.Exists((string?)digest.Body["data"]!["digestPath"]));
        Assert.Empty(Directory.EnumerateFiles(HookStopSignal.StopsFolder(Db)));
    }

    [Fact]
    public async Task ConfigShowsWebhooksWithoutTheirSecrets()
    {
        WriteConfig("webhooks:\n  - url: ${HOOK_URL}\n    secret: very-secret\n    headers:\n      X-Api-Key: key-123\n");

        var (exit, output, _) = await CliRun.Run("config", "--project", Project, "--json");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("very-secret", output, StringComparison.Ordinal);
        Assert.DoesNotContain("key-123", output, StringComparison.Ordinal);
        var hook = JsonDocument.Parse(output).RootElement.GetProperty("config").EnumerateArray().Single(v => v.GetProperty("key").GetString() == "webhooks").GetProperty("value")[0];
        Assert.Equal("${HOOK_URL}", hook.GetProperty("Url").GetString());
        Assert.Equal("(hidden)", hook.GetProperty("Secret").GetString());
    }

    private void WriteConfig(string yaml) => File.WriteAllText(Path.Combine(Project, ".outloop", "config.yaml"), yaml);

    private string TaskLog(string name, int tasks)
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var lines = Enumerable.Range(1, tasks).Select(i =>
            $$"""{"type":"task_start","id":"{{name}}{{i}}","session":"s-{{name}}","description":"Task {{name}}{{i}}","agent":"adw","cwd":"/elsewhere","timestamp":"{{start.AddMinutes(i):yyyy-MM-ddTHH:mm:ssZ}}"}""" + "\n"
            + $$"""{"type":"outcome","task":"{{name}}{{i}}","status":"converged"}""");
        var path = Path.Combine(_folder, name + ".tasklog.jsonl");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private string Event(string name, string extra) =>
        $$"""{"hook_event_name":"{{name}}","session_id":"session-9","cwd":{{JsonSerializer.Serialize(Project)}}{{extra}}}""";

    private async Task<(int Exit, string Out, string Error)> RunHook(string stdin)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
        foreach (var arg in new[] { CliAssembly, "hook", "--db", Db })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["OUTLOOP_HOME"] = Path.Combine(_folder, "home");
        start.Environment.Remove("OUTLOOP_DB");
        start.Environment.Remove("OUTLOOP_CLI");
        return await ChildProcess.Run(start, stdin);
    }
}
