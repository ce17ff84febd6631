namespace Outloop.Automation.Compaction;

/// <summary>One command an agent ran and the output it got back, taken from a recorded session.</summary>
/// <param name="Source">The session file and the call's position in it, to find it again.</param>
/// <param name="Command">The command line as the agent wrote it.</param>
/// <param name="Output">Its stdout and stderr as the agent received them.</param>
/// <param name="ExitCode">Its exit code, when the session recorded one.</param>
internal sealed record RealOutput(string Source, string Command, string Output, int? ExitCode);
