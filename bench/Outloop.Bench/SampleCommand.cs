using System.Diagnostics;
using Outloop.Sample;

namespace Outloop.Bench;

/// <summary><c>sample --out DIR [--seed N] [--size small|demo|large]</c>: writes the demo transcripts.</summary>
internal static class SampleCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var options = new BenchArgs(args);
        var size = Enum.Parse<SampleSize>(options.Get("size") ?? "demo", ignoreCase: true);
        var watch = Stopwatch.StartNew();
        var summary = SampleTranscriptGenerator.Write(options.Required("out"), options.Int("seed", 42), size);
        watch.Stop();
        output.WriteLine($"wrote {summary.Files} files, {summary.Lines} lines, {summary.Bytes / 1024.0:0.0} KiB in {watch.ElapsedMilliseconds} ms to {summary.ProjectsFolder}");
        output.WriteLine($"sessions {summary.Sessions}, subagent files {summary.SubagentFiles}, tasks {summary.Tasks} ({summary.InterruptedTasks} interrupted)");
        output.WriteLine($"tool calls {summary.ToolCalls}, failed {summary.FailedToolCalls}; responses {summary.AssistantMessages} on {summary.AssistantLines} assistant lines");
        output.WriteLine($"tokens: input {summary.Usage.InputTokens}, output {summary.Usage.OutputTokens}, cache writes {summary.Usage.CacheCreationTokens}, cache reads {summary.Usage.CacheReadTokens}");
        output.WriteLine($"from {summary.FirstTimestamp:u} to {summary.LastTimestamp:u}");
        foreach (var (command, count) in summary.BashCommands.OrderByDescending(p => p.Value))
        {
            output.WriteLine($"{count,5}  {command}");
        }

        return 0;
    }
}
