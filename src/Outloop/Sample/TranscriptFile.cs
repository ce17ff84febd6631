using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Outloop.Sample;

/// <summary>
/// One JSONL transcript being written: one JSON object per line, the shared envelope, the parentUuid chain and
/// the file's clock.
/// </summary>
internal sealed class TranscriptFile : IDisposable
{
    // Claude Code writes JSON with JavaScript's JSON.stringify: no escaping of <, >, & or non-ASCII text.
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly FileStream stream;
    private readonly Utf8JsonWriter json;
    private readonly SampleCounts counts;

    public TranscriptFile(string path, TranscriptContext context, DateTimeOffset clock, SampleCounts counts)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024);
        json = new Utf8JsonWriter(stream, Options);
        Context = context;
        Clock = clock;
        this.counts = counts;
        counts.Files++;
    }

    public TranscriptContext Context { get; }

    /// <summary>The uuid of the last conversation line: the next line's parentUuid.</summary>
    public string? LastUuid { get; set; }

    public DateTimeOffset Clock { get; set; }

    /// <summary>Context tokens already cached by the API for this conversation.</summary>
    public long CachedTokens { get; set; }

    /// <summary>Context tokens added since the last request: they are written to the cache by the next one.</summary>
    public long PendingTokens { get; set; }

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public void Advance(TimeSpan by) => Clock += by;

    /// <summary>Writes one line: an object whose properties <paramref name="body"/> writes.</summary>
    public void WriteLine(Action<Utf8JsonWriter> body)
    {
        json.WriteStartObject();
        body(json);
        json.WriteEndObject();
        json.Flush();
        json.Reset();
        stream.WriteByte((byte)'\n');
        counts.Lines++;
        counts.Saw(Clock);
    }

    /// <summary>Writes the envelope fields that open user, assistant, system and progress lines.</summary>
    public void WriteEnvelope(Utf8JsonWriter w, string? parentUuid, bool withSlug = true)
    {
        if (parentUuid is null)
        {
            w.WriteNull("parentUuid");
        }
        else
        {
            w.WriteString("parentUuid", parentUuid);
        }

        w.WriteBoolean("isSidechain", Context.IsSidechain);
        w.WriteString("userType", "external");
        w.WriteString("cwd", Context.Cwd);
        w.WriteString("sessionId", Context.SessionId);
        w.WriteString("version", Context.Version);
        w.WriteString("gitBranch", Context.GitBranch);
        if (Context.AgentId is not null)
        {
            w.WriteString("agentId", Context.AgentId);
        }

        if (withSlug)
        {
            w.WriteString("slug", Context.Slug);
        }
    }

    public void WriteTail(Utf8JsonWriter w, string uuid)
    {
        w.WriteString("uuid", uuid);
        w.WriteString("timestamp", Timestamp(Clock));
    }

    public void Dispose()
    {
        json.Dispose();
        stream.Dispose();
    }
}
