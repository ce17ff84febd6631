using System.Text.Json.Nodes;

namespace Outloop.Notify;

/// <summary>
/// One event to send to the webhooks that want it: <see cref="Id"/> is the delivery id (the same on every attempt),
/// <see cref="Project"/> the project folder whose configuration picks the webhooks (empty: the user's configuration only).
/// </summary>
internal sealed record Notification(string Id, string Event, string Project, DateTimeOffset CreatedAt, JsonObject Data)
{
    public static Notification Create(string eventName, string project, DateTimeOffset now, JsonObject data) =>
        new(Guid.CreateVersion7(now).ToString(), eventName, project, now, data);
}
