using Outloop.Ingestion.Aider;
using Outloop.Ingestion.Codex;
using Outloop.Ingestion.MiniSweAgent;
using Outloop.Ingestion.OpenHands;
using Outloop.Ingestion.SweAgent;
using Outloop.Ingestion.TaskLog;

namespace Outloop.Ingestion;

/// <summary>
/// Every non-Claude log format <c>outloop import</c> knows, in the order <c>auto</c> tries them: add a new adapter
/// here (one line) and it gets its <c>outloop import &lt;format&gt;</c> subcommand and takes part in detection.
/// </summary>
internal static class SourceAdapters
{
    public static IReadOnlyList<ISourceAdapter> All { get; } =
    [
        new CodexAdapter(),
        new TaskLogAdapter(),
        new SweAgentAdapter(),
        new MiniSweAgentAdapter(),
        new OpenHandsAdapter(),
        new AiderAdapter(),
    ];

    /// <summary>The adapter for <paramref name="format"/>, or null when there is none.</summary>
    public static ISourceAdapter? Find(string format) =>
        All.FirstOrDefault(a => string.Equals(a.Format, format, StringComparison.OrdinalIgnoreCase));
}
