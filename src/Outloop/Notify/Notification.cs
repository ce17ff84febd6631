using System.Text.Json.Nodes;

namespace Outloop.Notify;

/// <summary>
/// One event to send to the webhooks that want it: <see cref="Id"/> is the delivery id (the same on every attempt),
/// <see cref="Project"/> the project folder whose configuration picks the webhooks (empty: the user's configuration only).
/// A notification whose delivery failed comes back for a later round: <see cref="Round"/> counts the rounds so far,
/// <see cref="NotBefore"/> is when it may be sent again, <see cref="Pending"/> the webhooks (their configured URL) still to reach.
/// </summary>
internal sealed record Notification(string Id, string Event, string Project, DateTimeOffset CreatedAt, JsonObject Data)
{
    public int Round { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public IReadOnlyList<string>? Pending { get; init; }

    public static Notification Create(string eventName, string project, DateTimeOffset now, JsonObject data) =>
        new(Guid.CreateVersion7(now).ToString(), eventName, project, now, data);
}
