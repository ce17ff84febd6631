using System.Text.Json;
using Outloop.Sample;
using Outloop.Tests.Support;

namespace Outloop.Tests.Sample;

public sealed class TranscriptCorpusBuilderTests
{
    [Fact]
    public void CopiesShareNoIdWithTheSourceOrWithEachOther()
    {
        using var folder = new TempFolder();
        var (source, corpus) = BuildFromSample(folder, copies: 3);

        var sourceIds = TranscriptIds.OfFiles(Jsonl(source));
        var corpusIds = TranscriptIds.OfFiles(Jsonl(corpus.Output));

        Assert.Equal(3, corpus.Copies);
        Assert.Empty(sourceIds.Intersect(corpusIds));
        Assert.Equal(3 * sourceIds.Count, corpusIds.Count);
    }

    [Fact]
    public void ToolUsesStillPairWithTheirResults()
    {
        using var folder = new TempFolder();
        var (source, corpus) = BuildFromSample(folder, copies: 2);

        var scan = TranscriptScan.Of(Path.Combine(corpus.Output, "projects"));

        Assert.Empty(scan.UnpairedToolUses);
        Assert.Equal(2 * TranscriptScan.Of(source).ToolUses, scan.ToolUses);
    }

    [Fact]
    public void LinesOfOneResponseStillShareMessageIdAndRequestId()
    {
        using var folder = new TempFolder();
        var (source, corpus) = BuildFromSample(folder, copies: 2);

        var sourceGroups = ResponseGroupSizes(Jsonl(source));
        var corpusGroups = ResponseGroupSizes(Jsonl(corpus.Output));

        Assert.Contains(sourceGroups, size => size > 1);
        Assert.Equal(sourceGroups.Concat(sourceGroups).Order(), corpusGroups.Order());
    }

