using System.Globalization;
using System.Text.Json;

namespace Outloop.Cli.Tests.Commands;

/// <summary>
/// A project folder whose own <c>.outloop/config.yaml</c> makes a review due after one task, and a task log whose
/// tasks recorded two lessons (in 4 and 3 tasks): a review turns them into two guideline proposals.
/// </summary>
internal static class ReviewProject
{
    public const string RateLimits = "Keep rate limits in the settings file, never in code";
    public const string Migrations = "Run the database migrations before the API tests";

    /// <summary>Writes the project's config and the task log under <paramref name="folder"/>; returns the log's path.</summary>
    public static string Write(string folder, string project)
    {
        Directory.CreateDirectory(Path.Combine(project, ".outloop"));
        File.WriteAllText(Path.Combine(project, ".outloop", "config.yaml"), "outerLoop:\n  triggers:\n    afterTasks: 1\n");
        var start = DateTimeOffset.UtcNow.AddDays(-2);
        var lines = new List<string>();
        for (var i = 1; i <= 4; i++)
        {
            var task = $"shop-{i}";
            var at = start.AddHours(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            lines.Add(JsonSerializer.Serialize(new { type = "task_start", id = task, description = $"Add rate limiting to endpoint {i} of the shop API", timestamp = at }));
            lines.Add(JsonSerializer.Serialize(new { type = "outcome", task, status = "converged", score = 95, timestamp = at }));
            lines.Add(JsonSerializer.Serialize(new { type = "learning", task, text = RateLimits, timestamp = at }));
            if (i > 1)
            {
                lines.Add(JsonSerializer.Serialize(new { type = "learning", task, text = Migrations, timestamp = at }));
            }
        }

        var log = Path.Combine(folder, "shop.tasklog.jsonl");
        File.WriteAllText(log, string.Join('\n', lines) + "\n");
        return log;
    }
}
