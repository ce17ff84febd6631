using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Outloop.Cli.Tests.Commands;

/// <summary>
/// The hook's output compaction as Claude Code runs it: real child processes (<c>outloop hook</c>, and the native
/// <c>outloop-hook</c> when <c>$OUTLOOP_HOOK_BIN</c> names a published one), real PostToolUse/PreToolUse JSON on stdin.
/// </summary>
public sealed partial class HookCompactionTests : IDisposable
{
    private static readonly string CliAssembly = Path.Combine(AppContext.BaseDirectory, "Outloop.Cli.dll");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outloop-cli-tests", Guid.NewGuid().ToString("N"));

    public HookCompactionTests() => Directory.CreateDirectory(Project);

    private string Home => Path.Combine(_folder, "home");

    private string Project => Path.Combine(_folder, "project");

    private string Db => Path.Combine(_folder, "store.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string> RunnersByHost => new()
    {
        { "cli", "pytest" }, { "cli", "dotnet-test" }, { "cli", "cargo-test" },
        { "native", "pytest" }, { "native", "dotnet-test" }, { "native", "cargo-test" },
    };

    [Theory]
    [MemberData(nameof(RunnersByHost))]
    public async Task ARecognisedOutputIsReplacedByItsCompactFormAndTheFullOutputIsKept(string host, string runner)
    {
        var sample = RunnerOutputs.For(runner);

        var (exit, stdout, stderr) = await RunHook(host, PostToolUse(sample.Command, sample.Output), "--compact");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        using var answer = JsonDocument.Parse(stdout);
        var specific = answer.RootElement.GetProperty("hookSpecificOutput");
        Assert.Equal("PostToolUse", specific.GetProperty("hookEventName").GetString());
        var replaced = specific.GetProperty("updatedToolOutput");
        Assert.Equal(string.Empty, replaced.GetProperty("stderr").GetString());
        Assert.False(replaced.GetProperty("interrupted").GetBoolean());
        Assert.False(replaced.GetProperty("isImage").GetBoolean());
        var text = replaced.GetProperty("stdout").GetString()!;
        foreach (var test in sample.FailingTests)
        {
            Assert.Contains(test, text, StringComparison.Ordinal);
        }

        Assert.True(text.Length * 3 < sample.Output.Length, $"{text.Length} of {sample.Output.Length} characters kept");
        var path = FullOutputPath().Match(text).Groups["path"].Value;
        Assert.StartsWith(Path.Combine(Project, ".outloop", "outputs"), path, StringComparison.Ordinal);
        Assert.Equal(sample.Output, await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal("*", (await File.ReadAllLinesAsync(Path.Combine(Project, ".outloop", "outputs", ".gitignore"), TestContext.Current.CancellationToken))[^1]);

        Assert.Equal(1, Scalar("SELECT count(*) FROM hook_events"));
        Assert.Equal(1, Scalar($"SELECT count(*) FROM token_savings WHERE kind = 'hook-compaction' AND runner = '{runner}' AND tool_use_id = 'toolu_1' AND session_id = 'session-1'"));
        Assert.True(Scalar("SELECT tokens_saved FROM token_savings") > Scalar("SELECT final_tokens FROM token_savings") * 2);
    }

    [Theory]
    [InlineData("cli")]
    [InlineData("native")]
    public async Task AnUnrecognisedOutputGetsNoAnswerAndIsStillRecorded(string host)
    {
        var output = string.Join('\n', Enumerable.Range(0, 3000).Select(i => $"worker {i % 8}: processed record {i} checksum={i * 7919 % 65536:x4}"));

        var (exit, stdout, stderr) = await RunHook(host, PostToolUse("./run-batches.sh --all", output), "--compact");

        Assert.Equal((0, string.Empty, string.Empty), (exit, stdout, stderr));
        Assert.Equal(1, Scalar("SELECT count(*) FROM hook_events"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM token_savings"));
        Assert.False(Directory.Exists(Path.Combine(Project, ".outloop", "outputs")) && Directory.EnumerateFiles(Path.Combine(Project, ".outloop", "outputs"), "*.log").Any());
    }

    [Theory]
    [InlineData("cli")]
    [InlineData("native")]
    public async Task WithoutTheFlagARecognisedOutputGetsNoAnswer(string host)
    {
        var sample = RunnerOutputs.Pytest();

        var (exit, stdout, _) = await RunHook(host, PostToolUse(sample.Command, sample.Output));

        Assert.Equal((0, string.Empty), (exit, stdout));
        Assert.Equal(1, Scalar("SELECT count(*) FROM hook_events"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM token_savings"));
    }

    [Theory]
    [InlineData("cli", "this is not json")]
    [InlineData("cli", "{\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"pytest\"},\"tool_response\":{\"stdout\":\"=== test session starts")]
    [InlineData("cli", "{\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Bash\",\"tool_input\":\"pytest\",\"tool_response\":42}")]
    [InlineData("native", "this is not json")]
    [InlineData("native", "{\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"pytest\"},\"tool_response\":{\"stdout\":\"=== test session starts")]
    [InlineData("native", "{\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Bash\",\"tool_input\":\"pytest\",\"tool_response\":42}")]
    public async Task ABrokenEventExitsZeroWithNoAnswer(string host, string stdin)
    {
        var (exit, stdout, stderr) = await RunHook(host, stdin, "--compact", "--rewrite");

        Assert.Equal((0, string.Empty, string.Empty), (exit, stdout, stderr));
    }

    [Theory]
    [InlineData("cli")]
    [InlineData("native")]
    public async Task APlainTestCommandIsRewrittenKeepingEveryOtherInputField(string host)
    {
        const string command = "pytest -q -k \"it's a \\\"quoted\\\" name\" 'tests/$HOME' 2>&1";
        var input = new JsonObject { ["command"] = command, ["description"] = "Run the tests", ["timeout"] = 120000 };

        var (exit, stdout, stderr) = await RunHook(host, PreToolUse(input, "default"), "--rewrite");

        Assert.Equal((0, string.Empty), (exit, stderr));
        var specific = JsonNode.Parse(stdout)!["hookSpecificOutput"]!;
        Assert.Equal("PreToolUse", (string?)specific["hookEventName"]);
        Assert.Equal("ask", (string?)specific["permissionDecision"]);
        var updated = specific["updatedInput"]!.AsObject();
        Assert.Equal(["command", "description", "timeout"], updated.Select(p => p.Key));
        Assert.Equal("Run the tests", (string?)updated["description"]);
        Assert.Equal(120000, (int)updated["timeout"]!);
        var rewritten = (string)updated["command"]!;
        Assert.Contains(" compact -- bash -c ", rewritten, StringComparison.Ordinal);

        // Run as the Bash tool would: a fake pytest on PATH prints its arguments, one per line, then a pytest summary.
        var bin = Path.Combine(_folder, "bin");
        Directory.CreateDirectory(bin);
        var fake = Path.Combine(bin, "pytest");
        await File.WriteAllTextAsync(fake, "#!/bin/sh\nfor a in \"$@\"; do printf 'arg<%s>\\n' \"$a\"; done\necho '=== 3 passed in 0.01s ==='\nexit 3\n", TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var (rewrittenExit, rewrittenOut) = await Bash(rewritten, bin);
        var (originalExit, originalOut) = await Bash(command, bin);

        Assert.Equal(3, originalExit);
        Assert.Equal(originalExit, rewrittenExit);
        Assert.Equal(originalOut, rewrittenOut);
        Assert.Contains("arg<it's a \"quoted\" name>", rewrittenOut, StringComparison.Ordinal);
        Assert.Contains("arg<tests/$HOME>", rewrittenOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cli")]
    [InlineData("native")]
    public async Task TheCompactCommandOfARewritePrintsTheCompactResultAndRecordsItsSaving(string host)
    {
        var sample = RunnerOutputs.Pytest();
        var file = Path.Combine(_folder, "pytest-output.txt");
        await File.WriteAllTextAsync(file, sample.Output, TestContext.Current.CancellationToken);
        var start = host == "native" ? new ProcessStartInfo(NativeHook()) : new ProcessStartInfo(DotnetHost()) { ArgumentList = { CliAssembly } };
        foreach (var arg in new[] { "compact", "--", "bash", "-c", $"cat '{file}'; exit 1" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["OUTLOOP_DB"] = Db;
        var (exit, stdout, _) = await Run(start, string.Empty, keepDb: true);

        Assert.Equal(1, exit);
        Assert.All(sample.FailingTests, test => Assert.Contains(test, stdout, StringComparison.Ordinal));
        Assert.True(stdout.Length * 3 < sample.Output.Length);
        Assert.Equal(1, Scalar("SELECT count(*) FROM token_savings WHERE kind = 'compact-command' AND runner = 'pytest' AND tokens_saved > 0"));
    }

    [Fact]
    public async Task UnderBypassPermissionsTheRewriteIsAllowed()
    {
        var (_, stdout, _) = await RunHook("cli", PreToolUse(new JsonObject { ["command"] = "cargo test" }, "bypassPermissions"), "--rewrite");

        Assert.Equal("allow", (string?)JsonNode.Parse(stdout)!["hookSpecificOutput"]!["permissionDecision"]);
    }

    [Theory]
    [InlineData("cat <<EOF > x.py\nprint(1)\nEOF\npytest")]
    [InlineData("cd backend && pytest")]
    [InlineData("pytest -x | tail -20")]
    [InlineData("pytest > out.txt")]
    [InlineData("pytest --pdb")]
    [InlineData("npx jest --watch")]
    [InlineData("npm install left-pad")]
    [InlineData("cargo run --release")]
    [InlineData("pytest &")]
    [InlineData("ls -la")]
    [InlineData("export CI=1; pytest")]
    public async Task ACommandThatCannotBeWrappedSafelyIsLeftAlone(string command)
    {
        var (exit, stdout, _) = await RunHook("cli", PreToolUse(new JsonObject { ["command"] = command }, "default"), "--rewrite");

        Assert.Equal((0, string.Empty), (exit, stdout));
    }

    [Fact]
    public async Task ABackgroundRunIsLeftAlone()
    {
        var input = new JsonObject { ["command"] = "pytest", ["run_in_background"] = true };

        var (_, stdout, _) = await RunHook("cli", PreToolUse(input, "default"), "--rewrite");

        Assert.Equal(string.Empty, stdout);
    }

    private static string PostToolUse(string command, string stdout) => new JsonObject
    {
        ["session_id"] = "session-1",
        ["transcript_path"] = "/tmp/t.jsonl",
        ["cwd"] = "/home/me/shop",
        ["permission_mode"] = "default",
        ["hook_event_name"] = "PostToolUse",
        ["tool_name"] = "Bash",
        ["tool_input"] = new JsonObject { ["command"] = command, ["description"] = "Run the tests" },
        ["tool_response"] = new JsonObject { ["stdout"] = stdout, ["stderr"] = string.Empty, ["interrupted"] = false, ["isImage"] = false },
        ["tool_use_id"] = "toolu_1",
        ["duration_ms"] = 3210,
    }.ToJsonString();

    private static string PreToolUse(JsonObject input, string permissionMode) => new JsonObject
    {
        ["session_id"] = "session-1",
        ["cwd"] = "/home/me/shop",
        ["permission_mode"] = permissionMode,
        ["hook_event_name"] = "PreToolUse",
        ["tool_name"] = "Bash",
        ["tool_input"] = input,
        ["tool_use_id"] = "toolu_2",
    }.ToJsonString();

    private async Task<(int Exit, string Out, string Error)> RunHook(string host, string stdin, params string[] flags)
    {
        var start = host == "native" ? new ProcessStartInfo(NativeHook()) : new ProcessStartInfo(DotnetHost());
        if (host != "native")
        {
            start.ArgumentList.Add(CliAssembly);
            start.ArgumentList.Add("hook");
        }

        foreach (var arg in new[] { "--db", Db }.Concat(flags))
        {
            start.ArgumentList.Add(arg);
        }

        return await Run(start, stdin);
    }

    private async Task<(int Exit, string Out)> Bash(string command, string bin)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Project };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment["PATH"] = $"{bin}:{Path.GetDirectoryName(DotnetHost())}:{Environment.GetEnvironmentVariable("PATH")}";
        var (exit, output, _) = await Run(start, string.Empty);
        return (exit, output);
    }

    private async Task<(int Exit, string Out, string Error)> Run(ProcessStartInfo start, string stdin, bool keepDb = false)
    {
        start.Environment["OUTLOOP_HOME"] = Home;
        start.Environment["CLAUDE_PROJECT_DIR"] = Project;
        if (!keepDb)
        {
            start.Environment.Remove("OUTLOOP_DB");
        }

        return await ChildProcess.Run(start, stdin);
    }

    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    private static string NativeHook()
    {
        var path = Environment.GetEnvironmentVariable("OUTLOOP_HOOK_BIN");
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            Assert.Skip("No native hook: publish it (dotnet publish src/Outloop.Hook -c Release -r linux-x64) and set OUTLOOP_HOOK_BIN to run these.");
        }

        return path;
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [GeneratedRegex(@"full output: (?<path>\S+)\]$")]
    private static partial Regex FullOutputPath();
}
