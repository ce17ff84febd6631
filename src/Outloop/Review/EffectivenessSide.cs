namespace Outloop.Review;

/// <summary>One side (before or after a guideline) of an effectiveness measure: tasks, and how many of them showed the target failure at least once.</summary>
internal sealed record EffectivenessSide(int Tasks, int WithFailure)
{
    public static readonly EffectivenessSide Empty = new(0, 0);

    /// <summary>Share of the tasks with the target failure; null without tasks.</summary>
    public double? Rate => Tasks == 0 ? null : (double)WithFailure / Tasks;
}
