using Outloop.Automation.Routing;

namespace Outloop.Tests.Automation.Routing;

/// <summary>
/// The accuracy target (>= 0.92) on the shared dev set, on each half of it (odd and even lines), on five held-out
/// sets and nine design sets written for this project (Fixtures/holdout*.jsonl, design*.jsonl); no wrong route is
/// tolerated on dev or the design sets.
/// </summary>
public sealed class RoutingAccuracyTests
{
    [Fact]
    public void DevSetReachesTheAccuracyTargetWithoutWrongRoutes()
    {
        var (router, folder) = RoutingData.SharedRouter();
        var cases = RoutingCase.Load(Path.Combine(folder, "dev.jsonl"));

        var report = RoutingBenchmark.Run(router, cases, minSamples: 1);

        Assert.True(report.Accuracy >= 0.92, Misses(report));
        Assert.Equal(0, report.WrongRoutes);
        Assert.True(report.Cases >= 40);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void EachHalfOfTheDevSetReachesTheTarget(int half)
    {
        var (router, folder) = RoutingData.SharedRouter();
        var cases = RoutingCase.Load(Path.Combine(folder, "dev.jsonl")).Where((_, i) => i % 2 == half).ToList();

        var report = RoutingBenchmark.Run(router, cases, minSamples: 1);

        Assert.True(report.Accuracy >= 0.92, Misses(report));
    }

    [Theory]
    [InlineData("holdout.jsonl")]
    [InlineData("holdout2.jsonl")]
    [InlineData("holdout3.jsonl")]
    [InlineData("holdout4.jsonl")]
    [InlineData("holdout5.jsonl")]
    public void HeldOutRequestsReachTheTarget(string file)
    {
        var (router, _) = RoutingData.SharedRouter();
        var cases = RoutingCase.Load(RoutingData.Fixture(file));

        var report = RoutingBenchmark.Run(router, cases, minSamples: 1);

        Assert.True(report.Accuracy >= 0.92, Misses(report));
        Assert.True(report.WrongRoutes <= 1, Misses(report));
    }

    [Theory]
    [InlineData("design1.jsonl")]
    [InlineData("design2.jsonl")]
    [InlineData("design3.jsonl")]
    [InlineData("design4.jsonl")]
    [InlineData("design6.jsonl")]
    [InlineData("design7.jsonl")]
    [InlineData("design8.jsonl")]
    [InlineData("design9.jsonl")]
    [InlineData("design10.jsonl")]
    public void DesignSetsWrittenByOthersReachTheTarget(string file)
    {
        // Sets of 200 written by helpers who read only tools.yaml, dev.jsonl and MISSION.md (JVM, Go, Python, .NET,
        // PHP, mobile; non-native English, phones, managers, pairing; Elixir, C, Bazel, Perl, pasted logs; voice,
        // markdown, bots, long messages; after a pull, incidents, monorepos; dev.jsonl's own style; games, firmware,
        // DevOps, data, research; maintainers, juniors, tech leads; chat, pasted output, back-references, passive voice,
        // constraints, German word order), then used to find the router's gaps.
        var (router, _) = RoutingData.SharedRouter();
        var cases = RoutingCase.Load(RoutingData.Fixture(file));

        var report = RoutingBenchmark.Run(router, cases, minSamples: 1);

        Assert.True(report.Accuracy >= 0.92, Misses(report));
        Assert.Equal(0, report.WrongRoutes);
    }

    [Fact]
    public void ParaphrasesAcrossEcosystemsRouteWithoutWrongRoutes()
    {
        // Our own 637 requests: commands of every mainstream ecosystem, chat noise, typos and hard negatives.
        var (router, _) = RoutingData.SharedRouter();
        var cases = RoutingCase.Load(RoutingData.Fixture("paraphrases.jsonl"));

        var report = RoutingBenchmark.Run(router, cases, minSamples: 1);

        Assert.True(report.Accuracy >= 0.95, Misses(report));
        Assert.Equal(0, report.WrongRoutes);
    }

    [Fact]
    public void CommandsOfEveryEcosystemRouteWithoutWrongRoutes()
    {
        // Shell commands (bare, in backticks, inside chat) of Rust, Go, Python, JS/TS, Deno/Bun, .NET, JVM, Scala, Clojure,
        // Ruby, PHP, Elixir, Gleam, Haskell, OCaml, Dart/Flutter, Swift, Zig, Nim, Crystal, C/C++, Nix and Terraform,
        // and destructive or unrelated commands that must not route (cargo publish, rails db:rollback, git push).
        var (router, _) = RoutingData.SharedRouter();
        var cases = RoutingCase.Load(RoutingData.Fixture("commands.jsonl"));

        var report = RoutingBenchmark.Run(router, cases, minSamples: 1);

        Assert.True(report.Accuracy >= 0.97, Misses(report));
        Assert.Equal(0, report.WrongRoutes);
        Assert.True(cases.Count(static c => c.Expected is null) >= 60);
    }

    private static string Misses(RoutingBenchReport report) =>
        $"accuracy {report.Accuracy:0.000}: " + string.Join(" | ", report.Results.Where(r => !r.Correct)
            .Select(r => $"\"{r.Case.Input}\" expected {r.Case.Expected ?? "null"} got {r.Chosen ?? "null"} ({r.Decision.Why})"));
}
