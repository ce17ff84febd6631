namespace Outloop.Tests.Ingestion.OpenHands;

/// <summary>An OpenHands session folder written for these tests in the shape of <c>sessions/&lt;sid&gt;/events/&lt;id&gt;.json</c>.</summary>
internal static class OpenHandsSamples
{
    private static readonly string[] Events =
    [
        """{"id": 0, "timestamp": "2025-01-01T10:00:00", "source": "user", "message": "Fix the login bug", "action": "message", "args": {"content": "Fix the login bug"}}""",
        """{"id": 1, "timestamp": "2025-01-01T10:00:01", "source": "agent", "action": "read", "args": {"path": "/w/app.py"}, "llm_metrics": {"accumulated_cost": 0.1, "accumulated_token_usage": {"model": "claude-sonnet-4", "prompt_tokens": 400, "completion_tokens": 20, "cache_read_tokens": 0}}}""",
        """{"id": 2, "timestamp": "2025-01-01T10:00:02", "source": "agent", "cause": 1, "observation": "read", "content": "def login(): ...", "extras": {"path": "/w/app.py"}}""",
        """{"id": 3, "timestamp": "2025-01-01T10:00:03", "source": "agent", "action": "edit", "args": {"path": "/w/app.py", "command": "str_replace"}, "llm_metrics": {"accumulated_cost": 0.2, "accumulated_token_usage": {"model": "claude-sonnet-4", "prompt_tokens": 700, "completion_tokens": 40, "cache_read_tokens": 50}}}""",
        """{"id": 4, "timestamp": "2025-01-01T10:00:04", "source": "agent", "cause": 3, "observation": "edit", "content": "edited", "extras": {"path": "/w/app.py"}}""",
        """{"id": 5, "timestamp": "2025-01-01T10:00:05", "source": "agent", "action": "run", "args": {"command": "pytest", "password": "hunter2hunter2"}, "llm_metrics": {"accumulated_cost": 0.3, "accumulated_token_usage": {"model": "claude-sonnet-4", "prompt_tokens": 1000, "completion_tokens": 60, "cache_read_tokens": 100}}}""",
        """{"id": 6, "timestamp": "2025-01-01T10:00:06", "source": "agent", "cause": 5, "observation": "run", "content": "1 failed", "extras": {"command": "pytest", "metadata": {"exit_code": 1}}, "success": false}""",
        """{"id": 7, "timestamp": "2025-01-01T10:00:07", "source": "agent", "message": "Parameter 'command' is expected", "observation": "error", "content": "Parameter 'command' is expected", "extras": {"error_id": ""}}""",
    ];

    public static List<string> WriteEventFolder(string sessionFolder)
    {
        var files = new List<string>();
        for (var i = 0; i < Events.Length; i++)
        {
            files.Add(AddEvent(sessionFolder, i, Events[i]));
        }

        File.WriteAllText(Path.Combine(sessionFolder, "metadata.json"), "{}");
        return files;
    }

    public static string AddEvent(string sessionFolder, int id, string json)
    {
        var path = Path.Combine(sessionFolder, "events", $"{id}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }
}
