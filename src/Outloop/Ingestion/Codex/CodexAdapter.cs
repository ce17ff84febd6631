using System.Text.Json;
using Outloop.Storage;

namespace Outloop.Ingestion.Codex;

/// <summary>
/// Codex CLI rollouts (<c>~/.codex/sessions/YYYY/MM/DD/rollout-*.jsonl</c>, archived sessions too), every era.
/// Streams the file from its last offset; the session, turn, model and token totals carry over in the file state.
/// </summary>
internal sealed class CodexAdapter : ISourceAdapter
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

    public FileState Import(SourceFile file, IStoreWriter writer, ImportLog log)
    {
        var rollout = new CodexRollout(file.Path, CodexParserState.FromJson(file.State?.ParserState));
        var offset = file.State?.Offset ?? 0;
        var startLines = file.State?.Lines ?? 0;
        foreach (var batch in JsonlReader.ReadBatches(file.Path, offset, startLines + 1))
        {
            using (batch)
            {
                foreach (var line in batch.Lines)
                {
                    log.Lines++;
                    if (line.TooLong)
                    {
                        log.Problem(line.Number, $"line longer than {JsonlReader.MaxLineBytes >> 20} MiB");
                        continue;
                    }

                    var bytes = batch.LineMemory(line);
                    if (bytes.Span.Trim(" \t"u8).IsEmpty)
                    {
                        continue;
                    }

                    try
                    {
                        using var document = JsonDocument.Parse(bytes);
                        if (rollout.Apply(document.RootElement, line.Number, writer) is { } reason)
                        {
                            log.Problem(line.Number, reason);
                        }
                    }
                    catch (JsonException e)
                    {
                        log.Problem(line.Number, $"not valid JSON ({e.Message})");
                    }
                }

                offset = batch.EndOffset;
            }
        }

        rollout.Flush(writer);
        return new FileState(file.Path, Format, offset, file.Size, file.LastWrite, startLines + log.Lines, rollout.State.ToJson());
    }
}
