namespace Outloop.Sample;

/// <summary>What <see cref="TranscriptCorpusBuilder"/> wrote and how long it took.</summary>
/// <param name="Output">The corpus folder or file.</param>
/// <param name="SourceFiles">Transcript files found in the source (a copy rewrites each once).</param>
/// <param name="SourceBytes">Their total size.</param>
/// <param name="Copies">Copies written (the last one may be partial in single-file mode).</param>
/// <param name="Files">Files written.</param>
/// <param name="Bytes">Bytes written.</param>
/// <param name="Elapsed">Wall time of the build.</param>
/// <param name="SessionId">The one session id in single-file mode.</param>
public sealed record CorpusResult(
    string Output,
    int SourceFiles,
    long SourceBytes,
    int Copies,
    int Files,
    long Bytes,
    TimeSpan Elapsed,
    string? SessionId = null)
{
    /// <summary>Throughput in MB/s (10^6 bytes).</summary>
    public double MegabytesPerSecond => Elapsed.TotalSeconds > 0 ? Bytes / 1e6 / Elapsed.TotalSeconds : 0;
}
