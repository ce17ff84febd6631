using System.Text.Json;

namespace Outloop.Cli.Tests.Commands;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outloop-cli-tests", Guid.NewGuid().ToString("N"));

    public SimulateCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task JsonOnTheSharedClaudeTranscriptsAddsUpAndSavesTokens()
    {
        var claude = SharedClaudeData();
        var db = Path.Combine(_folder, "store.db");
        var (importExit, _, importError) = await CliRun.Run("import", "auto", claude, "--db", db);
        Assert.True(importExit == 0, importError);

        var (exit, json, error) = await CliRun.Run("simulate", "--train-fraction", "0.5", "--json", "--db", db);
        var (textExit, text, _) = await CliRun.Run("simulate", "--train-fraction", "0.5", "--db", db);

        Assert.True(exit == 0, error);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var totals = root.GetProperty("totals");
        var operations = root.GetProperty("operations").EnumerateArray().ToList();
        Assert.Equal(operations.Count, totals.GetProperty("counted").GetInt32());
        Assert.Equal(operations.Count(o => o.GetProperty("outcome").GetString() == "routed"), totals.GetProperty("routed").GetInt32());
        Assert.Equal(operations.Count(o => o.GetProperty("outcome").GetString() == "wrong-route"), totals.GetProperty("wrongRoutes").GetInt32());
        Assert.Equal(operations.Count(o => o.GetProperty("savings").GetProperty("compactionTokens").GetInt64() > 0), totals.GetProperty("compacted").GetInt32());
        foreach (var o in operations)
        {
            FollowsTheMethod(o);
        }

        var parts = root.GetProperty("tools").EnumerateArray().Concat(root.GetProperty("runners").EnumerateArray()).ToList();
        foreach (var field in new[] { "routingTokens", "compactionTokens", "wastedTokens", "netTokens", "routingUsd", "compactionUsd", "wastedUsd", "netUsd" })
        {
            var total = totals.GetProperty("savings").GetProperty(field).GetDecimal();
            Assert.Equal(total, operations.Sum(o => o.GetProperty("savings").GetProperty(field).GetDecimal()));
            Assert.Equal(total, parts.Sum(p => p.GetProperty("savings").GetProperty(field).GetDecimal()));
        }

        Assert.True(totals.GetProperty("savings").GetProperty("netTokens").GetInt64() > 0, json);
        Assert.True(totals.GetProperty("savings").GetProperty("netUsd").GetDecimal() > 0, json);
        Assert.True(root.GetProperty("training").GetProperty("sessions").GetInt32() > 0);
        Assert.True(root.GetProperty("replay").GetProperty("operations").GetInt32() > operations.Count);
        Assert.Equal(0, textExit);
        Assert.Contains("total", text, StringComparison.Ordinal);
        Assert.Contains("Tokens saved:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UntilAndFractionTogetherAreAUsageError()
    {
        var db = Path.Combine(_folder, "store.db");

        var (exit, _, error) = await CliRun.Run("simulate", "--until", "2026-02-11", "--train-fraction", "0.5", "--db", db);

        Assert.Equal((int)ExitCode.UsageError, exit);
        Assert.Contains("not both", error, StringComparison.Ordinal);
    }

    /// <summary>Redoes one operation's arithmetic from its own inputs, as <c>method</c> states it.</summary>
    private static void FollowsTheMethod(JsonElement o)
    {
        long L(string name) => o.GetProperty(name).GetInt64();
        decimal D(string name) => o.GetProperty(name).GetDecimal();
        var s = o.GetProperty("savings");
        var read = D("inputPrice") + (L("rereads") * D("cacheReadPrice"));
        var outcome = o.GetProperty("outcome").GetString();
        var routing = outcome == "routed" ? L("outputShareTokens") - L("scriptCallTokens") : 0;
        var compaction = s.GetProperty("compactionTokens").GetInt64();
        var wasted = outcome == "wrong-route" ? L("scriptCallTokens") + L("compactTokens") : 0;
        Assert.Equal(routing, s.GetProperty("routingTokens").GetInt64());
        Assert.True(compaction == 0 || compaction == L("resultTokens") - L("compactTokens"));
        Assert.Equal(wasted, s.GetProperty("wastedTokens").GetInt64());
        Assert.Equal(routing * D("outputPrice"), s.GetProperty("routingUsd").GetDecimal());
        Assert.Equal(compaction * read, s.GetProperty("compactionUsd").GetDecimal());
        var wastedUsd = outcome == "wrong-route" ? (L("scriptCallTokens") * D("outputPrice")) + (L("compactTokens") * read) : 0m;
        Assert.Equal(wastedUsd, s.GetProperty("wastedUsd").GetDecimal());
        Assert.Equal(routing + compaction - wasted, s.GetProperty("netTokens").GetInt64());
        Assert.Equal(s.GetProperty("routingUsd").GetDecimal() + s.GetProperty("compactionUsd").GetDecimal() - wastedUsd, s.GetProperty("netUsd").GetDecimal());
    }

    /// <summary><c>../shared/data/claude</c> beside the repository, or a skipped test when it is absent.</summary>
    private static string SharedClaudeData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Outloop.slnx")))
            {
                var claude = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "claude"));
                if (Directory.Exists(claude))
                {
                    return claude;
                }

                break;
            }
        }

        Assert.Skip("../shared/data/claude is not beside this clone; this test runs where the shared data is.");
        return "";
    }
}
