using System.Text.Json;

namespace Outloop.Sample;

/// <summary>
/// Writes one sample session: the main transcript, its subagent files, and the conversation of its tasks.
/// This file holds the mechanics (lines, responses, tool results, usage); the tasks are in
/// <c>SessionSimulator.Tasks.cs</c>.
/// </summary>
internal sealed partial class SessionSimulator : IDisposable
{
    public const string SonnetModel = "claude-sonnet-4-5-20250929";
    public const string HaikuModel = "claude-haiku-4-5-20251001";
    public const string OpusModel = "claude-opus-4-6";

    private readonly SampleIds ids;
    private readonly Random random;
    private readonly SampleCounts counts;
    private readonly SampleProject project;
    private readonly string model;
    private readonly string sessionFolder;
    private readonly Dictionary<string, string> files;
    private readonly HashSet<string> filesRead = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> edited = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> backupNames = new(StringComparer.Ordinal);
    private readonly List<SampleBlock> pending = [];
    private readonly TranscriptFile main;
    private DateTimeOffset taskStarted;
    private int prompts;

    public SessionSimulator(
        SampleIds ids,
        SampleCounts counts,
        SampleProject project,
        string projectFolder,
        DateTimeOffset start,
        string model,
        string version,
        string gitBranch)
    {
        this.ids = ids;
        random = ids.Random;
        this.counts = counts;
        this.project = project;
        this.model = model;
        files = new Dictionary<string, string>(project.Files, StringComparer.Ordinal);
        var sessionId = ids.Uuid();
        sessionFolder = Path.Combine(projectFolder, sessionId);
        var context = new TranscriptContext(sessionId, project.Cwd, gitBranch, version, ids.Slug());
        main = new TranscriptFile(Path.Combine(projectFolder, sessionId + ".jsonl"), context, start, counts)
        {
            CachedTokens = random.Next(15_000, 19_000),
            PendingTokens = random.Next(3_000, 9_000),
        };
        counts.Sessions++;
        if (project.HasHooks)
        {
            WriteHookProgress(main, "SessionStart", "SessionStart:startup", "${CLAUDE_PLUGIN_ROOT}/hooks/session-start.sh", ids.Uuid(), withSlug: false);
        }
    }

    public string SessionId => main.Context.SessionId;

    public DateTimeOffset Clock => main.Clock;

    public void Dispose() => main.Dispose();

    // ---- the human side ----

