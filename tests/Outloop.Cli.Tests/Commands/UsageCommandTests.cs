using Outloop.Ingestion;
using Outloop.Storage;
using Outloop.Tests;

namespace Outloop.Cli.Tests.Commands;

public sealed class UsageCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outloop-cli-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string _db;

    public UsageCommandTests()
    {
        Directory.CreateDirectory(_folder);
        _db = Path.Combine(_folder, "outloop.db");
        using var store = SqliteStore.Open(_db);
        using var writer = store.BeginWrite();
        writer.UpsertSession(new SessionRecord("s1", "claude", "/work/spotter", "/work/spotter", At("2026-02-10T11:00:00Z"), At("2026-02-10T12:30:00Z")));
        writer.UpsertSession(new SessionRecord("s2", "codex", "/work/api", "/work/api", At("2026-02-11T12:00:00Z"), At("2026-02-11T12:10:00Z")));
        writer.UpsertModelRequest(new ModelRequestRecord("msg_1", "s1", null, "claude", "claude-opus-4-6", At("2026-02-10T11:00:00Z"), new TokenCounts(3, 27, 0, 7_883, 17_915), Project: "/work/spotter"));
        writer.UpsertModelRequest(new ModelRequestRecord("msg_2", "s1", null, "claude", "claude-haiku-4-5-20251001", At("2026-02-10T12:30:00Z"), new TokenCounts(6, 1, 1_906, 0, 10_136), Project: "/work/spotter"));
        // The same request seen again with the final output count: one row with the larger counters.
        writer.UpsertModelRequest(new ModelRequestRecord("msg_2", "s1", null, "claude", "claude-haiku-4-5-20251001", At("2026-02-10T12:30:00Z"), new TokenCounts(6, 40, 1_906, 0, 10_136), Project: "/work/spotter"));
        writer.UpsertModelRequest(new ModelRequestRecord("r_1", "s2", null, "codex", "gpt-5.3-codex", At("2026-02-11T12:05:00Z"), new TokenCounts(12_000, 800, 0, 0, 30_000), Project: "/work/api"));
        writer.UpsertModelRequest(new ModelRequestRecord("r_2", "s2", null, "codex", "my-local-llm", At("2026-02-11T12:06:00Z"), new TokenCounts(500, 50, 0, 0, 0), Project: "/work/api"));
        writer.Commit();
    }

    [Fact]
    public async Task DailyJsonHasCcusagesShapeAndTheStoredRequests()
    {
        var (code, output, _) = await Run("usage", "daily", "--json");

        Assert.Equal(0, code);
        Approvals.Verify(output, "usage-daily-json");
    }

    [Fact]
    public async Task DailyTableWithBreakdownShowsPerModelRowsAndUnpricedModels()
    {
        var (code, output, _) = await Run("usage", "daily", "--breakdown");

        Assert.Equal(0, code);
        Approvals.Verify(output, "usage-daily-table");
    }

    [Fact]
    public async Task FiltersNarrowTheReport()
    {
        var (code, output, _) = await Run("usage", "monthly", "--json", "--agent", "claude", "--since", "20260210", "--until", "2026-02-10");

        Assert.Equal(0, code);
        Assert.Contains("\"modelsUsed\": [\n        \"claude-haiku-4-5-20251001\",\n        \"claude-opus-4-6\"\n      ]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("gpt-5.3-codex", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PriceFileAddsAModel()
    {
        var prices = Path.Combine(_folder, "prices.json");
        await File.WriteAllTextAsync(prices, """{"my-local-llm": {"input_cost_per_token": 0.000001, "output_cost_per_token": 0.000002}}""", TestContext.Current.CancellationToken);

        var (code, output, _) = await Run("usage", "session", "--json", "--prices", prices);

        Assert.Equal(0, code);
        Assert.DoesNotContain("unpricedModels", output, StringComparison.Ordinal);
        Assert.Contains("\"cost\": 0.0006,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlocksJsonListsBlocksAndGaps()
    {
        var (code, output, _) = await Run("usage", "blocks", "--json", "--token-limit", "max");

        Assert.Equal(0, code);
        Approvals.Verify(output, "usage-blocks-json");
    }

    [Fact]
    public async Task SessionsJsonJoinsCountsWithCost()
    {
        var (code, output, _) = await Run("sessions", "--json");

        Assert.Equal(0, code);
        Approvals.Verify(output, "sessions-json");
    }

    [Theory]
    [InlineData("--since", "yesterday", "--since yesterday is not a date")]
    [InlineData("--prices", "/nonexistent/prices.json", "The price file /nonexistent/prices.json does not exist")]
    public async Task BadOptionIsAUsageErrorWithAMessage(string option, string value, string message)
    {
        var (code, _, error) = await Run("usage", "daily", option, value);

        Assert.Equal((int)ExitCode.UsageError, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadTokenLimitIsAUsageError()
    {
        var (code, _, error) = await Run("usage", "blocks", "--token-limit", "lots");

        Assert.Equal((int)ExitCode.UsageError, code);
        Assert.Contains("--token-limit lots is not valid", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private Task<(int Exit, string Out, string Error)> Run(params string[] args) => CliRun.Run([.. args, "--db", _db]);

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
}
