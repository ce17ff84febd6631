namespace Outloop.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task DemoGeneratesImportsAndReportsTheSample()
    {
        var (exit, output, error) = await CliRun.Run("demo");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Imported 21 files (0 unchanged), 896 lines, 16 sessions, 253 requests, 212 tool calls, 0 skipped lines.", output, StringComparison.Ordinal);
        Assert.Contains("$4.88", output, StringComparison.Ordinal);
        Assert.Contains("-home-dev-projects-ledger", output, StringComparison.Ordinal);
        Assert.Contains("test:pytest:all", output, StringComparison.Ordinal);
        Assert.Contains("cannot compile module Ledger.Invoice", output, StringComparison.Ordinal);
    }
}
