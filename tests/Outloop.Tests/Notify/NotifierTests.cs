using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Outloop.Review;
using Outloop.Storage;

namespace Outloop.Tests.Notify;

public sealed class NotifierTests
{
    private static string Config(string url, string events = "[digest, escalation, task_complete]", string extra = "") => $"""
        outerLoop:
          triggers:
            afterTasks: 3
        webhookDelivery:
          retries: 2
          retryDelayMs: 10
          timeoutMs: 2000
        webhooks:
          - url: {url}
            events: {events}
        {extra}
        """;

    [Fact]
    public async Task AnUnreachableWebhookLeavesTheReviewsDigestAndProposalsUnchangedAndIsLogged()
    {
        using var dead = new NotifyFixture(Config($"http://127.0.0.1:{WebhookReceiver.FreePort()}/hook"));
        using var none = new NotifyFixture();
        using var http = new HttpClient();
        var results = new List<(ReviewResult Result, string Markdown, string Proposals)>();
        foreach (var f in new[] { dead, none })
        {
            f.AddTasks(4);
            var config = f.Config();
            var result = new ReviewRunner(f.Store, config).Run(new ReviewOptions(f.Project, ReviewMode.NonInteractive, true, null, new Reporting.FixedClock(NotifyFixture.Now)));
            var notifier = f.Notifier(http);
            notifier.AfterReview(f.Project, config, result);
            var sent = await notifier.FlushAsync(TestContext.Current.CancellationToken);
            Assert.Equal(f == dead ? 1 : 0, sent.Failed);
            var proposals = string.Join('\n', new SqliteReviewStore(f.Store, new ProjectFiles(f.Project).Root).Proposals().Select(p => $"{p.Type} {p.TargetFile} {p.Change} {p.Status}"));
            // Proposal ids hash the project folder, which differs between the two fixtures.
            var markdown = Regex.Replace(File.ReadAllText(result.DigestMarkdownPath!).Replace(f.Project, "P", StringComparison.Ordinal), "prop-[0-9a-f]+", "prop-X");
            results.Add((result, markdown, proposals));
        }

        Assert.True(results[0].Result.Ran);
        Assert.Contains("prop-X", results[0].Markdown, StringComparison.Ordinal);
        Assert.Equal(results[1].Markdown, results[0].Markdown);
        Assert.Equal(results[1].Proposals, results[0].Proposals);
        Assert.Equal(results[1].Result.NewProposals.Count, results[0].Result.NewProposals.Count);
        Assert.Contains("webhooks[0]", dead.LogText, StringComparison.Ordinal);
        Assert.Contains("failed for digest", dead.LogText, StringComparison.Ordinal);
        Assert.Contains("after 3 attempt(s)", dead.LogText, StringComparison.Ordinal);
        var later = JsonNode.Parse(File.ReadAllText(Assert.Single(Directory.EnumerateFiles(Outloop.Notify.Outbox.ForStore(dead.Db).Folder, "*.json*"))))!;
        Assert.Equal(1, (int)later["round"]!);
        Assert.Empty(Directory.EnumerateFiles(Outloop.Notify.Outbox.ForStore(none.Db).Folder, "*.json*"));
    }

