using System.Text.Json;
using System.Text.Json.Nodes;
using Outloop.Ingestion.Hooks;
using Outloop.Storage;

namespace Outloop.Notify;

/// <summary>
/// Notifications waiting to be sent, one JSON file each in <c>&lt;store&gt;.outbox</c> (written whole, then renamed).
/// A sender claims a file by renaming it, so two senders at once send each notification once.
/// </summary>
internal sealed class Outbox(string folder)
{
    public string Folder { get; } = folder;

    public static Outbox ForStore(string dbPath) => new(HookStopSignal.OutboxFolder(dbPath));

    public string Enqueue(Notification notification)
    {
        Directory.CreateDirectory(Folder);
        var json = new JsonObject
        {
            ["id"] = notification.Id,
            ["event"] = notification.Event,
            ["project"] = notification.Project,
            ["createdAt"] = StoreTime.Format(notification.CreatedAt),
            ["data"] = notification.Data.DeepClone(),
        };
        if (notification.Round > 0)
        {
            json["round"] = notification.Round;
            json["notBefore"] = notification.NotBefore is { } at ? StoreTime.Format(at) : null;
            json["pending"] = notification.Pending is { } pending ? new JsonArray([.. pending.Select(u => (JsonNode?)u)]) : null;
        }

        var path = Path.Combine(Folder, notification.Id + ".json");
        File.WriteAllText(path + ".tmp", json.ToJsonString());
        File.Move(path + ".tmp", path, overwrite: true);
        return path;
    }

    /// <summary>
    /// The pending notifications this process now owns (oldest first); each must be <see cref="Done"/> after sending.
    /// One waiting for a later round (<see cref="Notification.NotBefore"/> after <paramref name="now"/>) is put back.
    /// </summary>
    public IEnumerable<(Notification Notification, string Claimed)> Claim(HookErrorLog log, DateTimeOffset now)
    {
        if (!Directory.Exists(Folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal).ToList())
        {
            var claimed = file + "." + Environment.ProcessId + ".sending";
            try
            {
                File.Move(file, claimed);
            }
            catch (FileNotFoundException)
            {
                continue; // another sender took it
            }

            Notification? notification = null;
            try
            {
                var node = JsonNode.Parse(File.ReadAllText(claimed))!.AsObject();
                notification = new Notification(
                    (string)node["id"]!, (string)node["event"]!, (string?)node["project"] ?? string.Empty,
                    StoreTime.Parse((string)node["createdAt"]!), node["data"]!.AsObject().DeepClone().AsObject())
                {
                    Round = (int?)node["round"] ?? 0,
                    NotBefore = (string?)node["notBefore"] is { } at ? StoreTime.Parse(at) : null,
                    Pending = node["pending"] is JsonArray pending ? [.. pending.Select(u => (string)u!)] : null,
                };
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException)
            {
                log.Append(DateTimeOffset.UtcNow, $"{file} is not a notification ({e.Message}); dropped");
                File.Delete(claimed);
            }

            if (notification?.NotBefore > now)
            {
                File.Move(claimed, file);
            }
            else if (notification is not null)
            {
                yield return (notification, claimed);
            }
        }
    }

    public static void Done(string claimed) => File.Delete(claimed);
}
