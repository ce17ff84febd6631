using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Outloop.Notify;

namespace Outloop.Tests.Notify;

public sealed class WebhookSenderTests
{
    private static readonly WebhookDeliveryOptions Fast = new(3, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(5));

    [Fact]
    public async Task TwoServerErrorsAreRetriedAndTheThirdAttemptIsAcceptedWithTheSameDeliveryIdAndAValidSignature()
    {
        using var receiver = new WebhookReceiver(n => n <= 2 ? 500 : 200);
        using var http = new HttpClient();
        var body = Encoding.UTF8.GetBytes("""{"event":"digest","data":{"x":1}}""");
        var webhook = new ResolvedWebhook(new Uri(receiver.Url), "generic", new Dictionary<string, string>(), "s3cret", "test");

        var result = await new WebhookSender(http, Fast).SendAsync(webhook, "delivery-1", "digest", body, TestContext.Current.CancellationToken);

        Assert.True(result.Delivered, result.Error);
        Assert.Equal(3, result.Attempts);
        var requests = receiver.Requests.ToList();
        Assert.Equal([500, 500, 200], requests.Select(r => r.Status));
        Assert.Single(requests, r => r.Status == 200);
        Assert.All(requests, r => Assert.Equal("delivery-1", r.Headers["X-Outloop-Delivery"]));
        Assert.All(requests, r => Assert.Equal(body, r.Body));
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), requests[^1].Body));
        Assert.Equal(expected, requests[^1].Headers["X-Outloop-Signature"]);
        Assert.Equal("digest", requests[^1].Headers["X-Outloop-Event"]);
    }

    [Fact]
    public async Task AClientErrorIsNotRetriedAndNoSecretMeansNoSignature()
    {
        using var receiver = new WebhookReceiver(_ => 404);
        using var http = new HttpClient();
        var webhook = new ResolvedWebhook(new Uri(receiver.Url), "generic", new Dictionary<string, string>(), null, "test");

        var result = await new WebhookSender(http, Fast).SendAsync(webhook, "d", "digest", [(byte)'{', (byte)'}'], TestContext.Current.CancellationToken);

        Assert.False(result.Delivered);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(404, result.Status);
        Assert.False(Assert.Single(receiver.Requests).Headers.ContainsKey("X-Outloop-Signature"));
    }

    [Fact]
    public async Task AClosedPortFailsAfterEveryRetryWithoutThrowing()
    {
        using var http = new HttpClient();
        var webhook = new ResolvedWebhook(new Uri($"http://127.0.0.1:{WebhookReceiver.FreePort()}/hook"), "generic", new Dictionary<string, string>(), null, "test");

        var result = await new WebhookSender(http, Fast).SendAsync(webhook, "d", "digest", [(byte)'{', (byte)'}'], TestContext.Current.CancellationToken);

        Assert.False(result.Delivered);
        Assert.Equal(4, result.Attempts);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void GenericPayloadHasEventProjectTimestampAndDataWhileSlackHasTextAndBlocks()
    {
        var data = new JsonObject { ["taskId"] = "T1", ["description"] = "Fix the login bug", ["outcome"] = "escalated", ["iterations"] = 3, ["costUsd"] = 1.3m, ["evidence"] = "gave up" };
        var notification = new Notification("id-1", "escalation", "/home/dev/my-app", new DateTimeOffset(2026, 1, 15, 10, 30, 0, TimeSpan.Zero), data);

        var generic = JsonNode.Parse(WebhookPayload.Body("generic", notification))!.AsObject();
        var slack = JsonNode.Parse(WebhookPayload.Body("slack", notification))!.AsObject();

        Assert.Equal(["event", "project", "timestamp", "data"], generic.Select(p => p.Key));
        Assert.Equal("escalation", (string?)generic["event"]);
        Assert.Equal("my-app", (string?)generic["project"]!["name"]);
        Assert.Equal("/home/dev/my-app", (string?)generic["project"]!["path"]);
        Assert.Equal("2026-01-15T10:30:00.000Z", (string?)generic["timestamp"]);
        Assert.Equal("T1", (string?)generic["data"]!["taskId"]);
        Assert.Equal(["text", "blocks"], slack.Select(p => p.Key));
        var text = (string)slack["text"]!;
        Assert.Contains("escalated", text, StringComparison.Ordinal);
        Assert.Contains("`T1`", text, StringComparison.Ordinal);
        Assert.Contains("Fix the login bug", text, StringComparison.Ordinal);
        Assert.Equal("section", (string?)slack["blocks"]![0]!["type"]);
        Assert.Equal("mrkdwn", (string?)slack["blocks"]![0]!["text"]!["type"]);
        Assert.Equal("context", (string?)slack["blocks"]![1]!["type"]);
    }
}