    [Fact]
    public async Task AFailedDeliveryIsSentAgainInALaterRoundToTheFailedWebhookOnlyWithTheSameDeliveryId()
    {
        using var good = new WebhookReceiver();
        using var flaky = new WebhookReceiver(n => n <= 3 ? 500 : 200);
        using var f = new NotifyFixture(Config(good.Url, "[digest]", $"""
              - url: {flaky.Url}
                events: [digest]
            """));
        using var http = new HttpClient();
        var clock = new MovingClock(NotifyFixture.Now);
        f.AddTasks(3);
        var notifier = f.Notifier(http, clock: clock);
        notifier.ReviewIfDue(f.Project);
        var outbox = Outloop.Notify.Outbox.ForStore(f.Db).Folder;

        var first = await notifier.FlushAsync(TestContext.Current.CancellationToken);
        clock.Now += TimeSpan.FromSeconds(30);
        var tooEarly = await notifier.FlushAsync(TestContext.Current.CancellationToken);
        var waiting = Directory.EnumerateFiles(outbox, "*.json*").Count();
        clock.Now += TimeSpan.FromSeconds(31);
        var second = await notifier.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new Outloop.Notify.DispatchSummary(1, 1, 1, 0), first);
        Assert.Equal(new Outloop.Notify.DispatchSummary(0, 0, 0, 0), tooEarly);
        Assert.Equal(1, waiting);
        Assert.Equal(new Outloop.Notify.DispatchSummary(1, 1, 0, 0), second);
        Assert.Single(good.Requests);
        Assert.Equal(4, flaky.Requests.Count);
        Assert.Single(flaky.Requests.Select(r => r.Headers["X-Outloop-Delivery"]).Append(good.Requests.Single().Headers["X-Outloop-Delivery"]).Distinct());
        Assert.Empty(Directory.EnumerateFiles(outbox, "*.json*"));
        Assert.Contains("will be sent again to 1 webhook(s) from 2026-11-20T12:01:00", f.LogText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeliveryThatNeverSucceedsIsDroppedAfterTheLastRoundAndLogged()
    {
        using var f = new NotifyFixture(Config($"http://127.0.0.1:{WebhookReceiver.FreePort()}/hook", "[digest]"));
        using var http = new HttpClient();
        var clock = new MovingClock(NotifyFixture.Now);
        f.AddTasks(3);
        var notifier = f.Notifier(http, clock: clock);
        notifier.ReviewIfDue(f.Project);

        var failed = 0;
        for (var round = 0; round <= Outloop.Notify.NotificationDispatcher.LaterRounds.Count; round++)
        {
            failed += (await notifier.FlushAsync(TestContext.Current.CancellationToken)).Failed;
            clock.Now += TimeSpan.FromHours(7);
        }

        Assert.Equal(Outloop.Notify.NotificationDispatcher.LaterRounds.Count + 1, failed);
        Assert.Empty(Directory.EnumerateFiles(Outloop.Notify.Outbox.ForStore(f.Db).Folder, "*.json*"));
        Assert.Contains("dropped after 5 rounds: 1 webhook(s) never answered", f.LogText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvReferencesInTheUrlAndAHeaderAreExpandedWhenSent()
    {
        using var receiver = new WebhookReceiver();
        using var f = new NotifyFixture(Config("http://127.0.0.1:${HOOK_PORT}/hook", "[digest]", """
                headers:
                  Authorization: Bearer ${HOOK_TOKEN}
                  X-Team: platform
                secret: ${HOOK_SECRET}
            """));
        using var http = new HttpClient();
        var env = new Dictionary<string, string> { ["HOOK_PORT"] = receiver.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["HOOK_TOKEN"] = "tok-123", ["HOOK_SECRET"] = "k" };
        f.AddTasks(3);
        var notifier = f.Notifier(http, env);

        var outcome = notifier.ReviewIfDue(f.Project);
        var sent = await notifier.FlushAsync(TestContext.Current.CancellationToken);

        Assert.True(outcome.Review!.Ran, outcome.Line);
        Assert.Equal(1, sent.Delivered);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/hook", request.Path);
        Assert.Equal("Bearer tok-123", request.Headers["Authorization"]);
        Assert.Equal("platform", request.Headers["X-Team"]);
        Assert.Equal(Outloop.Notify.WebhookSender.Signature("k", request.Body), request.Headers["X-Outloop-Signature"]);
        var body = JsonNode.Parse(Encoding.UTF8.GetString(request.Body))!;
        Assert.Equal("digest", (string?)body["event"]);
        Assert.Equal(3, (int)body["data"]!["summary"]!["totalTasks"]!);
        Assert.Equal(outcome.Review.DigestMarkdownPath, (string?)body["data"]!["digestPath"]);
    }

    [Fact]
    public async Task AMissingVariableSkipsTheWebhookWithTheKeyAndFileInTheLog()
    {
        using var receiver = new WebhookReceiver();
        using var f = new NotifyFixture(Config(receiver.Url, "[digest]", """
                headers:
                  Authorization: Bearer ${NOT_SET_ANYWHERE}
            """));
        using var http = new HttpClient();
        f.AddTasks(3);
        var notifier = f.Notifier(http);

        notifier.ReviewIfDue(f.Project);
        var sent = await notifier.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new Outloop.Notify.DispatchSummary(1, 0, 0, 1), sent);
        Assert.Empty(receiver.Requests);
        Assert.Contains($"webhooks[0].headers.Authorization ({Path.Combine(f.Project, ".outloop", "config.yaml")}:9): environment variable NOT_SET_ANYWHERE is not set; webhook skipped", f.LogText, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReviewTriggerRunsWhenAfterTasksTasksCameAndNotBefore()
    {
        using var f = new NotifyFixture(Config("http://127.0.0.1:9/hook"));
        using var http = new HttpClient();
        var notifier = f.Notifier(http);
        f.AddTasks(2);

        var early = notifier.ReviewIfDue(f.Project);
        f.AddTasks(1, prefix: "U");
        var due = notifier.ReviewIfDue(f.Project);
        var again = notifier.ReviewIfDue(f.Project);

        Assert.False(early.Review!.Ran);
        Assert.StartsWith("Review: not due (2 tasks since the last review", early.Line, StringComparison.Ordinal);
        Assert.True(due.Review!.Ran);
        Assert.True(File.Exists(due.Review.DigestMarkdownPath));
        Assert.False(again.Review!.Ran);
        Assert.Single(Directory.EnumerateFiles(Outloop.Notify.Outbox.ForStore(f.Db).Folder, "*.json"));
    }

    [Fact]
    public void TriggersCanBeTurnedOff()
    {
        using var f = new NotifyFixture("outerLoop:\n  triggers:\n    afterTasks: 1\n    enabled: false\n");
        using var http = new HttpClient();
        f.AddTasks(5);

        var outcome = f.Notifier(http).ReviewIfDue(f.Project);

        Assert.Null(outcome.Review);
        Assert.Equal("Review: automatic reviews are off (outerLoop.triggers.enabled = false).", outcome.Line);
        Assert.False(Directory.Exists(Path.Combine(f.Project, ".outloop", "digests")));
    }

    [Fact]
    public async Task ImportedRecentTasksSendTaskCompleteAndFailedOnesAlsoEscalationButOldHistoryIsNotSent()
    {
        using var receiver = new WebhookReceiver();
        using var f = new NotifyFixture(Config(receiver.Url, "[escalation, task_complete]"));
        using var http = new HttpClient();
        f.AddTasks(3, age: TimeSpan.FromDays(10), prefix: "OLD");
        var notifier = f.Notifier(http);
        var mark = notifier.TaskMark();
        f.AddTasks(1, prefix: "OK");
        f.AddTasks(1, outcome: "escalated", prefix: "BAD");
        f.AddTasks(1, age: TimeSpan.FromDays(3), prefix: "STALE");

        var queued = notifier.QueueTasksAfter(mark);
        var sent = await notifier.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, queued);
        Assert.Equal(3, sent.Delivered);
        var bodies = receiver.Requests.Select(r => JsonNode.Parse(Encoding.UTF8.GetString(r.Body))!).ToList();
        Assert.Equal(
            ["escalation BAD1", "task_complete BAD1", "task_complete OK1"],
            bodies.Select(b => $"{b["event"]} {b["data"]!["taskId"]}").Order(StringComparer.Ordinal));
        var bad = bodies.First(b => (string?)b["event"] == "escalation");
        Assert.Equal("escalated", (string?)bad["data"]!["outcome"]);
        Assert.Equal(2, (int)bad["data"]!["iterations"]!);
        Assert.Equal("Task BAD1: fix the login form", (string?)bad["data"]!["description"]);
        Assert.Equal(f.Project, (string?)bad["project"]!["path"]);
        Assert.Equal(0m, (decimal)bad["data"]!["costUsd"]!);
    }

    private sealed class MovingClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
