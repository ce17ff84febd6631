using Outloop.Review;

namespace Outloop.Notify;

/// <summary>What the review trigger did for a project: one line to print, and the review's result when it ran or was checked.</summary>
internal sealed record TriggerOutcome(string Line, ReviewResult? Review);
