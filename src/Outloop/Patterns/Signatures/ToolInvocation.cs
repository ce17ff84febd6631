namespace Outloop.Patterns.Signatures;

/// <summary>
/// One tool call of any agent, as the classifier needs it.
/// </summary>
/// <param name="Agent">Which agent made the call: <c>claude</c>, <c>codex</c>, <c>swe-agent</c>, <c>mini-swe-agent</c>, <c>openhands</c>, <c>aider</c>, or any other name.</param>
/// <param name="ToolName">The tool's name as the agent wrote it (<c>Bash</c>, <c>Read</c>, <c>exec_command</c>, <c>run</c>, <c>str_replace_editor</c>...); for SWE-agent 0.x and mini-swe-agent actions, <c>bash</c> or empty.</param>
/// <param name="InputJson">The tool input or arguments as JSON, when the agent gives them.</param>
/// <param name="Command">The command text when the call is a shell command or a textual action (SWE-agent, Aider <c>/run</c>); used when the JSON has none.</param>
/// <param name="Cwd">The folder the agent was in, when known.</param>
/// <param name="ProjectRoot">The project's root folder, when known; paths under it become relative targets.</param>
internal sealed record ToolInvocation(
    string Agent,
    string ToolName,
    string? InputJson,
    string? Command,
    string? Cwd,
    string? ProjectRoot);