    [Fact]
    public void SubagentFilesKeepTheirParentSessionAndAgentId()
    {
        using var folder = new TempFolder();
        var (_, corpus) = BuildFromSample(folder, copies: 2);

        var subagentFiles = Jsonl(corpus.Output).Where(f => f.Contains("/subagents/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(subagentFiles);
        foreach (var file in subagentFiles)
        {
            var sessionFolder = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)))!;
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(file)))!, sessionFolder + ".jsonl")), $"parent of {file}");
            foreach (var line in File.ReadLines(file))
            {
                using var doc = JsonDocument.Parse(line);
                Assert.Equal(sessionFolder, doc.RootElement.GetProperty("sessionId").GetString());
                Assert.Equal($"agent-{doc.RootElement.GetProperty("agentId").GetString()}.jsonl", Path.GetFileName(file));
            }
        }
    }

    [Fact]
    public void EachCopyMovesEveryTimestampByWholeDaysAndKeepsLineLengths()
    {
        using var folder = new TempFolder();
        var summary = SampleTranscriptGenerator.Write(folder.Path, seed: 3, SampleSize.Small);
        var file = Jsonl(summary.ProjectsFolder).First(f => !f.Contains("/subagents/", StringComparison.Ordinal));
        var rewriter = new TranscriptIdRewriter(seed: 1, copy: 2, days: 2);
        using var copy = new MemoryStream();
        var buffer = new byte[64];

        TranscriptCorpusBuilder.CopyRewritten(file, copy, rewriter, ref buffer);

        var sourceLines = File.ReadAllLines(file);
        var copyLines = System.Text.Encoding.UTF8.GetString(copy.ToArray()).TrimEnd('\n').Split('\n');
        Assert.Equal(sourceLines.Length, copyLines.Length);
        for (var i = 0; i < sourceLines.Length; i++)
        {
            Assert.Equal(sourceLines[i].Length, copyLines[i].Length);
            Assert.NotEqual(sourceLines[i], copyLines[i]);
            using var before = JsonDocument.Parse(sourceLines[i]);
            using var after = JsonDocument.Parse(copyLines[i]);
            Assert.Equal(Timestamp(before.RootElement)?.AddDays(2), Timestamp(after.RootElement));
        }
    }

    [Fact]
    public void SameOptionsBuildTheSameBytes()
    {
        using var folder = new TempFolder();
        var source = SampleTranscriptGenerator.Write(Path.Combine(folder.Path, "source"), seed: 5, SampleSize.Small).ProjectsFolder;
        var first = TranscriptCorpusBuilder.Build(new CorpusOptions(source, Path.Combine(folder.Path, "a.jsonl"), 1, SingleFile: true));
        var second = TranscriptCorpusBuilder.Build(new CorpusOptions(source, Path.Combine(folder.Path, "b.jsonl"), 1, SingleFile: true));

        Assert.Equal(File.ReadAllBytes(first.Output), File.ReadAllBytes(second.Output));
    }

    [Fact]
    public void SingleFileHoldsOneSessionAndReachesTheTargetSize()
    {
        using var folder = new TempFolder();
        var source = SampleTranscriptGenerator.Write(Path.Combine(folder.Path, "source"), seed: 5, SampleSize.Small).ProjectsFolder;
        var sourceBytes = Jsonl(source).Where(f => !f.Contains("/subagents/", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);
        var output = Path.Combine(folder.Path, "big", "one.jsonl");

        var result = TranscriptCorpusBuilder.Build(new CorpusOptions(source, output, (sourceBytes * 5 / 2) + 1, SingleFile: true));

        Assert.Equal(3, result.Copies);
        Assert.True(new FileInfo(output).Length >= result.Bytes - 1 && result.Bytes > sourceBytes * 5 / 2);
        var sessionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(output))
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.TryGetProperty("sessionId", out var sessionId))
            {
                sessionIds.Add(sessionId.GetString()!);
            }
        }

        Assert.Equal([result.SessionId!], sessionIds);
        Assert.Empty(TranscriptScan.Of(Path.GetDirectoryName(output)!).UnpairedToolUses);
    }

    [Fact]
    public void RealTranscriptsGetFreshIdsEverywhere()
    {
        var data = SharedData.Require("claude/projects");

        var buffer = new byte[1 << 16];
        var rewriter = new TranscriptIdRewriter(seed: 1, copy: 1, days: 1);
        foreach (var file in Jsonl(data))
        {
            using var copy = new MemoryStream();
            TranscriptCorpusBuilder.CopyRewritten(file, copy, rewriter, ref buffer);
            var copyLines = System.Text.Encoding.UTF8.GetString(copy.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var sourceIds = TranscriptIds.OfFiles([file]);
            var copyIds = copyLines.SelectMany(TranscriptIds.Of).ToHashSet(StringComparer.Ordinal);

            Assert.Empty(sourceIds.Intersect(copyIds).Select(id => $"{Path.GetFileName(file)}: {id}"));
            Assert.Equal(sourceIds.Count, copyIds.Count);
        }
    }

    private static (string Source, CorpusResult Corpus) BuildFromSample(TempFolder folder, int copies)
    {
        var summary = SampleTranscriptGenerator.Write(Path.Combine(folder.Path, "source"), seed: 11, SampleSize.Small);
        var target = (summary.Bytes * (copies - 1)) + 1;
        var corpus = TranscriptCorpusBuilder.Build(new CorpusOptions(Path.Combine(folder.Path, "source"), Path.Combine(folder.Path, "corpus"), target));
        return (summary.ProjectsFolder, corpus);
    }

    private static List<int> ResponseGroupSizes(IEnumerable<string> files)
    {
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in files.SelectMany(File.ReadLines))
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.GetProperty("type").GetString() == "assistant")
            {
                var key = doc.RootElement.GetProperty("message").GetProperty("id").GetString() + "/" + doc.RootElement.GetProperty("requestId").GetString();
                groups[key] = groups.GetValueOrDefault(key) + 1;
            }
        }

        return [.. groups.Values];
    }

    private static DateTimeOffset? Timestamp(JsonElement line) =>
        line.TryGetProperty("timestamp", out var value) ? DateTimeOffset.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static List<string> Jsonl(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
