using System.Text;
using System.Text.Json;

namespace Outloop.Outputs;

/// <summary>
/// Writes a <see cref="CompactResult"/> in the shapes Claude Code's hooks exchange, so that a PostToolUse hook
/// can hand the agent the compact text in place of a Bash tool's output.
/// </summary>
internal static class CompactOutputRenderer
{
    /// <summary>
    /// The Bash tool's result shape (<c>{"stdout","stderr","interrupted","isImage"}</c>) holding the compact text.
    /// The compactor reads stdout and stderr as one stream, so the compact text goes to stdout and stderr is empty.
    /// </summary>
    public static string BashToolOutput(CompactResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            WriteBashOutput(json, result);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// A PostToolUse hook's answer replacing the tool output:
    /// <c>{"hookSpecificOutput":{"hookEventName":"PostToolUse","updatedToolOutput":{...}}}</c>.
    /// </summary>
    public static string PostToolUseResponse(CompactResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartObject("hookSpecificOutput");
            json.WriteString("hookEventName", "PostToolUse");
            json.WritePropertyName("updatedToolOutput");
            WriteBashOutput(json, result);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteBashOutput(Utf8JsonWriter json, CompactResult result)
    {
        json.WriteStartObject();
        json.WriteString("stdout", result.Text);
        json.WriteString("stderr", string.Empty);
        json.WriteBoolean("interrupted", false);
        json.WriteBoolean("isImage", false);
        json.WriteEndObject();
    }
}
