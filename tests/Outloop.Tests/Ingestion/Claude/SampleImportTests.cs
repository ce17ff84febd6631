using Outloop.Ingestion;
using Outloop.Ingestion.Claude;
using Outloop.Reporting;
using Outloop.Sample;
using Outloop.Storage;
using Outloop.Tests.Support;

namespace Outloop.Tests.Ingestion.Claude;

public sealed class SampleImportTests
{
    [Fact]
    public void ImportingTheGeneratedSampleFindsEveryTaskToolCallAndFailureItWrote()
    {
        using var temp = new TempFolder();
        var sample = SampleTranscriptGenerator.Write(temp.File("claude"), seed: 7);
        using var store = SqliteStore.Open(temp.File("store.db"));

        var summary = new ClaudeImporter(store).Import([temp.File("claude")], new ImportOptions());

        Assert.Equal(sample.Files, summary.Files);
        Assert.Equal(sample.Lines, summary.Lines);
        Assert.Equal(0, summary.SkippedLines);
        Assert.Equal(sample.ToolCalls, summary.ToolCalls);
        var sessions = store.Sessions(new UsageFilter());
        Assert.Equal(sample.Sessions, sessions.Count);
        Assert.Equal(sample.Tasks, sessions.Sum(s => s.Tasks));
        Assert.Equal(sample.FailedToolCalls, sessions.Sum(s => s.FailedToolCalls));
        var usage = store.Usage(new UsageFilter()).ToList();
        Assert.Equal(sample.AssistantMessages, usage.Count);
        Assert.Equal(sample.Usage.OutputTokens, usage.Sum(u => u.Tokens.Output));
        Assert.Equal(sample.Usage.CacheReadTokens, usage.Sum(u => u.Tokens.CacheRead));
    }
}
