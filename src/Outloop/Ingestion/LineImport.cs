using System.Runtime.CompilerServices;
using System.Text.Json;
using Outloop.Storage;

namespace Outloop.Ingestion;

/// <summary>The per-line rules every <see cref="ILineAdapter"/> import shares, sequential or pipelined.</summary>
internal static class LineImport
{
    /// <summary>Imports one file on the calling thread (what <see cref="ISourceAdapter.Import"/> of a line adapter does).</summary>
    public static FileState Sequential(ILineAdapter adapter, SourceFile file, IStoreWriter writer, ImportLog log)
    {
        var applier = adapter.Open(file);
        var offset = file.State?.Offset ?? 0;
        var startLines = file.State?.Lines ?? 0;
        foreach (var batch in JsonlReader.ReadBatches(file.Path, offset, startLines + 1))
        {
            using (batch)
            {
                foreach (var line in batch.Lines)
                {
                    Apply(applier, Parse(adapter, batch, line), writer, log);
                }

                offset = batch.EndOffset;
            }
        }

        var state = applier.Flush(writer);
        return new FileState(file.Path, adapter.Format, offset, file.Size, file.LastWrite, startLines + log.Lines, state);
    }

    /// <summary>Parses one line of a batch; never throws for bad input.</summary>
    // Per line or per row: optimised at its first call (see CodexRollout.Apply).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ParsedLine Parse(ILineAdapter adapter, LineBatch batch, LineSpan line)
    {
        if (line.TooLong)
        {
            return new ParsedLine(line.Number, null, $"line longer than {JsonlReader.MaxLineBytes >> 20} MiB");
        }

        var bytes = batch.LineMemory(line);
        if (bytes.Span.Trim(" \t"u8).IsEmpty)
        {
            return new ParsedLine(line.Number, null, null);
        }

        try
        {
            return new ParsedLine(line.Number, adapter.Parse(bytes), null);
        }
        catch (JsonException e)
        {
            return new ParsedLine(line.Number, null, $"not valid JSON ({e.Message})");
        }
        catch (FormatException e)
        {
            return new ParsedLine(line.Number, null, e.Message);
        }
    }

    /// <summary>Counts, reports or applies one parsed line, then disposes what it parsed.</summary>
    // Per line or per row: optimised at its first call (see CodexRollout.Apply).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(ILineApplier applier, ParsedLine line, IStoreWriter writer, ImportLog log)
    {
        log.Lines++;
        try
        {
            if (line.Error is { } error)
            {
                log.Problem(line.Number, error);
            }
            else if (line.Value is { } value && applier.Apply(value, line.Number, writer) is { } reason)
            {
                log.Problem(line.Number, reason);
            }
        }
        finally
        {
            (line.Value as IDisposable)?.Dispose();
        }
    }
}
