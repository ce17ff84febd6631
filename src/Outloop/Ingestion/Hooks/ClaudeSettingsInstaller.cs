using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Outloop.Ingestion.Hooks;

/// <summary>
/// Adds Outloop's hook to a Claude Code settings.json, or takes it out, touching nothing else: the user's own hooks
/// and every other setting keep their values and order. Idempotent; the file is backed up before any change.
/// </summary>
internal static class ClaudeSettingsInstaller
{
    /// <summary>Seconds Claude Code waits for our handler; the hook itself gives up on a locked store after 2 s.</summary>
    public const int TimeoutSeconds = 5;

    /// <summary>Every event that carries something Outloop learns from.</summary>
    public static readonly IReadOnlyList<string> Events =
    [
        "PreToolUse", "PostToolUse", "PostToolUseFailure", "UserPromptSubmit", "Stop", "StopFailure", "SubagentStart",
        "SubagentStop", "SessionStart", "SessionEnd", "PreCompact", "PostCompact", "Notification",
    ];

    // Events without matcher support (a matcher there is ignored, so none is written).
    private static readonly HashSet<string> WithoutMatcher = new(StringComparer.Ordinal) { "UserPromptSubmit", "Stop" };

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The user's settings: <c>$CLAUDE_CONFIG_DIR/settings.json</c> (the first folder when comma-separated), else <c>~/.claude/settings.json</c>.</summary>
    public static string UserSettingsPath(string? claudeConfigDir, string home)
    {
        var first = claudeConfigDir?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return Path.Combine(first is null ? Path.Combine(home, ".claude") : Path.GetFullPath(first), "settings.json");
    }

    /// <summary>A project's shared settings: <c>DIR/.claude/settings.json</c>.</summary>
    public static string ProjectSettingsPath(string projectDirectory) =>
        Path.Combine(Path.GetFullPath(projectDirectory), ".claude", "settings.json");

    public static ClaudeSettingsChange Install(string settingsPath, string command, DateTimeOffset now) =>
        Install(settingsPath, _ => command, now);

    /// <summary>
    /// Installs <paramref name="commandFor"/>(event) on every event of <see cref="Events"/>: one handler per event, so
    /// that options such as <c>--compact</c> on PostToolUse cost no second process per tool call.
    /// </summary>
    public static ClaudeSettingsChange Install(string settingsPath, Func<string, string> commandFor, DateTimeOffset now)
    {
        var (root, existed) = Load(settingsPath);
        var hooks = ChildObject(root, "hooks", settingsPath);
        var added = new List<string>();
        var updated = new List<string>();
        var removed = 0;
        foreach (var eventName in Events)
        {
            var command = commandFor(eventName);
            var groups = ChildArray(hooks, eventName, settingsPath);
            var ours = OutloopHandlers(groups).ToList();
            if (ours.Count == 0)
            {
                var group = new JsonObject();
                if (!WithoutMatcher.Contains(eventName))
                {
                    group["matcher"] = "*";
                }

                group["hooks"] = new JsonArray(Handler(command));
                groups.Add((JsonNode)group);
                added.Add(eventName);
                continue;
            }

            var (_, first) = ours[0];
            if (first["command"]?.GetValue<string>() != command || first["type"]?.ToString() != "command"
                || first["timeout"] is not JsonValue timeout || !timeout.TryGetValue<int>(out var seconds) || seconds != TimeoutSeconds)
            {
                first["type"] = "command";
                first["command"] = command;
                first["timeout"] = TimeoutSeconds;
                updated.Add(eventName);
            }

            // A second copy (from an edit by hand, or two installs with different paths) would record events twice.
            foreach (var (handlers, duplicate) in ours.Skip(1))
            {
                handlers.Remove(duplicate);
                removed++;
            }

            RemoveEmptyGroups(groups);
        }

        var change = new ClaudeSettingsChange(settingsPath, null, added, updated, removed);
        return change.Changed ? change with { BackupPath = Save(settingsPath, root, existed, now) } : change;
    }

