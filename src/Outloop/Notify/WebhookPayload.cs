using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Outloop.Configuration;
using Outloop.Storage;

namespace Outloop.Notify;

/// <summary>
/// The body a webhook receives. <c>generic</c>: <c>{event, project: {name, path}, timestamp, data}</c>.
/// <c>slack</c>: an incoming-webhook message, <c>{text, blocks}</c>, with the same facts written out.
/// </summary>
internal static class WebhookPayload
{
    public static byte[] Body(string format, Notification n)
    {
        var project = new JsonObject { ["name"] = ProjectName(n.Project), ["path"] = n.Project };
        JsonObject body = format == WebhookConfig.Slack
            ? new JsonObject
            {
                ["text"] = SlackText(n),
                ["blocks"] = new JsonArray(
                    new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackText(n) } },
                    new JsonObject
                    {
                        ["type"] = "context",
                        ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = $"outloop {n.Event} | {ProjectName(n.Project)} | {StoreTime.Format(n.CreatedAt)}" }),
                    }),
            }
            : new JsonObject { ["event"] = n.Event, ["project"] = project, ["timestamp"] = StoreTime.Format(n.CreatedAt), ["data"] = n.Data.DeepClone() };
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    /// <summary>The one-line message of a Slack payload.</summary>
    public static string SlackText(Notification n)
    {
        var c = CultureInfo.InvariantCulture;
        var d = n.Data;
        var name = ProjectName(n.Project);
        switch (n.Event)
        {
            case WebhookConfig.Digest:
                var s = d["summary"]?.AsObject();
                return string.Create(c, $"*Outloop review of {name}*: {s?["totalTasks"]} tasks, {s?["successfulTasks"]} successful, {s?["failedTasks"]} failed, {s?["escalatedTasks"]} escalated, cost ${Money(s?["costUsd"])}; {d["newProposals"]} new proposal(s). Digest: `{d["digestPath"]}`");
            case WebhookConfig.Escalation:
                return string.Create(c, $":warning: *Task {d["outcome"]}* in {name}: `{d["taskId"]}` {Quote(d["description"])}{(d["evidence"] is { } e ? $" ({e})" : string.Empty)}");
            default:
                return string.Create(c, $"Task `{d["taskId"]}` finished in {name}: {d["outcome"]}, {d["iterations"]?.ToString() ?? "?"} iteration(s), ${Money(d["costUsd"])}. {Quote(d["description"])}");
        }
    }

    public static string ProjectName(string project) =>
        project.Length == 0 ? "(no project)" : Path.GetFileName(Path.TrimEndingDirectorySeparator(project)) is { Length: > 0 } leaf ? leaf : project;

    private static string Money(JsonNode? value) =>
        value is null ? "?" : value.GetValue<decimal>().ToString("0.00", CultureInfo.InvariantCulture);

    private static string Quote(JsonNode? text)
    {
        var t = text?.GetValue<string>()?.ReplaceLineEndings(" ") ?? string.Empty;
        return t.Length > 140 ? t[..140] + "..." : t;
    }
}
