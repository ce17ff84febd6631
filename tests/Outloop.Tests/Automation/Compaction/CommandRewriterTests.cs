using System.Diagnostics;
using Outloop.Automation.Compaction;

namespace Outloop.Tests.Automation.Compaction;

public sealed class CommandRewriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"outloop-rewriter-tests-{Guid.NewGuid():N}");

    public CommandRewriterTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("""echo "a'b" 'c"d' $'e\tf'""")]
    [InlineData("""echo '$(touch pwned)' "\`touch pwned\`" \$(touch pwned)""")]
    [InlineData("""printf '%s\n' "it's" '\'' ''\''' \\ "\\"; echo done""")]
    [InlineData("""x='; touch pwned; '; echo "$x" && echo "${x}"'"$x"'""")]
    [InlineData("echo 'naïve – 東京' \"emoji 🚀\"")]
    [InlineData("echo first\necho 'second line'\n")]
    [InlineData("""echo "'" '"' "''''" '""' '\' \" """)]
    [InlineData("""[[ -n "x" ]] && echo {a,b}{1,2} || echo no; exit 7""")]
    public async Task AWrappedCommandReachesBashExactlyAsWritten(string command)
    {
        // The launcher stands in for "outloop compact": it drops "compact --" and runs the rest as given.
        var launcher = Path.Combine(_folder, "launcher with space's");
        await File.WriteAllTextAsync(launcher, "#!/bin/sh\nshift 2\nexec \"$@\"\n", TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var wrapped = CommandRewriter.Wrap(command, [launcher]);

        Assert.StartsWith("'" + launcher.Replace("'", "'\\''", StringComparison.Ordinal) + "' compact -- bash -c '", wrapped, StringComparison.Ordinal);
        var original = await Bash(command);
        var viaWrapper = await Bash(wrapped);
        Assert.Equal(original, viaWrapper);
        Assert.False(File.Exists(Path.Combine(_folder, "pwned")), "a substitution inside quotes ran");
    }

    [Theory]
    [InlineData("pytest -q tests/", "pytest")]
    [InlineData("uv run pytest -x -k 'not slow'", "pytest")]
    [InlineData("CI=1 npm test -- --runInBand", null)]
    [InlineData("dotnet test tests/Shop.Tests 2>&1", "dotnet-test")]
    [InlineData("cargo build && cargo test", "cargo-test")]
    [InlineData("npx tsc --noEmit", "tsc")]
    [InlineData("ruff check .", "ruff")]
    [InlineData("pytest | tail -5", null)]
    [InlineData("pytest 2> err.txt", null)]
    [InlineData("cd api; go test ./...", null)]
    [InlineData("FOO=1 export BAR=2 && pytest", null)]
    [InlineData("pip install -r requirements.txt", null)]
    [InlineData("vitest --watch", null)]
    [InlineData("go run ./cmd/server", null)]
    [InlineData("outloop compact -- pytest", null)]
    [InlineData("pytest <<'EOF'", null)]
    [InlineData("sleep 100 &", null)]
    [InlineData("git status", null)]
    public void OnlyAPlainTestBuildOrLintRunIsWrappable(string command, string? runner) =>
        Assert.Equal(runner, CommandRewriter.WrappableRunner(command));

    private async Task<(int Exit, string Out, string Error)> Bash(string command)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
