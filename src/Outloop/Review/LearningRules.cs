using Outloop.Configuration;

namespace Outloop.Review;

/// <summary>The consolidation thresholds (<c>learnings.*</c> in the configuration).</summary>
internal sealed record LearningRules(int MaxCount, int RetentionDays, int PromotionThreshold, double SimilarityThreshold)
{
    public static LearningRules From(OutloopConfig config) => new(
        config.Integer(ConfigKeys.LearningsMaxCount),
        config.Integer(ConfigKeys.LearningsRetentionDays),
        config.Integer(ConfigKeys.LearningsPromotionThreshold),
        config.Number(ConfigKeys.LearningsSimilarityThreshold));
}
