using System.Text;
using Outloop.Storage;

namespace Outloop.Ingestion.Aider;

/// <summary>
/// Reads Aider chat histories (<c>.aider.chat.history.md</c> and transcripts in its shape). The file is append-only
/// Markdown, so it is read from the last offset with the open session, task and model carried in the file state.
/// </summary>
internal sealed class AiderAdapter : ISourceAdapter
{
    public const string Agent = "aider";

    public string Format => Agent;

    public bool CanRead(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
        && (head.IndexOf("# aider chat started at"u8) >= 0 || head.IndexOf("\n#### "u8) >= 0 || head.StartsWith("#### "u8));

    public FileState Import(SourceFile file, IStoreWriter writer, ImportLog log)
    {
        var offset = file.State?.Offset ?? 0;
        var lines = file.State?.Lines ?? 0;
        var parser = new AiderParser(file, AiderParserState.FromJson(file.State?.ParserState), writer);
        foreach (var batch in JsonlReader.ReadBatches(file.Path, offset, lines + 1))
        {
            using (batch)
            {
                foreach (var line in batch.Lines)
                {
                    lines = line.Number;
                    log.Lines++;
                    if (line.TooLong)
                    {
                        log.Problem(line.Number, $"line longer than {JsonlReader.MaxLineBytes} bytes");
                        continue;
                    }

                    parser.Line(Encoding.UTF8.GetString(batch.Line(line)), line.Number);
                }

                offset = batch.EndOffset;
            }
        }

        parser.Finish();
        return new FileState(file.Path, Format, offset, file.Size, file.LastWrite, lines, parser.State.ToJson());
    }
}
