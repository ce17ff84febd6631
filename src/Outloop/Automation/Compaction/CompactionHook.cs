using System.Text;
using System.Text.Json;
using Outloop.Ingestion;
using Outloop.Ingestion.Hooks;
using Outloop.Ingestion.Redaction;
using Outloop.Outputs;

namespace Outloop.Automation.Compaction;

/// <summary>
/// Output compaction acting through Claude Code's hooks. On PostToolUse (hook flag <c>--compact</c>) a Bash output
/// whose runner is recognised and that compaction shrinks by at least <see cref="CompactionHookOptions.MinReduction"/>
/// is replaced (<c>updatedToolOutput</c>) by its compact text, which names the file holding the full output. On
/// PreToolUse (<c>--rewrite</c>) a plain test, build or lint command is rewritten (<c>updatedInput</c>) to run through
/// <c>compact</c>. Everything else gets no answer. Only JsonDocument and Utf8JsonWriter: NativeAOT-safe.
/// </summary>
internal static class CompactionHook
{
    private const int EdgeChars = 16 * 1024;

    public static HookResponder Responder(CompactionHookOptions options) =>
        (hookEvent, invocation) => Respond(hookEvent, invocation, options, DateTimeOffset.UtcNow);

    /// <summary>The hook's answer to <paramref name="rawEvent"/>, or null for none. Throws on a malformed event.</summary>
    public static HookReply? Respond(string rawEvent, HookInvocation invocation, CompactionHookOptions options, DateTimeOffset now)
    {
        using var hookEvent = new HookEventText(rawEvent);
        return Respond(hookEvent, invocation, options, now);
    }

    /// <summary>The hook's answer to <paramref name="hookEvent"/> (parsed here, once, for the recorder too), or null for none.</summary>
    public static HookReply? Respond(HookEventText hookEvent, HookInvocation invocation, CompactionHookOptions options, DateTimeOffset now)
    {
        // Most events are other tools: a look for the name is cheaper than a parse.
        if (!hookEvent.Raw.Contains("\"Bash\"", StringComparison.Ordinal))
        {
            return null;
        }

        var root = hookEvent.Root;
        if (root.ValueKind != JsonValueKind.Object || String(root, "tool_name") != "Bash"
            || !root.TryGetProperty("tool_input", out var input) || input.ValueKind != JsonValueKind.Object
            || String(input, "command") is not { } command)
        {
            return null;
        }

        return String(root, "hook_event_name") switch
        {
            "PostToolUse" when invocation.CompactOutput => CompactOutput(hookEvent, command, options, now),
            "PreToolUse" when invocation.RewriteCommands => RewriteCommand(root, input, command, options),
            _ => null,
        };
    }

    private static HookReply? CompactOutput(HookEventText hookEvent, string command, CompactionHookOptions options, DateTimeOffset now)
    {
        var root = hookEvent.Root;
        if (!root.TryGetProperty("tool_response", out var response) || response.ValueKind != JsonValueKind.Object
            || Bool(response, "interrupted") || Bool(response, "isImage") || IsWrapped(command))
        {
            return null;
        }

        // The recorder stores this same text: computed once for both.
        var output = hookEvent.ToolResponseText() ?? string.Empty;
        var compactOptions = new CompactOptions
        {
            FullOutputDirectory = options.OutputFolder,
            MinReduction = options.MinReduction,
            RecognisedOnly = true,
        };
        var outputTokens = TokenEstimator.Estimate(output);
        if (outputTokens < compactOptions.ShortOutputTokens)
        {
            return null;
        }

        // An output of no known tool is the common case and needs no digest: the command, or the shape of the output's
        // first and last lines (where runners print their banners and summaries), must name a runner first.
        if (RunnerDetector.FromCommand(command).Count == 0 && RunnerDetector.FromOutput(Edges(output)) is null)
        {
            return null;
        }

        CompactionOutputFolder.Prepare(options.OutputFolder, now);
        var result = OutputCompactor.Compact(command, output, exitCode: null, compactOptions, outputTokens);
        if (result.FullOutputPath is null)
        {
            return null; // not recognised, or not worth it: the agent reads the output as it was
        }

        var text = Cap(result.Text, options.MaxReplyChars);
        result = result with { Text = text, CompactTokens = TokenEstimator.Estimate(text) };
        var saving = new TokenSavingRecord(
            Guid.CreateVersion7(now).ToString(),
            now,
            String(root, "session_id"),
            String(root, "tool_use_id"),
            TokenSavingRecord.HookCompaction,
            result.Runner,
            SecretRedactor.Redact(command),
            result.OriginalTokens,
            result.CompactTokens,
            result.FullOutputPath);
        return new HookReply(CompactOutputRenderer.PostToolUseResponse(result), saving);
    }

    private static HookReply? RewriteCommand(JsonElement root, JsonElement input, string command, CompactionHookOptions options)
    {
        if (Bool(input, "run_in_background") || CommandRewriter.Rewrite(command, options.Launcher) is not { } rewritten)
        {
            return null;
        }

        // bypassPermissions already runs everything; elsewhere the user confirms the rewritten command, so that a hook
        // never approves what the user's permission rules would have asked about.
        var decision = String(root, "permission_mode") == "bypassPermissions" ? "allow" : "ask";
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartObject("hookSpecificOutput");
            json.WriteString("hookEventName", "PreToolUse");
            json.WriteString("permissionDecision", decision);
            json.WriteString("permissionDecisionReason", "Outloop runs this test/build command through its output compaction (outloop init claude --compact rewrite).");
            json.WriteStartObject("updatedInput");
            foreach (var property in input.EnumerateObject())
            {
                if (property.NameEquals("command"))
                {
                    json.WriteString("command", rewritten);
                }
                else
                {
                    property.WriteTo(json);
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return new HookReply(Encoding.UTF8.GetString(stream.ToArray()), null);
    }

    /// <summary>A command already run through <c>compact</c> (rewritten, or a generated script) is compact already.</summary>
    private static bool IsWrapped(string command) =>
        command.Contains(" compact -- ", StringComparison.Ordinal) || command.Contains("/.outloop/tools/", StringComparison.Ordinal);

    /// <summary>The clean lines of the output's first and last <see cref="EdgeChars"/> characters.</summary>
    private static List<string> Edges(string output)
    {
        if (output.Length <= 2 * EdgeChars)
        {
            return [.. OutputText.CleanLines(output)];
        }

        return [.. OutputText.CleanLines(output[..EdgeChars]), .. OutputText.CleanLines(output[^EdgeChars..])];
    }

    private static string Cap(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        // The last line names the full output: it is kept whole.
        var lastLine = text.LastIndexOf('\n');
        var footer = lastLine >= 0 && text.Length - lastLine < maxChars / 4 ? text[lastLine..] : string.Empty;
        const string note = "\n[outloop: the compact result is cut here to fit the hook's limit; the full output has everything]";
        var head = Math.Max(0, maxChars - footer.Length - note.Length);
        return string.Concat(text.AsSpan(0, head), note, footer);
    }

    private static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
