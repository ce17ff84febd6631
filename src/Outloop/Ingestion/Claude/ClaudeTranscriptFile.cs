namespace Outloop.Ingestion.Claude;

/// <summary>One transcript file found under a Claude Code projects folder.</summary>
/// <param name="Path">Full path of the <c>.jsonl</c> file.</param>
/// <param name="Project">The project folder's name (the escaped working folder), or null for a loose file.</param>
/// <param name="FallbackSessionId">The session a line without <c>sessionId</c> belongs to (file stem, or the parent session of a subagent file).</param>
/// <param name="IsSubagent">True for files under <c>&lt;session&gt;/subagents/</c>.</param>
internal sealed record ClaudeTranscriptFile(string Path, string? Project, string FallbackSessionId, bool IsSubagent);
