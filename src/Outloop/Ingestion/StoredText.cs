using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Outloop.Ingestion.Claude;
using Outloop.Ingestion.Redaction;

namespace Outloop.Ingestion;

/// <summary>
/// What every adapter does to a text before it is stored (redact secrets, cap the length), and the small helpers
/// the whole-document adapters share: stable ids from paths, tool inputs as JSON, reading a file once.
/// </summary>
internal static class StoredText
{
    /// <summary>The text redacted and capped, or null.</summary>
    public static string? Prepare(string? text) =>
        text is null ? null : ClaudeLineParser.Cap(SecretRedactor.Redact(text));

    /// <summary>A tool input <c>{"command": ...}</c> with the command redacted and capped.</summary>
    public static string CommandJson(string command, string property = "command")
    {
        var buffer = new ArrayBufferWriter<byte>(command.Length + 16);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(property, Prepare(command));
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Eight hex digits that tell apart two files of the same name (one instance run in two experiments).</summary>
    public static string PathKey(string path) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(path))).AsSpan(0, 4));

    /// <summary>The first <paramref name="max"/> characters of a text on one line, for descriptions and evidence.</summary>
    public static string Shorten(string text, int max = 2000) => text.Length <= max ? text : text[..max];

    /// <summary>A file's whole content, shared for reading by another writer (an agent may still be writing it).</summary>
    public static byte[] ReadAll(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>
    /// Parses a whole-document file; invalid JSON is reported at line 0 as "not &lt;what&gt;" and gives null, so the
    /// adapter records the file as read and goes on.
    /// </summary>
    public static JsonDocument? ParseDocument(SourceFile file, ImportLog log, string what)
    {
        try
        {
            return JsonDocument.Parse(ReadAll(file.Path));
        }
        catch (JsonException e)
        {
            log.Problem(0, $"not {what} (invalid JSON: {e.Message})");
            return null;
        }
    }

    /// <summary>The state of a whole-document file after one read: everything up to its size is done.</summary>
    public static FileState WholeFileState(SourceFile file, string format, long lines) =>
        new(file.Path, format, file.Size, file.Size, file.LastWrite, lines);
}
