using Outloop.Configuration;
using Outloop.Tests.Support;

namespace Outloop.Tests.Configuration;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void WithoutFilesEveryKeyHasItsMissionDefault()
    {
        var config = ConfigLoader.Load(_folder.File("project"), _folder.File("user/config.yaml"));

        Assert.Equal(10, config.Integer(ConfigKeys.AfterTasks));
        Assert.Null(config.Text(ConfigKeys.Schedule));
        Assert.Equal(3, config.Integer(ConfigKeys.MinOccurrences));
        Assert.Equal(0.7, config.Number(ConfigKeys.MinConfidence));
        Assert.Equal(30, config.Integer(ConfigKeys.LookbackDays));
        Assert.Equal(5, config.Integer(ConfigKeys.MaxProposals));
        Assert.Equal(50, config.Integer(ConfigKeys.LearningsMaxCount));
        Assert.Equal(90, config.Integer(ConfigKeys.LearningsRetentionDays));
        Assert.Equal(3, config.Integer(ConfigKeys.LearningsPromotionThreshold));
        Assert.Equal(0.9, config.Number(ConfigKeys.LearningsSimilarityThreshold));
        Assert.Equal(0.70, config.Number("context.hitRateTarget"));
        Assert.Equal(0.20, config.Number("context.missRateTarget"));
        Assert.Equal(5, config.Integer("automation.minOccurrences"));
        Assert.Equal(70, config.Integer("automation.minConfidence"));
        Assert.Equal(0.50, config.Number("automation.minMonthlySavingsUsd"));
        Assert.Equal(70, config.Integer("routing.minConfidence"));
        Assert.Equal(0.80, config.Number("tool.disableBelowSuccess"));
        Assert.Equal(0.40, config.Number("tool.quarantineFailureRate"));
        Assert.Equal(75, config.Integer("patterns.autoApproveConfidence"));
        Assert.Equal(0.90, config.Number("selfHeal.autoApplySuccess"));
        Assert.Equal(5_000_000L, config.Long("budgets.workflowTokens"));
        Assert.Equal(300, config.Integer("preflight.maxWords"));
        Assert.Equal(2, config.Integer("preflight.maxConcerns"));
        Assert.Equal([0.5, 0.8, 0.95], config.Numbers("alerts.thresholds"));
        Assert.All(config.Values, v => Assert.Equal("default", v.Source));
    }

    [Fact]
    public void ProjectFileWinsOverUserFileWhichWinsOverDefaults()
    {
        var user = _folder.Write("user/config.yaml", "outerLoop:\n  maxProposals: 7\n  lookbackDays: 14\n");
        _folder.Write("project/.outloop/config.yaml", "# project\nouterLoop:\n  maxProposals: 2\n  learnings:\n    maxCount: 20\n");

        var config = ConfigLoader.Load(_folder.File("project"), user);

        Assert.Equal(2, config.Integer(ConfigKeys.MaxProposals));
        Assert.EndsWith(Path.Combine("project", ".outloop", "config.yaml") + ":3", config[ConfigKeys.MaxProposals].Source, StringComparison.Ordinal);
        Assert.Equal(14, config.Integer(ConfigKeys.LookbackDays));
        Assert.Equal(user + ":3", config[ConfigKeys.LookbackDays].Source);
        Assert.Equal(20, config.Integer(ConfigKeys.LearningsMaxCount));
        Assert.Equal("default", config[ConfigKeys.AfterTasks].Source);
    }

    [Fact]
    public void UnknownKeyIsAnErrorNamingKeyFileAndLine()
    {
        _folder.Write("project/.outloop/config.yaml", "outerLoop:\n  maxProposals: 2\n  maxPropsals: 3\n");

        var error = Assert.Throws<OutloopException>(() => ConfigLoader.Load(_folder.File("project"), _folder.File("none.yaml")));

        Assert.Contains("outerLoop.maxPropsals", error.Message, StringComparison.Ordinal);
        Assert.Contains("config.yaml:3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("outerLoop:\n  maxProposals: five\n", "outerLoop.maxProposals", 2)]
    [InlineData("learnings:\n  similarityThreshold: high\n", "learnings.similarityThreshold", 2)]
    [InlineData("alerts:\n  thresholds: 0.5\n", "alerts.thresholds", 2)]
    [InlineData("outerLoop:\n  triggers: 10\n", "outerLoop.triggers", 2)]
    public void WrongTypeIsAnErrorNamingKeyFileAndLine(string yaml, string key, int line)
    {
        var file = _folder.Write("user.yaml", yaml);

        var error = Assert.Throws<OutloopException>(() => ConfigLoader.Load(null, file));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains($"user.yaml:{line}", error.Message, StringComparison.Ordinal);
    }
}
