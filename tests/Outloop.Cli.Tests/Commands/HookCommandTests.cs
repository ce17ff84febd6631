using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Outloop.Cli.Tests.Commands;

/// <summary><c>outloop hook</c> as Claude Code runs it: a real child process of the built CLI, one event on stdin.</summary>
public sealed class HookCommandTests : IDisposable
{
    private static readonly string CliAssembly = Path.Combine(AppContext.BaseDirectory, "Outloop.Cli.dll");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outloop-cli-tests", Guid.NewGuid().ToString("N"));

    public HookCommandTests() => Directory.CreateDirectory(_folder);

    private string Home => Path.Combine(_folder, "home");

    private string Db => Path.Combine(_folder, "store.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TwentyConcurrentHookProcessesStoreEveryEventExactlyOnce()
    {
        const int processes = 20;
        const int eventsEach = 50;
        var lanes = Enumerable.Range(0, processes).Select(lane => Task.Run(async () =>
        {
            for (var i = 0; i < eventsEach; i++)
            {
                var marker = $"marker-{lane:D2}-{i:D3}";
                var (exit, output, error) = await RunHook(ToolEvent("PreToolUse", marker));
                Assert.Equal(0, exit);
                Assert.Equal(string.Empty, output);
                Assert.Equal(string.Empty, error);
            }
        }));
        await Task.WhenAll(lanes);

        // An event spooled because the store stayed locked past the hook's timeout is stored by the next hook.
        await RunHook(ToolEvent("PreToolUse", "marker-final"));

        Assert.Equal(processes * eventsEach + 1, Scalar("SELECT count(*) FROM hook_events"));
        Assert.Equal(processes * eventsEach + 1, Scalar("SELECT count(DISTINCT json_extract(payload, '$.tool_input.command')) FROM hook_events"));
        Assert.Equal(processes * eventsEach + 1, Scalar("SELECT count(*) FROM tool_calls WHERE input_json LIKE '%marker-%'"));
        Assert.Equal(1, Scalar("SELECT count(*) FROM sessions"));
        Assert.False(Directory.Exists(Path.Combine(Home, "spool")) && Directory.EnumerateFiles(Path.Combine(Home, "spool"), "*.json").Any());
    }

    [Fact]
    public async Task PlantedSecretsAreNowhereInTheStoreFiles()
    {
        string[] secrets =
        [
            "ghp_" + "R8bq2XcZpL0mN4vT7wY1aB3dE5fG6hJ9kQ2s",
            "AKIA" + "Z7QW3ERT5YUI8OPL",
            "sk-ant-api03-" + "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0EdCbA_zyxwvu",
            "Sup3rS3cretPw",
            "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn" + "ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB",
        ];
        var text = $"""
            export GITHUB_TOKEN={secrets[0]}
            aws_access_key_id={secrets[1]}
            ANTHROPIC_API_KEY={secrets[2]}
            psql postgres://app:{secrets[3]}@db:5432/app
            -----BEGIN RSA PRIVATE KEY-----
            {secrets[4]}
            -----END RSA PRIVATE KEY-----
            """;
        await RunHook(ToolEvent("PreToolUse", "toolu_1", command: text));
        await RunHook(ToolEvent("PostToolUse", "toolu_1", command: text, stdout: text));
        await RunHook(ToolEvent("PostToolUseFailure", "toolu_2", command: "x", error: text));
        await RunHook(JsonSerializer.Serialize(new { session_id = "s1", cwd = "/w", hook_event_name = "UserPromptSubmit", prompt = text }));

        Assert.Equal(4, Scalar("SELECT count(*) FROM hook_events"));
        var files = Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("store.db-wal", StringComparison.Ordinal));
        var bytes = files.SelectMany(File.ReadAllBytes).ToArray();
        foreach (var secret in secrets)
        {
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{secret} was found in the store's files");
        }

        Assert.True(bytes.AsSpan().IndexOf("[REDACTED:github]"u8) >= 0, "the redacted events are in the files");
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("")]
    [InlineData("{\"session_id\":\"s1\",\"cwd\":\"/w\"}")]
    public async Task MalformedInputExitsZeroSilentlyAndIsLogged(string stdin)
    {
        var (exit, output, error) = await RunHook(stdin);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal(string.Empty, error);
        var log = await File.ReadAllLinesAsync(Path.Combine(Home, "logs", "hook-errors.log"), TestContext.Current.CancellationToken);
        var line = Assert.Single(log);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT[\d:.]+Z\t(malformed|empty) hook event", line);
    }

    private static string ToolEvent(string name, string toolUseId, string? command = null, string? stdout = null, string? error = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["session_id"] = "session-1",
            ["cwd"] = "/home/me/proj",
            ["hook_event_name"] = name,
            ["tool_name"] = "Bash",
            ["tool_input"] = new { command = command ?? $"echo {toolUseId}" },
            ["tool_use_id"] = toolUseId,
            ["tool_response"] = stdout is null ? null : new { stdout, stderr = string.Empty },
            ["error"] = error,
        }.Where(p => p.Value is not null).ToDictionary());

    private async Task<(int Exit, string Out, string Error)> RunHook(string stdin)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
        foreach (var arg in new[] { CliAssembly, "hook", "--db", Db })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["OUTLOOP_HOME"] = Home;
        start.Environment.Remove("OUTLOOP_DB");
        return await ChildProcess.Run(start, stdin);
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
