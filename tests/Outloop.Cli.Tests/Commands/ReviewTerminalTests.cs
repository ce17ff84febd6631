using System.Diagnostics;
using Outloop.Review;
using Outloop.Storage;

namespace Outloop.Cli.Tests.Commands;

/// <summary>
/// <c>outloop review</c> in a real terminal (a tmux pane): the real CLI process reads single keys from the terminal,
/// starts the editor as a child on the same terminal and reads the rejection's reason as a line.
/// </summary>
public sealed class ReviewTerminalTests : IDisposable
{
    private static readonly string CliAssembly = Path.Combine(AppContext.BaseDirectory, "Outloop.Cli.dll");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outloop-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly string _socket = "outloop-test-" + Guid.NewGuid().ToString("N")[..12];

    public ReviewTerminalTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            if (FindTmux() is not null)
            {
                Tmux("kill-server");
            }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task InteractiveReviewInATerminalEditsRejectsAndRecordsBoth()
    {
        var tmux = FindTmux();
        if (tmux is null || OperatingSystem.IsWindows())
        {
            Assert.Skip("tmux is not installed: the real-terminal review test needs it (apt-get install tmux).");
            return;
        }

        var project = Path.Combine(_folder, "project");
        var db = Path.Combine(_folder, "store.db");
        var log = ReviewProject.Write(_folder, project);
        var (importExit, _, importError) = await CliRun.Run("import", "tasklog", log, "--db", db);
        Assert.True(importExit == 0, importError);
        var editor = Path.Combine(_folder, "editor.sh");
        await File.WriteAllTextAsync(editor, "#!/bin/sh\nsed -i 's/settings file/settings file (config\\/limits.yaml)/' \"$1\"\n", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

        // The pane's shell runs the CLI from another folder than the project, then keeps the exit code on screen.
        Tmux("new-session", "-d", "-x", "200", "-y", "50", "-c", _folder, "-e", "EDITOR=" + editor, "-e", "OUTLOOP_HOME=" + Path.Combine(_folder, "home"),
            $"'{dotnet}' '{CliAssembly}' review --project '{project}' --db '{db}'; echo \"EXIT=$?\"; sleep 60");
        await WaitFor("[a]pprove  [r]eject");
        Tmux("send-keys", "x");
        await WaitFor("Unknown key 'x'");
        Tmux("send-keys", "e");
        await WaitFor("Proposal 2 of 2");
        Tmux("send-keys", "r");
        await WaitFor("Why?");
        Tmux("send-keys", "migrations run in CI already", "Enter");
        var screen = await WaitFor("EXIT=");

        Assert.Contains("EXIT=0", screen, StringComparison.Ordinal);
        Assert.Contains("1 edited, 1 rejected, 0 left pending", screen, StringComparison.Ordinal);
        Assert.Contains("Add rate limiting to endpoint", screen, StringComparison.Ordinal);
        Assert.Equal("- Keep rate limits in the settings file (config/limits.yaml), never in code\n",
            await File.ReadAllTextAsync(Path.Combine(project, ".outloop", "guidelines", "coding.md"), TestContext.Current.CancellationToken));
        Assert.False(File.Exists(Path.Combine(project, ".outloop", "guidelines", "testing.md")));
        using var store = SqliteStore.Open(db);
        var proposals = new SqliteReviewStore(store, new ProjectFiles(project).Root).Proposals().ToDictionary(p => p.TargetFile);
        Assert.Equal((ProposalStatus.Applied, "edited"), (proposals[".outloop/guidelines/coding.md"].Status, proposals[".outloop/guidelines/coding.md"].Feedback));
        Assert.Equal((ProposalStatus.Rejected, "migrations run in CI already"), (proposals[".outloop/guidelines/testing.md"].Status, proposals[".outloop/guidelines/testing.md"].Feedback));
    }

    private static string? FindTmux() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "tmux")).FirstOrDefault(File.Exists);

    private async Task<string> WaitFor(string text)
    {
        var screen = string.Empty;
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(90); await Task.Delay(200, TestContext.Current.CancellationToken))
        {
            screen = Tmux("capture-pane", "-p", "-J", "-S", "-200");
            if (screen.Contains(text, StringComparison.Ordinal))
            {
                return screen;
            }
        }

        Assert.Fail($"'{text}' did not appear in the terminal within 90 s. The screen:\n{screen}");
        return screen;
    }

    private string Tmux(params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
