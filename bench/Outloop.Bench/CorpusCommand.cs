using Outloop.Sample;

namespace Outloop.Bench;

/// <summary>
/// <c>corpus --from DIR --out DIR --size-mb N</c> multiplies real transcripts into a corpus folder;
/// <c>corpus --from DIR --out FILE --single-file-mb N</c> writes one big single-session transcript.
/// <c>--runs N</c> builds it N times and reports the median.
/// </summary>
internal static class CorpusCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var options = new BenchArgs(args);
        var source = options.Get("from") ?? "../shared/data/claude";
        var single = options.Get("single-file-mb");
        var megabytes = single ?? options.Get("size-mb") ?? "500";
        var corpus = new CorpusOptions(
            source,
            options.Required("out"),
            long.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024,
            SingleFile: single is not null,
            Seed: options.Int("seed", 1));
        var runs = options.Int("runs", 1);
        var results = new List<CorpusResult>();
        for (var run = 0; run < runs; run++)
        {
            var result = TranscriptCorpusBuilder.Build(corpus);
            results.Add(result);
            output.WriteLine($"run {run + 1}: {result.Bytes / 1e6:0.0} MB (10^6 bytes; --size-mb counts MiB) in {result.Files} files ({result.Copies} copies of {result.SourceFiles} files, {result.SourceBytes / 1e6:0.0} MB) in {result.Elapsed.TotalSeconds:0.00} s = {result.MegabytesPerSecond:0} MB/s");
        }

        var median = results.OrderBy(r => r.Elapsed).ElementAt(results.Count / 2);
        output.WriteLine($"median: {median.MegabytesPerSecond:0} MB/s ({median.Elapsed.TotalSeconds:0.00} s for {median.Bytes / 1e6:0.0} MB), peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB -> {median.Output}");
        if (median.SessionId is not null)
        {
            output.WriteLine($"session id: {median.SessionId}");
        }

        return 0;
    }
}