    /// <summary>A typed prompt: the undo snapshot, then the user line whose content is a string.</summary>
    private void Prompt(string text)
    {
        main.Advance(TimeSpan.FromSeconds(random.Next(20, 600)));
        if (prompts > 0 && random.Next(6) == 0)
        {
            // Typed while the agent was still busy: Claude Code queues the prompt, then takes it.
            WriteQueueOperation("enqueue", text);
            main.Advance(TimeSpan.FromSeconds(random.Next(5, 60)));
            WriteQueueOperation("dequeue", null);
        }

        taskStarted = main.Clock;
        var uuid = ids.Uuid();
        main.WriteLine(w =>
        {
            w.WriteString("type", "file-history-snapshot");
            w.WriteString("messageId", uuid);
            w.WriteStartObject("snapshot");
            w.WriteString("messageId", uuid);
            w.WriteStartObject("trackedFileBackups");
            foreach (var (path, version) in edited)
            {
                w.WriteStartObject(project.Path(path));
                w.WriteString("backupFileName", $"{backupNames[path]}@v{version}");
                w.WriteNumber("version", version);
                w.WriteString("backupTime", TranscriptFile.Timestamp(main.Clock));
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteString("timestamp", TranscriptFile.Timestamp(main.Clock));
            w.WriteEndObject();
            w.WriteBoolean("isSnapshotUpdate", false);
        });
        var first = prompts++ == 0;
        main.WriteLine(w =>
        {
            main.WriteEnvelope(w, main.LastUuid, withSlug: !first);
            w.WriteString("type", "user");
            w.WriteStartObject("message");
            w.WriteString("role", "user");
            w.WriteString("content", text);
            w.WriteEndObject();
            main.WriteTail(w, uuid);
            w.WriteStartObject("thinkingMetadata");
            w.WriteNumber("maxThinkingTokens", 31999);
            w.WriteEndObject();
            w.WriteStartArray("todos");
            w.WriteEndArray();
            w.WriteString("permissionMode", "acceptEdits");
        });
        main.LastUuid = uuid;
        main.PendingTokens += Tokens(text) + 20;
        counts.Tasks++;
    }

    private void WriteQueueOperation(string operation, string? content) =>
        main.WriteLine(w =>
        {
            w.WriteString("type", "queue-operation");
            w.WriteString("operation", operation);
            w.WriteString("timestamp", TranscriptFile.Timestamp(main.Clock));
            w.WriteString("sessionId", main.Context.SessionId);
            if (content is not null)
            {
                w.WriteString("content", content);
            }
        });

    private void Interruption(bool forToolUse)
    {
        main.Advance(TimeSpan.FromMilliseconds(random.Next(5, 40)));
        var uuid = ids.Uuid();
        var text = forToolUse ? "[Request interrupted by user for tool use]" : "[Request interrupted by user]";
        main.WriteLine(w =>
        {
            main.WriteEnvelope(w, main.LastUuid);
            w.WriteString("type", "user");
            w.WriteStartObject("message");
            w.WriteString("role", "user");
            w.WriteStartArray("content");
            w.WriteStartObject();
            w.WriteString("type", "text");
            w.WriteString("text", text);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            main.WriteTail(w, uuid);
        });
        main.LastUuid = uuid;
        counts.InterruptedTasks++;
    }

    // ---- the assistant side ----

    private void Say(string text) => pending.Add(SampleBlock.Say(text));

    private void Think(string text) => pending.Add(SampleBlock.Think(text));

    /// <summary>Ends the turn: the last response is text only, then the turn's system lines.</summary>
    private void Finish(string text)
    {
        pending.Add(SampleBlock.Say(text));
        Respond(main, model);
        if (project.HasHooks)
        {
            main.Advance(TimeSpan.FromMilliseconds(random.Next(200, 900)));
            var uuid = ids.Uuid();
            main.WriteLine(w =>
            {
                main.WriteEnvelope(w, main.LastUuid);
                w.WriteString("type", "system");
                w.WriteString("subtype", "stop_hook_summary");
                w.WriteNumber("hookCount", 1);
                w.WriteStartArray("hookInfos");
                w.WriteStartObject();
                w.WriteString("command", "${CLAUDE_PLUGIN_ROOT}/hooks/stop-hook.sh");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartArray("hookErrors");
                w.WriteEndArray();
                w.WriteBoolean("preventedContinuation", false);
                w.WriteString("stopReason", "");
                w.WriteBoolean("hasOutput", false);
                w.WriteString("level", "suggestion");
                w.WriteString("timestamp", TranscriptFile.Timestamp(main.Clock));
                w.WriteString("uuid", uuid);
                w.WriteString("toolUseID", ids.Uuid());
            });
            main.LastUuid = uuid;
        }

        if (random.Next(2) == 0)
        {
            var uuid = ids.Uuid();
            var duration = (long)(main.Clock - taskStarted).TotalMilliseconds;
            main.WriteLine(w =>
            {
                main.WriteEnvelope(w, main.LastUuid);
                w.WriteString("type", "system");
                w.WriteString("subtype", "turn_duration");
                w.WriteNumber("durationMs", duration);
                main.WriteTail(w, uuid);
                w.WriteBoolean("isMeta", false);
            });
            main.LastUuid = uuid;
        }
    }

    /// <summary>
    /// Writes the pending blocks as one API response: one assistant line per block, all with the same message.id
    /// and requestId and a repeated usage whose output_tokens is a growing placeholder until the last line. Then
    /// the results of its tool calls, in order.
    /// </summary>
    private void Respond(TranscriptFile file, string responseModel)
    {
        var blocks = pending.ToArray();
        pending.Clear();
        var messageId = ids.MessageId();
        var requestId = ids.RequestId();
        var input = random.Next(1, 9);
        var created = file.PendingTokens + random.Next(40, 400);
        var cached = file.CachedTokens;
        file.CachedTokens += created;
        file.PendingTokens = 0;
        var output = random.Next(10, 90) + blocks.Sum(b => Tokens(b.Text) + (b.WriteInput is null ? 0 : 40));
        var placeholder = random.Next(1, 12);
        var oneHour = !file.Context.IsSidechain;
        var calls = new List<(SampleBlock Block, SampleToolCall Call)>();

        for (var i = 0; i < blocks.Length; i++)
        {
            var block = blocks[i];
            var last = i == blocks.Length - 1;
            var outputTokens = last ? output : Math.Min(output - 1, placeholder);
            placeholder += random.Next(3, 40);
            file.Advance(i == 0 ? TimeSpan.FromMilliseconds(random.Next(1_500, 6_000)) : TimeSpan.FromMilliseconds(random.Next(300, 1_500)));
            var uuid = ids.Uuid();
            var toolId = block.Run is null ? null : ids.ToolUseId();
            file.WriteLine(w =>
            {
                file.WriteEnvelope(w, file.LastUuid);
                w.WriteStartObject("message");
                w.WriteString("model", responseModel);
                w.WriteString("id", messageId);
                w.WriteString("type", "message");
                w.WriteString("role", "assistant");
                w.WriteStartArray("content");
                WriteBlock(w, block, toolId);
                w.WriteEndArray();
                w.WriteNull("stop_reason");
                w.WriteNull("stop_sequence");
                WriteUsage(w, input, created, cached, outputTokens, oneHour, last);
                w.WriteEndObject();
                w.WriteString("requestId", requestId);
                w.WriteString("type", "assistant");
                file.WriteTail(w, uuid);
            });
            file.LastUuid = uuid;
            if (toolId is not null)
            {
                calls.Add((block, new SampleToolCall(toolId, block.ToolName!, uuid, messageId, file)));
                counts.ToolCalls++;
            }
        }

        lastUsage = (input, created, cached, output);
        counts.AssistantMessages++;
        counts.AssistantLines += blocks.Length;
        counts.InputTokens += input;
        counts.OutputTokens += output;
        counts.CacheCreationTokens += created;
        counts.CacheReadTokens += cached;
        file.PendingTokens += output;

        foreach (var (block, call) in calls)
        {
            WriteResult(call, block.Run!(call));
        }
    }

    private void WriteBlock(Utf8JsonWriter w, SampleBlock block, string? toolId)
    {
        w.WriteStartObject();
        w.WriteString("type", block.Type);
        switch (block.Type)
        {
            case "thinking":
                w.WriteString("thinking", block.Text);
                w.WriteString("signature", ids.Signature());
                break;
            case "tool_use":
                w.WriteString("id", toolId);
                w.WriteString("name", block.ToolName);
                w.WriteStartObject("input");
                block.WriteInput!(w);
                w.WriteEndObject();
                w.WriteStartObject("caller");
                w.WriteString("type", "direct");
                w.WriteEndObject();
                break;
            default:
                w.WriteString("text", block.Text);
                break;
        }

        w.WriteEndObject();
    }

    private static void WriteUsage(Utf8JsonWriter w, int input, long created, long cached, long output, bool oneHour, bool last)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("input_tokens", input);
        w.WriteNumber("cache_creation_input_tokens", created);
        w.WriteNumber("cache_read_input_tokens", cached);
        if (!last)
        {
            WriteCacheCreation(w, created, oneHour);
        }

        w.WriteNumber("output_tokens", output);
        if (last)
        {
            w.WriteStartObject("server_tool_use");
            w.WriteNumber("web_search_requests", 0);
            w.WriteNumber("web_fetch_requests", 0);
            w.WriteEndObject();
        }

        w.WriteString("service_tier", "standard");
        if (last)
        {
            WriteCacheCreation(w, created, oneHour);
            w.WriteString("inference_geo", "");
            w.WriteStartArray("iterations");
            w.WriteEndArray();
        }
        else
        {
            w.WriteString("inference_geo", "not_available");
        }

        w.WriteEndObject();
    }