    public static ClaudeSettingsChange Remove(string settingsPath, DateTimeOffset now)
    {
        var (root, existed) = Load(settingsPath);
        var change = new ClaudeSettingsChange(settingsPath, null, [], [], 0);
        if (!existed || root["hooks"] is not JsonObject hooks)
        {
            return change;
        }

        var removed = 0;
        foreach (var (eventName, node) in hooks.ToList())
        {
            if (node is not JsonArray groups)
            {
                continue;
            }

            var ours = OutloopHandlers(groups).ToList();
            foreach (var (handlers, handler) in ours)
            {
                handlers.Remove(handler);
                removed++;
            }

            if (ours.Count > 0)
            {
                RemoveEmptyGroups(groups);
                if (groups.Count == 0)
                {
                    hooks.Remove(eventName);
                }
            }
        }

        if (removed > 0 && hooks.Count == 0)
        {
            root.Remove("hooks");
        }

        change = change with { HandlersRemoved = removed };
        return change.Changed ? change with { BackupPath = Save(settingsPath, root, existed, now) } : change;
    }

    /// <summary>Every Outloop handler in an event's groups, with the handler array that holds it.</summary>
    private static IEnumerable<(JsonArray Handlers, JsonObject Handler)> OutloopHandlers(JsonArray groups)
    {
        foreach (var group in groups)
        {
            if (group is JsonObject { } g && g["hooks"] is JsonArray handlers)
            {
                foreach (var handler in handlers)
                {
                    if (handler is JsonObject h && h["command"] is JsonValue value && value.GetValueKind() == JsonValueKind.String
                        && HookCommandLine.IsOutloopHook(value.GetValue<string>()))
                    {
                        yield return (handlers, h);
                    }
                }
            }
        }
    }

    private static void RemoveEmptyGroups(JsonArray groups)
    {
        for (var i = groups.Count - 1; i >= 0; i--)
        {
            if (groups[i] is JsonObject g && g["hooks"] is JsonArray { Count: 0 })
            {
                groups.RemoveAt(i);
            }
        }
    }

    private static JsonObject Handler(string command) => new()
    {
        ["type"] = "command",
        ["command"] = command,
        ["timeout"] = TimeoutSeconds,
    };

    private static (JsonObject Root, bool Existed) Load(string path)
    {
        if (!File.Exists(path))
        {
            return (new JsonObject(), false);
        }

        var text = File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (new JsonObject(), true);
        }

        try
        {
            var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
            return JsonNode.Parse(text, documentOptions: options) is JsonObject root
                ? (root, true)
                : throw new OutloopException($"{path} does not hold a JSON object. Fix it by hand, then run this again.");
        }
        catch (JsonException e)
        {
            throw new OutloopException($"{path} is not valid JSON ({e.Message}). Fix it by hand, then run this again.", e);
        }
    }

    private static JsonObject ChildObject(JsonObject parent, string name, string path) => parent[name] switch
    {
        null when !parent.ContainsKey(name) => Added(parent, name, new JsonObject()),
        JsonObject child => child,
        _ => throw new OutloopException($"'{name}' in {path} is not a JSON object. Fix it by hand, then run this again."),
    };

    private static JsonArray ChildArray(JsonObject parent, string name, string path) => parent[name] switch
    {
        null when !parent.ContainsKey(name) => Added(parent, name, new JsonArray()),
        JsonArray child => child,
        _ => throw new OutloopException($"'hooks.{name}' in {path} is not a JSON array. Fix it by hand, then run this again."),
    };

    private static T Added<T>(JsonObject parent, string name, T child)
        where T : JsonNode
    {
        parent[name] = child;
        return child;
    }

    /// <summary>Backs the file up (when it existed), then replaces it in one rename; returns the backup's path.</summary>
    private static string? Save(string path, JsonObject root, bool existed, DateTimeOffset now)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string? backup = null;
        if (existed)
        {
            backup = $"{path}.outloop-backup-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
            for (var n = 2; File.Exists(backup); n++)
            {
                backup = $"{path}.outloop-backup-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{n}";
            }

            File.Copy(path, backup);
        }

        var temporary = path + ".outloop-tmp";
        File.WriteAllText(temporary, root.ToJsonString(WriteOptions) + "\n");
        File.Move(temporary, path, overwrite: true);
        return backup;
    }
}
