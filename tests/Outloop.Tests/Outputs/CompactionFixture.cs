using Outloop.Outputs;

namespace Outloop.Tests.Outputs;

/// <summary>A temporary folder for full outputs, and the checks every compaction test makes.</summary>
public sealed class CompactionFixture : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"outloop-compaction-tests-{Guid.NewGuid():N}");

    internal CompactOptions Options => new() { FullOutputDirectory = Folder };

    /// <summary>Compacts, then checks what must hold for any long output: kept items, reduction, full output on disk.</summary>
    internal CompactResult Compact(string command, string output, int? exitCode, string runner, double minReduction, params string[] mustKeep)
    {
        var result = OutputCompactor.Compact(command, output, exitCode, Options);
        Assert.Equal(runner, result.Runner);
        Assert.True(result.Recognised);
        foreach (var item in mustKeep)
        {
            Assert.Contains(item, result.Text, StringComparison.Ordinal);
        }

        Assert.True(result.Reduction >= minReduction, $"reduced {result.Reduction:P1} ({result.OriginalTokens} -> {result.CompactTokens}), expected {minReduction:P0}:\n{result.Text}");
        Assert.NotNull(result.FullOutputPath);
        Assert.Equal(output, File.ReadAllText(result.FullOutputPath));
        Assert.EndsWith($"full output: {result.FullOutputPath}]", result.Text, StringComparison.Ordinal);
        return result;
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
