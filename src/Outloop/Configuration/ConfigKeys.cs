namespace Outloop.Configuration;

/// <summary>Every key <c>.outloop/config.yaml</c> accepts, with MISSION.md's defaults.</summary>
internal static class ConfigKeys
{
    public const string AfterTasks = "outerLoop.triggers.afterTasks";
    public const string Schedule = "outerLoop.triggers.schedule";
    public const string MinOccurrences = "outerLoop.minOccurrences";
    public const string MinConfidence = "outerLoop.minConfidence";
    public const string LookbackDays = "outerLoop.lookbackDays";
    public const string MaxProposals = "outerLoop.maxProposals";
    public const string LearningsMaxCount = "learnings.maxCount";
    public const string LearningsRetentionDays = "learnings.retentionDays";
    public const string LearningsPromotionThreshold = "learnings.promotionThreshold";
    public const string LearningsSimilarityThreshold = "learnings.similarityThreshold";
    public const string EffectivenessMinTasks = "effectiveness.minTasks";
    public const string TriggersEnabled = "outerLoop.triggers.enabled";
    public const string Webhooks = "webhooks";
    public const string WebhookRetries = "webhookDelivery.retries";
    public const string WebhookRetryDelayMs = "webhookDelivery.retryDelayMs";
    public const string WebhookTimeoutMs = "webhookDelivery.timeoutMs";

    public static readonly IReadOnlyList<ConfigKey> All =
    [
        new(AfterTasks, ConfigType.Integer, 10, "Run the review after this many new tasks"),
        new(Schedule, ConfigType.Text, null, "Cron schedule of the review (in outloop serve)"),
        new(TriggersEnabled, ConfigType.Boolean, true, "Run the review by itself after an import or a Stop hook once afterTasks tasks came"),
        new(MinOccurrences, ConfigType.Integer, 3, "Minimum occurrences of a pattern behind a proposal"),
        new(MinConfidence, ConfigType.Number, 0.7, "Minimum confidence (0-1) of a proposal"),
        new(LookbackDays, ConfigType.Integer, 30, "Days of tasks a review analyses"),
        new(MaxProposals, ConfigType.Integer, 5, "Most proposals per review"),
        new(LearningsMaxCount, ConfigType.Integer, 50, "Most learnings kept"),
        new(LearningsRetentionDays, ConfigType.Integer, 90, "Learnings older than this with few references are removed"),
        new(LearningsPromotionThreshold, ConfigType.Integer, 3, "References that promote a learning to a guideline"),
        new(LearningsSimilarityThreshold, ConfigType.Number, 0.9, "Word-set Jaccard similarity that merges two learnings"),
        new("context.hitRateTarget", ConfigType.Number, 0.70, "Share of loaded context that should be used"),
        new("context.missRateTarget", ConfigType.Number, 0.20, "Share of needed files that may be missing from context"),
        new("automation.minOccurrences", ConfigType.Integer, 5, "Occurrences of an automation candidate"),
        new("automation.minConfidence", ConfigType.Integer, 70, "Confidence (0-100) of an automation candidate"),
        new("automation.minMonthlySavingsUsd", ConfigType.Number, 0.50, "Monthly savings of an automation candidate"),
        new("routing.minConfidence", ConfigType.Integer, 70, "Confidence (0-100) that routes input to a tool"),
        new("tool.disableBelowSuccess", ConfigType.Number, 0.80, "A tool below this success rate after 5 runs is disabled"),
        new("tool.quarantineFailureRate", ConfigType.Number, 0.40, "Failure rate that quarantines a tool"),
        new("patterns.autoApproveConfidence", ConfigType.Integer, 75, "Confidence that auto-approves a pattern spec (aggressive mode only)"),
        new("patterns.aggressive", ConfigType.Boolean, false, "Aggressive mode: auto-approve pattern specs"),
        new("selfHeal.autoApplySuccess", ConfigType.Number, 0.90, "Success rate that auto-applies a self-heal pattern"),
        new("budgets.workflowTokens", ConfigType.Integer, 5_000_000L, "Token budget of one workflow"),
        new("preflight.maxWords", ConfigType.Integer, 300, "A prompt longer than this is suggested to be split"),
        new("preflight.maxConcerns", ConfigType.Integer, 2, "A prompt with more concerns than this is suggested to be split"),
        new("alerts.thresholds", ConfigType.NumberList, new[] { 0.5, 0.8, 0.95 }, "Quota shares that raise an alert, once per window"),
        new(EffectivenessMinTasks, ConfigType.Integer, 5, "Tasks needed on each side before a guideline's effect is judged"),
        new(Webhooks, ConfigType.WebhookList, Array.Empty<WebhookConfig>(), "Webhooks: url, events [digest, escalation, task_complete], format slack|generic, headers, secret"),
        new(WebhookRetries, ConfigType.Integer, 3, "Retries of a failed webhook delivery (exponential back-off)"),
        new(WebhookRetryDelayMs, ConfigType.Integer, 1000, "Delay before the first retry of a webhook, doubled each time (ms)"),
        new(WebhookTimeoutMs, ConfigType.Integer, 10_000, "Timeout of one webhook delivery attempt (ms)"),
    ];

    /// <summary>Seed 002 nests the learnings under <c>outerLoop</c>; both spellings are accepted.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["outerLoop.learnings.maxCount"] = LearningsMaxCount,
        ["outerLoop.learnings.retentionDays"] = LearningsRetentionDays,
        ["outerLoop.learnings.promotionThreshold"] = LearningsPromotionThreshold,
        ["outerLoop.learnings.similarityThreshold"] = LearningsSimilarityThreshold,
    };

    public static ConfigKey? Find(string name) => All.FirstOrDefault(k => k.Name == name);
}
