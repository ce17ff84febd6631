using System.Buffers;

namespace Outloop.Ingestion;

/// <summary>
/// A run of complete lines read from one file: one rented buffer, the lines' positions in it, and the file offset
/// just after the last line. Disposing returns the buffer.
/// </summary>
internal sealed class LineBatch : IDisposable
{
    private byte[]? _buffer;

    public LineBatch(byte[] buffer, List<LineSpan> lines, long endOffset)
    {
        _buffer = buffer;
        Lines = lines;
        EndOffset = endOffset;
    }

    public IReadOnlyList<LineSpan> Lines { get; }

    /// <summary>The file offset after the last complete line of this batch (where the next import starts).</summary>
    public long EndOffset { get; }

    public ReadOnlySpan<byte> Line(LineSpan line) => _buffer.AsSpan(line.Start, line.Length);

    public ReadOnlyMemory<byte> LineMemory(LineSpan line) => _buffer.AsMemory(line.Start, line.Length);

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _buffer = null;
        }
    }
}

/// <summary>Where one line sits in a batch buffer and its 1-based number in the file.</summary>
internal readonly record struct LineSpan(int Start, int Length, long Number, bool TooLong = false);
