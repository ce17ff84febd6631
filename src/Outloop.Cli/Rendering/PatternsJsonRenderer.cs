using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outloop.Patterns;

namespace Outloop.Cli.Rendering;

/// <summary>
/// <c>outloop patterns KIND --json</c>: <c>{"patterns":[...]}</c>. Operations carry exactly <c>id, signature,
/// occurrences, tasks, sessions, llmTokens, toolTokens, monthlySavingsUsd, confidence, status</c>; the other kinds
/// carry <c>id</c> and <c>occurrences</c> with their own fields.
/// </summary>
internal sealed class PatternsJsonRenderer(TextWriter output)
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Render(string kind, IReadOnlyList<PatternListing> patterns)
    {
        output.Write(Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("patterns");
            foreach (var listing in patterns)
            {
                writer.WriteStartObject();
                WritePattern(writer, kind, listing);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }));
        output.WriteLine();
    }

    public void RenderShow(PatternRecord pattern, string status, IReadOnlyList<PatternEvidence> evidence, IReadOnlyList<FailureRecord> failures)
    {
        output.Write(Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("pattern");
            WritePattern(writer, pattern.Kind, new PatternListing(pattern, status, pattern.Occurrences, pattern.Sessions, pattern.LlmTokens, pattern.ToolTokens));
            writer.WriteString("kind", pattern.Kind);
            writer.WriteString("title", pattern.Title);
            writer.WriteNumber("calls", pattern.Calls);
            writer.WriteNumber("llmCostUsd", pattern.LlmCostUsd);
            writer.WriteNumber("scriptCostUsd", pattern.ScriptCostUsd);
            Raw(writer, "confidenceParts", pattern.ConfidenceParts);
            Raw(writer, "details", pattern.Details);
            writer.WriteEndObject();
            writer.WriteStartArray("occurrences");
            foreach (var e in evidence)
            {
                var o = e.Occurrence;
                writer.WriteStartObject();
                writer.WriteString("session", o.SessionId);
                writer.WriteString("task", o.TaskId);
                writer.WriteString("agent", o.Agent);
                writer.WriteString("time", o.Ts);
                writer.WriteString("toolCall", o.ToolCallId);
                writer.WriteString("command", e.Command);
                writer.WriteNumber("calls", o.Calls);
                writer.WriteNumber("llmTokens", o.LlmTokens);
                writer.WriteNumber("toolTokens", o.ToolTokens);
                writer.WriteNumber("llmCostUsd", o.LlmCostUsd);
                writer.WriteNumber("scriptCostUsd", o.ScriptCostUsd);
                writer.WriteString("detail", o.Detail);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("failures");
            foreach (var f in failures)
            {
                writer.WriteStartObject();
                writer.WriteString("toolCall", f.ToolCallId);
                writer.WriteString("task", f.TaskId);
                writer.WriteString("time", f.Ts);
                writer.WriteString("signature", f.Signature);
                writer.WriteString("source", f.Source);
                writer.WriteString("line", f.Line);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }));
        output.WriteLine();
    }

    private static void WritePattern(Utf8JsonWriter writer, string kind, PatternListing listing)
    {
        var p = listing.Pattern;
        using var details = JsonDocument.Parse(p.Details ?? "{}");
        var d = details.RootElement;
        writer.WriteString("id", p.Id);
        switch (kind)
        {
            case PatternKind.Operation:
                writer.WriteString("signature", p.Signature);
                writer.WriteNumber("occurrences", listing.Occurrences);
                writer.WriteNumber("tasks", listing.Occurrences);
                writer.WriteNumber("sessions", listing.Sessions);
                writer.WriteNumber("llmTokens", listing.LlmTokens);
                writer.WriteNumber("toolTokens", listing.ToolTokens);
                writer.WriteNumber("monthlySavingsUsd", Math.Round(p.MonthlySavingsUsd, 4));
                break;
            case PatternKind.Sequence:
                writer.WriteString("sequence", p.Signature);
                writer.WriteNumber("occurrences", listing.Occurrences);
                writer.WriteNumber("tasks", listing.Occurrences);
                writer.WriteNumber("sessions", listing.Sessions);
                writer.WriteNumber("calls", p.Calls);
                Copy(writer, d, "length");
                break;
            case PatternKind.Failure:
                writer.WriteString("template", p.Signature);
                writer.WriteNumber("occurrences", listing.Occurrences);
                writer.WriteNumber("count", p.Calls);
                writer.WriteNumber("tasks", listing.Occurrences);
                writer.WriteNumber("sessions", listing.Sessions);
                writer.WriteString("firstSeen", p.FirstSeen);
                writer.WriteString("lastSeen", p.LastSeen);
                Copy(writer, d, "signature");
                Copy(writer, d, "tool");
                Copy(writer, d, "examples");
                break;
            case PatternKind.Recovery:
                writer.WriteString("template", d.GetProperty("template").GetString());
                writer.WriteNumber("occurrences", listing.Occurrences);
                Copy(writer, d, "attempts");
                Copy(writer, d, "recovered");
                writer.WriteNumber("successRate", Math.Round(p.SuccessRate ?? 0, 4));
                Copy(writer, d, "selfHeal");
                Copy(writer, d, "usualFix");
                Copy(writer, d, "averageSteps");
                break;
            default:
                writer.WriteString("group", p.Signature);
                writer.WriteString("title", p.Title);
                writer.WriteNumber("occurrences", listing.Occurrences);
                writer.WriteNumber("tasks", listing.Occurrences);
                Copy(writer, d, "verb");
                Copy(writer, d, "averageIterations");
                Copy(writer, d, "averageScore");
                Copy(writer, d, "sharedWords");
                Copy(writer, d, "sharedSignatures");
                Copy(writer, d, "sharedFiles");
                break;
        }

        writer.WriteNumber("confidence", p.Confidence);
        writer.WriteString("status", listing.Status);
    }

    private static void Copy(Utf8JsonWriter writer, JsonElement details, string name)
    {
        if (details.TryGetProperty(name, out var value))
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }

    private static void Raw(Utf8JsonWriter writer, string name, string? json)
    {
        writer.WritePropertyName(name);
        if (json is null)
        {
            writer.WriteNullValue();
            return;
        }

        using var document = JsonDocument.Parse(json);
        document.RootElement.WriteTo(writer);
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            body(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
