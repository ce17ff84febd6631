using Outloop.Automation.Routing;

namespace Outloop.Tests.Automation.Routing;

public sealed class RoutingBenchmarkTests
{
    [Fact]
    public void ScoresCountWrongRoutesAbstentionsAndPerToolPrecisionAndRecall()
    {
        var router = Router.Build(RouteTarget.FromRegistry(RoutingData.HandMade()));
        RoutingCase[] cases =
        [
            new("run the tests", "test-runner"),      // right
            new("build the project", "test-runner"),  // wrong route: builder ran
            new("fix the login bug", null),           // right abstention
            new("git status", null),                  // wrong route: changes ran
            new("format the code", "formatter"),      // right
            new("add a dark mode toggle", "builder"), // missed: abstained
        ];

        var report = RoutingBenchmark.Run(router, cases, minSamples: 10);

        Assert.Equal(6, report.Cases);
        Assert.Equal(3 / 6.0, report.Accuracy, 6);
        Assert.Equal(0.5, report.AbstentionAccuracy, 6);
        Assert.Equal(2, report.WrongRoutes);
        Assert.Equal(new ToolScore(1, 0.5), report.PerTool["test-runner"]);
        Assert.Equal(new ToolScore(0, 0), report.PerTool["builder"]);
        Assert.Equal(new ToolScore(0, 0), report.PerTool["changes"]);
        Assert.Equal(new ToolScore(1, 1), report.PerTool["formatter"]);
        Assert.True(report.LatencySamples >= 10);
        Assert.True(report.LatencyP99Ms >= report.LatencyP50Ms);
    }

    [Fact]
    public void CaseFileErrorsNameTheLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cases-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, "{\"input\": \"run the tests\", \"expected\": \"t\"}\n\n{\"expected\": null}\n");
        try
        {
            var error = Assert.Throws<OutloopException>(() => RoutingCase.Load(path));

            Assert.Contains($"{path}:3: input", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
