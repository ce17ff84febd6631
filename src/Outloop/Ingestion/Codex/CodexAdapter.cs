using Outloop.Storage;

namespace Outloop.Ingestion.Codex;

/// <summary>
/// Codex CLI rollouts (<c>~/.codex/sessions/YYYY/MM/DD/rollout-*.jsonl</c>, archived sessions too), every era.
/// Streams the file from its last offset; the session, turn, model and token totals carry over in the file state.
/// </summary>
internal sealed class CodexAdapter : ILineAdapter
{
    public string Format => "codex";

    public bool CanRead(string path, ReadOnlySpan<byte> head)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith("rollout-", StringComparison.Ordinal) && name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var newline = head.IndexOf((byte)'\n');
        var first = newline < 0 ? head : head[..newline];
        if (first.IndexOf("\"type\":\"session_meta\""u8) >= 0 && first.IndexOf("\"payload\""u8) >= 0)
        {
            return true;
        }

        // The bare era opens with {"id","timestamp","instructions","git"} and no type.
        return first.StartsWith("{\"id\":"u8) && first.IndexOf("\"instructions\""u8) >= 0 && first.IndexOf("\"type\""u8) < 0;
    }

    public FileState Import(SourceFile file, IStoreWriter writer, ImportLog log) => LineImport.Sequential(this, file, writer, log);

    public object? Parse(ReadOnlyMemory<byte> line) => CodexLine.Parse(line);

    public ILineApplier Open(SourceFile file) => new CodexRollout(file.Path, CodexParserState.FromJson(file.State?.ParserState));
}
