namespace Outloop.Sample;

/// <summary>
/// What <see cref="SampleTranscriptGenerator.Write"/> wrote, counted while writing. The counts are the
/// expectations an importer must meet on the same folder.
/// </summary>
/// <param name="ProjectsFolder">The <c>projects</c> folder that holds one folder per project.</param>
/// <param name="Files">Transcript files written (sessions plus subagent files).</param>
/// <param name="Lines">JSONL lines written in all files.</param>
/// <param name="Bytes">Bytes written in all files.</param>
/// <param name="Sessions">Main session transcripts.</param>
/// <param name="SubagentFiles">Files under <c>&lt;session&gt;/subagents/</c>.</param>
/// <param name="Tasks">Human prompts: non-sidechain user lines whose content is a string and that are neither meta nor compaction summaries.</param>
/// <param name="InterruptedTasks">Tasks the user interrupted (a <c>[Request interrupted by user…]</c> line).</param>
/// <param name="ToolCalls">tool_use blocks in all files, subagents included.</param>
/// <param name="FailedToolCalls">tool_result blocks with <c>is_error: true</c>.</param>
/// <param name="AssistantMessages">Distinct <c>message.id</c> values (one API response each).</param>
/// <param name="AssistantLines">Assistant lines (several per API response).</param>
/// <param name="Usage">Token totals with one count per API response (the final line's usage).</param>
/// <param name="BashCommands">How often each shell command ran.</param>
/// <param name="FirstTimestamp">The earliest line timestamp.</param>
/// <param name="LastTimestamp">The latest line timestamp.</param>
public sealed record SampleSummary(
    string ProjectsFolder,
    int Files,
    long Lines,
    long Bytes,
    int Sessions,
    int SubagentFiles,
    int Tasks,
    int InterruptedTasks,
    int ToolCalls,
    int FailedToolCalls,
    int AssistantMessages,
    int AssistantLines,
    SampleUsage Usage,
    IReadOnlyDictionary<string, int> BashCommands,
    DateTimeOffset FirstTimestamp,
    DateTimeOffset LastTimestamp);
