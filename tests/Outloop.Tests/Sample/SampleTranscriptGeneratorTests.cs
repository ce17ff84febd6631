using System.Text.Json;
using Outloop.Sample;
using Outloop.Tests.Support;

namespace Outloop.Tests.Sample;

public sealed class SampleTranscriptGeneratorTests
{
    [Fact]
    public void SameSeedWritesIdenticalBytes()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();

        SampleTranscriptGenerator.Write(first.Path, seed: 7);
        SampleTranscriptGenerator.Write(second.Path, seed: 7);

        var firstFiles = RelativeFiles(first.Path);
        Assert.Equal(firstFiles, RelativeFiles(second.Path));
        foreach (var file in firstFiles)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, file)), File.ReadAllBytes(Path.Combine(second.Path, file)));
        }
    }

    [Fact]
    public void DifferentSeedsWriteDifferentHistories()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();

        SampleTranscriptGenerator.Write(first.Path, seed: 1, SampleSize.Small);
        SampleTranscriptGenerator.Write(second.Path, seed: 2, SampleSize.Small);

        Assert.NotEqual(RelativeFiles(first.Path), RelativeFiles(second.Path));
    }

    [Fact]
    public void EveryLineIsOneJsonObjectWithAType()
    {
        using var folder = new TempFolder();
        var summary = SampleTranscriptGenerator.Write(folder.Path);

        long lines = 0;
        foreach (var file in Directory.EnumerateFiles(summary.ProjectsFolder, "*", SearchOption.AllDirectories))
        {
            Assert.EndsWith(".jsonl", file, StringComparison.Ordinal);
            var text = File.ReadAllText(file);
            Assert.EndsWith("\n", text, StringComparison.Ordinal);
            foreach (var line in text[..^1].Split('\n'))
            {
                lines++;
                using var doc = JsonDocument.Parse(line);
                Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
                Assert.Equal(JsonValueKind.String, doc.RootElement.GetProperty("type").ValueKind);
            }
        }

        Assert.Equal(summary.Lines, lines);
    }

    [Theory]
    [InlineData(SampleSize.Small)]
    [InlineData(SampleSize.Demo)]
    public void SummaryMatchesCountsScannedFromTheFiles(SampleSize size)
    {
        using var folder = new TempFolder();
        var summary = SampleTranscriptGenerator.Write(folder.Path, seed: 42, size);

        var scan = TranscriptScan.Of(summary.ProjectsFolder);

        Assert.Equal(scan.Files, summary.Files);
        Assert.Equal(scan.Lines, summary.Lines);
        Assert.Equal(scan.Sessions, summary.Sessions);
        Assert.Equal(scan.SubagentFiles, summary.SubagentFiles);
        Assert.Equal(scan.HumanPrompts, summary.Tasks);
        Assert.Equal(scan.Interruptions, summary.InterruptedTasks);
        Assert.Equal(scan.ToolUses, summary.ToolCalls);
        Assert.Equal(scan.ErrorResults, summary.FailedToolCalls);
        Assert.Equal(scan.AssistantLines, summary.AssistantLines);
        Assert.Equal(scan.DistinctMessages, summary.AssistantMessages);
        Assert.Equal(new SampleUsage(scan.InputTokens, scan.OutputTokens, scan.CacheCreationTokens, scan.CacheReadTokens), summary.Usage);
        Assert.Equal(scan.BashCommands, summary.BashCommands);
        Assert.Equal(summary.Bytes, Directory.EnumerateFiles(summary.ProjectsFolder, "*.jsonl", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length));
    }

    [Fact]
    public void EveryToolUseHasExactlyOneResult()
    {
        using var folder = new TempFolder();
        var summary = SampleTranscriptGenerator.Write(folder.Path);

        var scan = TranscriptScan.Of(summary.ProjectsFolder);

        Assert.Empty(scan.UnpairedToolUses);
        Assert.Equal(scan.ToolUses, scan.ToolResults);
    }

    [Fact]
    public void DemoHasTheShapeOfThreeWeeksOfWork()
    {
        using var folder = new TempFolder();
        var summary = SampleTranscriptGenerator.Write(folder.Path);

        Assert.InRange(summary.Sessions, 12, 20);
        Assert.Equal(3, Directory.GetDirectories(summary.ProjectsFolder).Length);
        Assert.InRange((summary.LastTimestamp - summary.FirstTimestamp).TotalDays, 14, 22);
        Assert.True(summary.SubagentFiles >= 2, "subagent files");
        Assert.True(summary.InterruptedTasks >= 1, "interrupted tasks");
        Assert.True(summary.AssistantLines > summary.AssistantMessages, "several lines per response");
        Assert.True(summary.Usage.CacheReadTokens > 5 * (summary.Usage.InputTokens + summary.Usage.OutputTokens + summary.Usage.CacheCreationTokens) / 2, "cache reads dominate");
        Assert.True(summary.FailedToolCalls >= 10, "failures");
        foreach (var command in new[] { "uv run pytest tests/ -q", "npx vitest run", "mix test" })
        {
            Assert.True(summary.BashCommands.GetValueOrDefault(command) >= 4, $"{command} repeats");
        }
    }

    [Fact]
    public void DemoHasCompactionAndSubagentLinesInTheRealShape()
    {
        using var folder = new TempFolder();
        var summary = SampleTranscriptGenerator.Write(folder.Path);

        var lines = Directory.EnumerateFiles(summary.ProjectsFolder, "*.jsonl", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select(line => (File: f, Line: line)))
            .ToList();
        Assert.Contains(lines, l => l.Line.Contains("\"subtype\":\"compact_boundary\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Line.Contains("\"isCompactSummary\":true", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Line.Contains("\"type\":\"file-history-snapshot\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Line.Contains("\"type\":\"progress\"", StringComparison.Ordinal));

        foreach (var (file, line) in lines.Where(l => l.File.Contains("/subagents/", StringComparison.Ordinal)))
        {
            using var doc = JsonDocument.Parse(line);
            Assert.True(doc.RootElement.GetProperty("isSidechain").GetBoolean());
            var parentSession = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)));
            Assert.Equal(parentSession, doc.RootElement.GetProperty("sessionId").GetString());
            Assert.Equal($"agent-{doc.RootElement.GetProperty("agentId").GetString()}.jsonl", Path.GetFileName(file));
        }
    }

    [Fact]
    public void EveryPlannedEditApplies()
    {
        using var folder = new TempFolder();
        var summary = SampleTranscriptGenerator.Write(folder.Path, seed: 42, SampleSize.Large);

        var stale = Directory.EnumerateFiles(summary.ProjectsFolder, "*.jsonl", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Count(line => line.Contains("String to replace not found", StringComparison.Ordinal));
        Assert.Equal(0, stale);
    }

    [Fact]
    public void ProjectFolderIsTheCwdWithEveryOtherCharacterReplaced() =>
        Assert.Equal("-home-dev-projects-orders-api", SampleTranscriptGenerator.EscapeCwd("/home/dev/projects/orders-api"));

    private static List<string> RelativeFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];
}
