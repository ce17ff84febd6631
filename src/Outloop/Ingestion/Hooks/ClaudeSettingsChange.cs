namespace Outloop.Ingestion.Hooks;

/// <summary>What <c>outloop init claude</c> changed in one settings.json.</summary>
internal sealed record ClaudeSettingsChange(
    string SettingsPath,
    string? BackupPath,
    IReadOnlyList<string> EventsAdded,
    IReadOnlyList<string> EventsUpdated,
    int HandlersRemoved)
{
    public bool Changed => EventsAdded.Count > 0 || EventsUpdated.Count > 0 || HandlersRemoved > 0;
}