    private static void WriteCacheCreation(Utf8JsonWriter w, long created, bool oneHour)
    {
        w.WriteStartObject("cache_creation");
        w.WriteNumber("ephemeral_5m_input_tokens", oneHour ? 0 : created);
        w.WriteNumber("ephemeral_1h_input_tokens", oneHour ? created : 0);
        w.WriteEndObject();
    }

    private void WriteResult(SampleToolCall call, SampleToolResult result)
    {
        var file = call.File;
        if (result.Progress is not null)
        {
            var elapsed = (int)result.Duration.TotalSeconds;
            file.Advance(TimeSpan.FromSeconds(Math.Min(3, elapsed)));
            var progressUuid = ids.Uuid();
            var lines = result.Progress.Count(c => c == '\n');
            file.WriteLine(w =>
            {
                file.WriteEnvelope(w, file.LastUuid);
                w.WriteString("type", "progress");
                w.WriteStartObject("data");
                w.WriteString("type", "bash_progress");
                w.WriteString("output", result.Progress);
                w.WriteString("fullOutput", result.Progress);
                w.WriteNumber("elapsedTimeSeconds", Math.Min(3, elapsed));
                w.WriteNumber("totalLines", lines);
                w.WriteNumber("timeoutMs", 120000);
                w.WriteEndObject();
                w.WriteString("toolUseID", "bash-progress-0");
                w.WriteString("parentToolUseID", call.Id);
                w.WriteString("uuid", progressUuid);
                w.WriteString("timestamp", TranscriptFile.Timestamp(file.Clock));
            });
            file.LastUuid = progressUuid;
            file.Advance(result.Duration - TimeSpan.FromSeconds(Math.Min(3, elapsed)));
        }
        else
        {
            file.Advance(result.Duration);
        }

        var uuid = ids.Uuid();
        file.WriteLine(w =>
        {
            file.WriteEnvelope(w, file.LastUuid);
            w.WriteString("type", "user");
            w.WriteStartObject("message");
            w.WriteString("role", "user");
            w.WriteStartArray("content");
            w.WriteStartObject();
            w.WriteString("tool_use_id", call.Id);
            w.WriteString("type", "tool_result");
            if (result.TextBlocks is { } blocks)
            {
                w.WriteStartArray("content");
                foreach (var text in blocks)
                {
                    w.WriteStartObject();
                    w.WriteString("type", "text");
                    w.WriteString("text", text);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }
            else
            {
                w.WriteString("content", result.Text);
            }

            // Claude Code writes is_error:false for shell commands and leaves it out for most other tools.
            if (result.IsError || call.Name == "Bash")
            {
                w.WriteBoolean("is_error", result.IsError);
            }

            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            file.WriteTail(w, uuid);
            result.WriteToolUseResult(w);
            w.WriteString("sourceToolAssistantUUID", call.AssistantUuid);
        });
        file.LastUuid = uuid;
        file.PendingTokens += Tokens(result.Text) + (result.TextBlocks?.Sum(Tokens) ?? 0);
        if (result.IsError)
        {
            counts.FailedToolCalls++;
        }

        if (project.HasHooks && !file.Context.IsSidechain && !result.Rejected && call.Name is "Bash" or "Edit" or "Read")
        {
            var hookEvent = result.IsError ? "PostToolUseFailure" : "PostToolUse";
            WriteHookProgress(file, hookEvent, $"{hookEvent}:{call.Name}", "${CLAUDE_PLUGIN_ROOT}/scripts/post-tool-capture.sh", call.Id);
        }
    }

    private void WriteHookProgress(TranscriptFile file, string hookEvent, string hookName, string command, string toolUseId, bool withSlug = true)
    {
        file.Advance(TimeSpan.FromMilliseconds(random.Next(20, 120)));
        var uuid = ids.Uuid();
        file.WriteLine(w =>
        {
            file.WriteEnvelope(w, file.LastUuid, withSlug);
            w.WriteString("type", "progress");
            w.WriteStartObject("data");
            w.WriteString("type", "hook_progress");
            w.WriteString("hookEvent", hookEvent);
            w.WriteString("hookName", hookName);
            w.WriteString("command", command);
            w.WriteEndObject();
            w.WriteString("parentToolUseID", toolUseId);
            w.WriteString("toolUseID", toolUseId);
            w.WriteString("timestamp", TranscriptFile.Timestamp(file.Clock));
            w.WriteString("uuid", uuid);
        });
        file.LastUuid = uuid;
    }

    private static int Tokens(string text) => (text.Length + 3) / 4;
}
