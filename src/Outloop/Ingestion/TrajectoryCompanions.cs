namespace Outloop.Ingestion;

/// <summary>
/// Files that trajectory pipelines keep beside their runs and that hold no session of their own: labels and
/// evaluation reports (read by the adapters as outcome evidence), run configurations, prediction lists, patches,
/// licences and readmes. <c>outloop import auto</c> passes over them quietly instead of calling them unrecognised.
/// </summary>
internal static class TrajectoryCompanions
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "labels.csv", "report.json", "args.yaml", "all_preds.jsonl", "preds.json", "patch.jsonl",
        "run_batch_exit_statuses.yaml", "run_batch.config.yaml", "metadata.json", "README.md", "LICENSE", "LICENSE.txt",
        "LICENSE.md",
    };

    private static readonly string[] Extensions = [".patch", ".diff", ".log", ".config.yaml", ".pkl"];

    /// <summary>Why the file is a companion (for the import summary), or null when it is not one.</summary>
    public static string? Reason(string path)
    {
        var name = Path.GetFileName(path);
        if (name.Equals("labels.csv", StringComparison.OrdinalIgnoreCase) || name.Equals("report.json", StringComparison.OrdinalIgnoreCase))
        {
            return "outcome labels, read with the trajectories beside them";
        }

        if (Names.Contains(name) || Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return "a run's configuration, predictions, patch or documentation (no session in it)";
        }

        // SWE-agent keeps its tool and demonstration configurations as YAML beside the trajectories.
        return name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && path.Contains("trajectories", StringComparison.Ordinal)
            ? "a SWE-agent configuration (no session in it)"
            : null;
    }
}
