using System.Buffers;

namespace Outloop.Ingestion;

/// <summary>
/// Streams the complete lines of a JSONL file from a byte offset in batches of bounded size, so memory stays
/// constant whatever the file size. A last line without its newline is not returned: the agent may still be
/// writing it, and the next import picks it up from <see cref="LineBatch.EndOffset"/>. A line longer than
/// <see cref="MaxLineBytes"/> is returned as a marker (<see cref="LineSpan.TooLong"/>) without its bytes.
/// </summary>
internal static class JsonlReader
{
    public const int BatchBytes = 1 << 20;
    public const int MaxLineBytes = 64 << 20;

    public static IEnumerable<LineBatch> ReadBatches(string path, long offset, long firstLineNumber)
    {
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 0,
            Options = FileOptions.SequentialScan,
        });
        if (offset > 0)
        {
            stream.Seek(offset, SeekOrigin.Begin);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BatchBytes);
        var filled = 0;
        var lineNumber = firstLineNumber;
        var bufferFileOffset = offset;
        var skippingLongLine = false;

        while (true)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            var eof = read == 0;
            filled += read;

            var lines = new List<LineSpan>();
            var start = 0;
            while (start < filled)
            {
                var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    break;
                }

                if (skippingLongLine)
                {
                    lines.Add(new LineSpan(0, 0, lineNumber++, TooLong: true));
                    skippingLongLine = false;
                }
                else
                {
                    var length = newline;
                    if (length > 0 && buffer[start + length - 1] == (byte)'\r')
                    {
                        length--;
                    }

                    lines.Add(new LineSpan(start, length, lineNumber++));
                }

                start += newline + 1;
            }

            var endOffset = bufferFileOffset + start;
            var remainder = filled - start;

            if (lines.Count > 0)
            {
                // Hand the full buffer to the batch and carry the partial line into a fresh one.
                var next = ArrayPool<byte>.Shared.Rent(Math.Max(BatchBytes, remainder * 2));
                buffer.AsSpan(start, remainder).CopyTo(next);
                yield return new LineBatch(buffer, lines, endOffset);
                buffer = next;
                filled = remainder;
                bufferFileOffset = endOffset;
                continue;
            }

            if (eof)
            {
                break;
            }

            if (filled == buffer.Length)
            {
                if (skippingLongLine || buffer.Length >= MaxLineBytes)
                {
                    // A line too long to hold: drop what we have of it and remember to report it at its newline.
                    skippingLongLine = true;
                    bufferFileOffset += filled;
                    filled = 0;
                }
                else
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxLineBytes));
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
            }
        }

        ArrayPool<byte>.Shared.Return(buffer);
    }
}
