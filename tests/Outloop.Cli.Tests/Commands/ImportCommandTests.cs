namespace Outloop.Cli.Tests.Commands;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outloop-cli-tests", Guid.NewGuid().ToString("N"));

    public ImportCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ImportPrintsAOneLineSummaryAndReportsBadLinesOnStandardError()
    {
        var project = Path.Combine(_folder, "projects", "-home-dev-app");
        Directory.CreateDirectory(project);
        await File.WriteAllTextAsync(
            Path.Combine(project, "s1.jsonl"),
            """
            {"type":"user","uuid":"u1","sessionId":"s1","timestamp":"2026-03-02T09:00:00.000Z","message":{"role":"user","content":"run the tests"}}
            {"broken
            {"type":"assistant","uuid":"u2","sessionId":"s1","timestamp":"2026-03-02T09:00:02.000Z","requestId":"r1","message":{"id":"m1","model":"claude-opus-4-6","content":[],"usage":{"input_tokens":3,"output_tokens":5}}}

            """,
            TestContext.Current.CancellationToken);
        var db = Path.Combine(_folder, "store.db");

        var (exit, output, error) = await CliRun.Run("import", "claude", _folder, "--db", db);

        Assert.Equal(0, exit);
        Assert.Equal("Imported 1 files (0 unchanged), 3 lines, 1 sessions, 1 requests, 0 tool calls, 1 skipped lines.", output.Trim());
        Assert.Contains("s1.jsonl:2: not valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrictImportExitsWithBadInput()
    {
        var file = Path.Combine(_folder, "s1.jsonl");
        await File.WriteAllTextAsync(file, "{\"broken\n", TestContext.Current.CancellationToken);

        var (exit, _, error) = await CliRun.Run("import", "claude", file, "--strict", "--db", Path.Combine(_folder, "store.db"));

        Assert.Equal((int)ExitCode.BadInput, exit);
        Assert.StartsWith("outloop: ", error, StringComparison.Ordinal);
        Assert.Contains("s1.jsonl:1", error, StringComparison.Ordinal);
    }
}
