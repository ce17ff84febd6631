using Outloop.Ingestion;
using Outloop.Reporting.Pricing;
using Outloop.Tests.Support;

namespace Outloop.Tests.Reporting.Pricing;

public sealed class PriceTableTests
{
    private static readonly PriceTable Prices = PriceTable.Default;

    [Fact]
    public void EveryCounterIsPricedAndOneHourWritesCostTwiceTheInput()
    {
        var cost = Prices.Cost("claude-opus-4-6", new TokenCounts(1_000, 2_000, 3_000, 4_000, 5_000));

        // 1000 x $5/M + 2000 x $25/M + 3000 x $6.25/M + 4000 x $10/M + 5000 x $0.50/M
        Assert.Equal(0.11625m, cost);
    }

    [Fact]
    public void TierPricesApplyToEachCounterAbove200kTokensOfOneRequest()
    {
        var cost = Prices.Cost("claude-sonnet-4-5-20250929", new TokenCounts(250_000, 0, 0, 210_000, 300_000));

        // input 200k x $3 + 50k x $6; 1h writes 200k x $6 + 10k x $12; reads 200k x $0.30 + 100k x $0.60 (per million)
        Assert.Equal(0.9m + 1.32m + 0.12m, cost);
    }

    [Fact]
    public void CountersAtOrBelowTheThresholdUseTheBasePrice()
    {
        var cost = Prices.Cost("claude-sonnet-4-5", new TokenCounts(200_000, 0, 0, 0, 0));

        Assert.Equal(0.6m, cost);
    }

    [Fact]
    public void ModelWithoutTierPricesStaysFlatAbove200k()
    {
        var cost = Prices.Cost("claude-haiku-4-5-20251001", new TokenCounts(300_000, 0, 0, 0, 0));

        Assert.Equal(0.3m, cost);
    }

    [Fact]
    public void FastModeMultipliesTheWholeRequest()
    {
        var tokens = new TokenCounts(100, 1_000, 0, 2_000, 10_000);
        var standard = Prices.Cost("claude-opus-4-6", tokens)!.Value;

        Assert.Equal(standard * 6m, Prices.Cost("claude-opus-4-6", tokens, "fast"));
        Assert.Equal(standard, Prices.Cost("claude-opus-4-6", tokens, "standard"));
    }

    [Fact]
    public void UnknownModelHasNoPrice()
    {
        Assert.Null(Prices.Find("mystery-model-9"));
        Assert.Null(Prices.Cost("openrouter/meta-llama/llama-4-maverick", new TokenCounts(1, 1, 0, 0, 0)));
    }

    [Theory]
    [InlineData("claude-opus-4-6", "claude-opus-4-6", PriceMatchKind.Exact)]
    [InlineData("CLAUDE-OPUS-4-6", "claude-opus-4-6", PriceMatchKind.Exact)]
    [InlineData("anthropic/claude-opus-4-6", "claude-opus-4-6", PriceMatchKind.Normalised)]
    [InlineData("claude-opus-4.6", "claude-opus-4-6", PriceMatchKind.Normalised)]
    [InlineData("claude-sonnet-4-5@20250929", "claude-sonnet-4-5-20250929", PriceMatchKind.Normalised)]
    [InlineData("claude-haiku-4-5-20991231", "claude-haiku-4-5", PriceMatchKind.Normalised)]
    [InlineData("google/gemini-3-pro-preview", "gemini-3-pro-preview", PriceMatchKind.Normalised)]
    [InlineData("@google/gemini-3-pro-preview", "gemini-3-pro-preview", PriceMatchKind.Normalised)]
    [InlineData("gemini/gemini-2.5-pro", "gemini-2.5-pro", PriceMatchKind.Normalised)]
    [InlineData("openai/gpt-5.1-codex", "gpt-5.1-codex", PriceMatchKind.Normalised)]
    [InlineData("gpt-4o-mini-2099-01-01", "gpt-4o-mini", PriceMatchKind.Normalised)]
    [InlineData("us.anthropic.claude-opus-4-6-v1:0", "claude-opus-4-6", PriceMatchKind.Contained)]
    [InlineData("gpt-5.3-codex-spark", "gpt-5.3-codex", PriceMatchKind.Contained)]
    public void ModelNamesResolveToTheirEntry(string model, string key, PriceMatchKind kind)
    {
        var match = Prices.Find(model);

        Assert.NotNull(match);
        Assert.Equal(key, match.Key, ignoreCase: true);
        Assert.Equal(kind, match.Kind);
    }

