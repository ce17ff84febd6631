namespace Outloop.Patterns.Templates;

/// <summary>
/// One labelled system of a Loghub-style benchmark folder: the message of every line (header cut off with the
/// system's <c>log_format</c>), the original event ids (for GA) and the corrected templates (for FGA, PA, FTA).
/// </summary>
internal sealed record LoghubSystem(
    string Name,
    IReadOnlyList<string> Contents,
    IReadOnlyList<string> EventIds,
    IReadOnlyList<string> CorrectedTemplates,
    string CorrectedSource);
