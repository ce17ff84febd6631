namespace Outloop.Sample;

/// <summary>
/// A failure that keeps coming back: the command that shows it, its output, and the one edit that fixes it.
/// </summary>
internal sealed record CodeFault(
    string Key,
    IReadOnlyList<string> Prompts,
    string Command,
    int ExitCode,
    Func<Random, string> Output,
    string InspectFile,
    string FixFile,
    string OldText,
    string NewText,
    string Diagnosis);
