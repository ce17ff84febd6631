namespace Outloop.Review;

/// <summary>One review of a project folder.</summary>
internal sealed record ReviewOptions(string ProjectDirectory, ReviewMode Mode, bool Force, int? LookbackDays, TimeProvider Clock);