    [Theory]
    [InlineData("o3x")]
    [InlineData("gpt-40")]
    [InlineData("claude")]
    [InlineData("")]
    public void ContainedMatchesRespectWordBoundaries(string model) => Assert.Null(Prices.Find(model));

    [Theory]
    [InlineData("claude-opus-4-6")]
    [InlineData("claude-opus-4-5")]
    [InlineData("claude-opus-4-1")]
    [InlineData("claude-opus-4")]
    [InlineData("claude-sonnet-4-5-20250929")]
    [InlineData("claude-sonnet-4")]
    [InlineData("claude-3-7-sonnet-20250219")]
    [InlineData("claude-haiku-4-5-20251001")]
    [InlineData("claude-3-5-haiku-20241022")]
    [InlineData("claude-3-haiku-20240307")]
    [InlineData("claude-3-5-sonnet-20241022")]
    [InlineData("gpt-5")]
    [InlineData("gpt-5-codex")]
    [InlineData("gpt-5.1-codex")]
    [InlineData("gpt-5.2-codex")]
    [InlineData("gpt-5.3-codex")]
    [InlineData("gpt-4o-2024-08-06")]
    [InlineData("gpt-4.1")]
    [InlineData("o3")]
    [InlineData("o4-mini")]
    [InlineData("gpt-4")]
    [InlineData("gpt-4-turbo")]
    [InlineData("gemini-2.5-pro")]
    [InlineData("gemini-2.5-flash")]
    [InlineData("gemini-3-pro-preview")]
    public void BuiltInTableHasTheAgentsModels(string model) => Assert.Equal(PriceMatchKind.Exact, Prices.Find(model)?.Kind);

    [Fact]
    public void OverrideFileReplacesAndAddsEntries()
    {
        using var folder = new TempFolder();
        var path = folder.File("prices.json");
        File.WriteAllText(path, """
            {
              "claude-opus-4-6": { "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06 },
              "my-local-model": { "input_cost_per_token": 0.0000001, "output_cost_per_token": 0.0000002, "cache_read_input_token_cost": 0 }
            }
            """);

        var prices = PriceTable.Load(path);

        Assert.Equal(new ModelPrice(0.000001m, 0.000002m, 0.00000125m, 0.0000001m), prices.Find("claude-opus-4-6")!.Price);
        Assert.Equal(0.00003m, prices.Cost("my-local-model", new TokenCounts(100, 100, 0, 0, 1_000)));
        Assert.NotNull(prices.Find("claude-haiku-4-5"));
    }

    [Theory]
    [InlineData("""{"m": {"input_cost_per_token": 1e-06, "output_cost_per_token": "cheap"}}""", "field \"output_cost_per_token\" of \"m\" must be a number")]
    [InlineData("""{"m": {"output_cost_per_token": 1e-06}}""", "field \"input_cost_per_token\" of \"m\" is required")]
    [InlineData("""{"m": {"input_cost_per_token": -1, "output_cost_per_token": 1e-06}}""", "field \"input_cost_per_token\" of \"m\" must not be negative")]
    [InlineData("""{"m": {"input_cost_per_token": 1e-06, "output_cost_per_token": 1e-06, "provider_specific_entry": {"fast": "x"}}}""", "field \"provider_specific_entry.fast\" of \"m\"")]
    [InlineData("""{"m": 3}""", "entry \"m\" must be an object")]
    [InlineData("""[1, 2]""", "must hold a JSON object")]
    [InlineData("""{"m": """, "is not valid JSON")]
    public void BadOverrideFileNamesTheFileAndTheField(string json, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.File("bad-prices.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<OutloopException>(() => PriceTable.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedOverrideFileThatIsMissingIsAnError()
    {
        var error = Assert.Throws<OutloopException>(() => PriceTable.OverridePath("/nonexistent/prices.json"));

        Assert.Contains("/nonexistent/prices.json", error.Message, StringComparison.Ordinal);
    }
}
