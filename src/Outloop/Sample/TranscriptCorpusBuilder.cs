using System.Diagnostics;

namespace Outloop.Sample;

/// <summary>
/// Builds a large benchmark corpus from real Claude Code transcripts by multiplying them: copy k of every transcript
/// (and of its subagent files) gets fresh ids from <see cref="TranscriptIdRewriter"/> and its timestamps moved by k
/// days, so daily reports spread out and no two copies share an id. Files are streamed in chunks of whole lines and
/// rewritten in place: memory stays constant whatever the corpus size.
/// </summary>
public static class TranscriptCorpusBuilder
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>Builds the corpus that <paramref name="options"/> describes.</summary>
    public static CorpusResult Build(CorpusOptions options)
    {
        var projects = Directory.Exists(Path.Combine(options.Source, "projects")) ? Path.Combine(options.Source, "projects") : options.Source;
        if (!Directory.Exists(projects))
        {
            throw new DirectoryNotFoundException($"No transcripts folder at '{options.Source}'.");
        }

        var sources = Directory.EnumerateFiles(projects, "*.jsonl", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(projects, path))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (sources.Count == 0)
        {
            throw new FileNotFoundException($"No .jsonl transcripts under '{projects}'.");
        }

        return options.SingleFile ? BuildSingleFile(options, projects, sources) : BuildFolder(options, projects, sources);
    }

    private static CorpusResult BuildFolder(CorpusOptions options, string projects, List<string> sources)
    {
        var watch = Stopwatch.StartNew();
        var sourceBytes = sources.Sum(s => new FileInfo(Path.Combine(projects, s)).Length);
        var buffer = new byte[ChunkBytes];
        long written = 0;
        var files = 0;
        var copy = 0;
        while (written < options.TargetBytes)
        {
            var rewriter = new TranscriptIdRewriter(options.Seed, copy, days: copy);
            foreach (var relative in sources)
            {
                var target = Path.Combine(options.Output, "projects", CopyPath(relative, rewriter, copy));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan);
                written += CopyRewritten(Path.Combine(projects, relative), output, rewriter, ref buffer);
                files++;
            }

            copy++;
        }

        return new CorpusResult(options.Output, sources.Count, sourceBytes, copy, files, written, watch.Elapsed);
    }

    private static CorpusResult BuildSingleFile(CorpusOptions options, string projects, List<string> sources)
    {
        var watch = Stopwatch.StartNew();

        // Main transcripts only: a subagent's lines belong to their own file.
        var sessions = sources.Where(s => !s.Contains(Path.DirectorySeparatorChar + "subagents" + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
        var sourceBytes = sessions.Sum(s => new FileInfo(Path.Combine(projects, s)).Length);
        var sessionId = new SampleIds(new Random(options.Seed)).Uuid();
        var buffer = new byte[ChunkBytes];
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
        using var output = new FileStream(options.Output, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan);
        long written = 0;
        var copy = 0;
        while (written < options.TargetBytes)
        {
            var rewriter = new TranscriptIdRewriter(options.Seed, copy, days: copy, sessionId);
            foreach (var relative in sessions)
            {
                written += CopyRewritten(Path.Combine(projects, relative), output, rewriter, ref buffer, endWithNewline: true);
                if (written >= options.TargetBytes)
                {
                    break;
                }
            }

            copy++;
        }

        return new CorpusResult(options.Output, sessions.Count, sourceBytes, copy, 1, written, watch.Elapsed, sessionId);
    }

    /// <summary>The copy's relative path: UUID folders and file names and agent ids rewritten, other names suffixed.</summary>
    private static string CopyPath(string relative, TranscriptIdRewriter rewriter, int copy)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar);
        for (var i = 1; i < parts.Length; i++)
        {
            var renamed = rewriter.RewriteName(parts[i]);
            if (i == parts.Length - 1 && renamed == parts[i])
            {
                renamed = $"{Path.GetFileNameWithoutExtension(parts[i])}-copy{copy}{Path.GetExtension(parts[i])}";
            }

            parts[i] = renamed;
        }

        return Path.Combine(parts);
    }

    /// <summary>Streams one file through the rewriter in chunks of whole lines; returns the bytes written.</summary>
    internal static long CopyRewritten(string source, Stream output, TranscriptIdRewriter rewriter, ref byte[] buffer, bool endWithNewline = false)
    {
        using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        long written = 0;
        var filled = 0;
        while (true)
        {
            var read = input.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            if (read == 0)
            {
                if (filled > 0)
                {
                    rewriter.Rewrite(buffer.AsSpan(0, filled));
                    output.Write(buffer, 0, filled);
                    written += filled;
                    if (endWithNewline && buffer[filled - 1] != (byte)'\n')
                    {
                        // Keep the next file's first line on a line of its own when files are concatenated.
                        output.WriteByte((byte)'\n');
                        written++;
                    }
                }

                return written;
            }

            var complete = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
            if (complete == 0)
            {
                if (filled == buffer.Length)
                {
                    // One line longer than the buffer: grow it (memory stays bounded by the longest line).
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                continue;
            }

            rewriter.Rewrite(buffer.AsSpan(0, complete));
            output.Write(buffer, 0, complete);
            written += complete;
            filled -= complete;
            buffer.AsSpan(complete, filled).CopyTo(buffer);
        }
    }
}
