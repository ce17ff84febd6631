using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Outloop.Ingestion.Hooks;

/// <summary>
/// One hook event as the hook read it, parsed at most once: the responder (output compaction) and the recorder share
/// the document and the tool's response text, and the recorder reuses both when redaction left the event unchanged
/// (the usual case). On a 200 KB output each extra parse or copy costs about a millisecond of the agent's time.
/// </summary>
internal sealed class HookEventText(string raw, ReadOnlyMemory<byte> utf8 = default) : IDisposable
{
    private JsonDocument? _document;
    private string? _responseText;

    /// <summary>The event's text, as read (not redacted).</summary>
    public string Raw { get; } = raw;

    /// <summary>The parsed event; throws <see cref="JsonException"/> when the text is not JSON.</summary>
    public JsonElement Root => (_document ??= utf8.IsEmpty ? JsonDocument.Parse(Raw) : JsonDocument.Parse(utf8)).RootElement;

    /// <summary>Reads <paramref name="stdin"/> to its end as UTF-8 (a byte order mark is skipped); the bytes are kept for the parse.</summary>
    public static HookEventText Read(Stream stdin)
    {
        var bytes = new byte[64 * 1024];
        var length = 0;
        int read;
        while ((read = stdin.Read(bytes, length, bytes.Length - length)) > 0)
        {
            length += read;
            if (length == bytes.Length)
            {
                Array.Resize(ref bytes, bytes.Length * 2);
            }
        }

        var start = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var text = new ReadOnlyMemory<byte>(bytes, start, length - start);

        // Invalid UTF-8 is parsed from the decoded text (with replacement characters), as a text reader would have.
        return new HookEventText(Encoding.UTF8.GetString(text.Span), Utf8.IsValid(text.Span) ? text : default);
    }

    /// <summary>
    /// The text the model saw of the event's <c>tool_response</c> (<see cref="HookEventMapper.ResponseText"/>), computed
    /// once; null when the event has none.
    /// </summary>
    public string? ToolResponseText() =>
        _responseText ??= Root.ValueKind == JsonValueKind.Object && Root.TryGetProperty("tool_response", out var response)
            ? HookEventMapper.ResponseText(response)
            : null;

    public void Dispose() => _document?.Dispose();
}
