namespace Outloop.Review;

/// <summary>When the project was last reviewed and how many tasks the store held then.</summary>
internal sealed record ReviewState(DateTimeOffset? LastReviewAt, long TasksAtLastReview);
