namespace Outloop.Patterns;

/// <summary>One occurrence of a pattern with what a reader needs to check it: the task, its first call's command and result.</summary>
/// <remarks><c>Command</c>: The first call's command or input, shortened.</remarks>
/// <remarks><c>TaskDescription</c>: The task's description, shortened.</remarks>
internal sealed record PatternEvidence(PatternOccurrence Occurrence, string? Command, string? TaskDescription, bool? Success);
