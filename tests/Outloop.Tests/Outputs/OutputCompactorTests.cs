using System.Text;
using System.Text.Json;
using Outloop.Outputs;

namespace Outloop.Tests.Outputs;

public sealed class OutputCompactorTests : IDisposable
{
    private readonly CompactionFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void ShortOutputIsReturnedUnchangedAndNotSaved()
    {
        const string output = "...F.\n\n  1) test adds (MathTest)\n     test/math_test.exs:4\n     Assertion with == failed\n\n5 tests, 1 failure\n";
        var result = OutputCompactor.Compact("mix test", output, 2, fixture.Options);
        Assert.Equal(output, result.Text);
        Assert.Null(result.FullOutputPath);
        Assert.Equal(result.OriginalTokens, result.CompactTokens);
        Assert.Equal("test adds (MathTest)", Assert.Single(result.Failures).Name);
        Assert.False(Directory.Exists(fixture.Folder));
    }

    [Fact]
    public void AnsiColoursAndProgressRedrawsAreRemoved()
    {
        var output = new StringBuilder();
        for (var i = 0; i <= 100; i += 2)
        {
            output.Append($"\rDownloading model weights {i}% [{new string('#', i / 5)}{new string(' ', 20 - (i / 5))}]");
        }

        output.AppendLine();
        for (var i = 0; i < 40; i++)
        {
            output.AppendLine($"\u001b[32mstep {i}: ok\u001b[0m");
        }

        output.AppendLine("\u001b[31;1mError: checksum mismatch for shard 3\u001b[0m");
        var result = OutputCompactor.Compact("./fetch.sh", output.ToString(), 1, fixture.Options);
        Assert.Equal("generic", result.Runner);
        Assert.False(result.Recognised);
        Assert.DoesNotContain("\u001b", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Downloading model weights 50%", result.Text, StringComparison.Ordinal);
        Assert.Contains("Error: checksum mismatch for shard 3", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void GenericOutputKeepsEveryErrorLineWithHeadAndTail()
    {
        var output = new StringBuilder();
        for (var i = 0; i < 400; i++)
        {
            output.AppendLine(i % 97 == 50 ? $"worker {i}: Traceback seen, task {i} failed" : $"worker {i}: processed batch {i} in {i % 7}ms");
        }

        var result = OutputCompactor.Compact("./run-batches", output.ToString(), 1, fixture.Options);
        Assert.Equal("generic", result.Runner);
        foreach (var i in new[] { 50, 147, 244, 341 })
        {
            Assert.Contains($"worker {i}: Traceback seen, task {i} failed", result.Text, StringComparison.Ordinal);
        }

        Assert.Contains("worker 0: processed batch 0", result.Text, StringComparison.Ordinal);
        Assert.Contains("worker 399: processed batch 399", result.Text, StringComparison.Ordinal);
        Assert.True(result.Reduction > 0.8, $"{result.Reduction:P1}");
    }

    [Fact]
    public void WithoutAFolderTheCompactTextSaysTheFullOutputWasNotSaved()
    {
        var output = string.Join('\n', Enumerable.Range(0, 300).Select(i => $"test_{i} ... ok")) + "\n\nRan 300 tests in 0.4s\n\nOK\n";
        var result = OutputCompactor.Compact("python -m unittest", output, 0, new CompactOptions());
        Assert.Equal("unittest", result.Runner);
        Assert.Null(result.FullOutputPath);
        Assert.EndsWith("the full output was not saved]", result.Text, StringComparison.Ordinal);
        Assert.Contains("Ran 300 tests in 0.4s", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RendererWritesTheBashToolResultShape()
    {
        var result = new CompactResult("FAIL x (a.py:3): boom\n[outloop: full output: /tmp/o/1.log]", "pytest", 900, 20, [], "/tmp/o/1.log", true);
        using var bash = JsonDocument.Parse(CompactOutputRenderer.BashToolOutput(result));
        Assert.Equal(result.Text, bash.RootElement.GetProperty("stdout").GetString());
        Assert.Equal(string.Empty, bash.RootElement.GetProperty("stderr").GetString());
        Assert.False(bash.RootElement.GetProperty("interrupted").GetBoolean());
        Assert.False(bash.RootElement.GetProperty("isImage").GetBoolean());

        using var hook = JsonDocument.Parse(CompactOutputRenderer.PostToolUseResponse(result));
        var specific = hook.RootElement.GetProperty("hookSpecificOutput");
        Assert.Equal("PostToolUse", specific.GetProperty("hookEventName").GetString());
        Assert.Equal(result.Text, specific.GetProperty("updatedToolOutput").GetProperty("stdout").GetString());
    }
}
