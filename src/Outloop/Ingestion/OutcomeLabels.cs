using System.Collections.Concurrent;
using System.Text.Json;

namespace Outloop.Ingestion;

/// <summary>
/// Evaluation labels kept beside trajectories: a <c>labels.csv</c> (<c>instance_id,resolved</c>) or a SWE-bench
/// evaluation report <c>reports/&lt;id&gt;/report.json</c> (<c>{"&lt;id&gt;": {"resolved": bool}}</c> or a flat
/// <c>{"resolved": bool}</c>), found in the trajectory's folder or up to three folders above it. A label is the
/// strongest evidence of an outcome, so it wins over what the agent itself said.
/// </summary>
internal sealed class OutcomeLabels
{
    private const int LevelsUp = 3;

    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, bool>?> _csvByFolder = new(StringComparer.Ordinal);

    /// <summary>The label of <paramref name="instanceId"/> for a trajectory at <paramref name="trajectoryPath"/>, or null.</summary>
    public (TaskOutcome Outcome, string? Evidence)? Find(string trajectoryPath, string instanceId)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(trajectoryPath));
        for (var level = 0; dir is not null && level <= LevelsUp; level++, dir = Path.GetDirectoryName(dir))
        {
            var report = Path.Combine(dir, "reports", instanceId, "report.json");
            if (File.Exists(report) && ReportResolved(report, instanceId) is { } fromReport)
            {
                return (fromReport ? TaskOutcome.Converged : TaskOutcome.Failed, $"{(fromReport ? "resolved" : "unresolved")} in {report}");
            }

            var csv = _csvByFolder.GetOrAdd(dir, ReadCsv);
            if (csv is not null && csv.TryGetValue(instanceId, out var resolved))
            {
                return (resolved ? TaskOutcome.Converged : TaskOutcome.Failed,
                    $"{(resolved ? "resolved" : "unresolved")} in {Path.Combine(dir, "labels.csv")}");
            }
        }

        return null;
    }

    private static Dictionary<string, bool>? ReadCsv(string dir)
    {
        var path = Path.Combine(dir, "labels.csv");
        if (!File.Exists(path))
        {
            return null;
        }

        var labels = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma <= 0)
            {
                continue;
            }

            var value = line[(comma + 1)..].Trim();
            if (bool.TryParse(value, out var resolved) || TryBit(value, out resolved))
            {
                labels[line[..comma].Trim()] = resolved;
            }
        }

        return labels;
    }

    private static bool TryBit(string value, out bool resolved)
    {
        resolved = value == "1";
        return value is "0" or "1";
    }

    private static bool? ReportResolved(string path, string instanceId)
    {
        try
        {
            using var doc = JsonDocument.Parse(StoredText.ReadAll(path));
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(instanceId, out var inner))
            {
                root = inner;
            }

            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("resolved", out var flag)
                   && flag.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? flag.GetBoolean()
                : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }
}
