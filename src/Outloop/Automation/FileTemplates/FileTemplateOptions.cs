namespace Outloop.Automation.FileTemplates;

/// <summary>
/// When written files form a template (MISSION AUTO-002/008: "2+ within a day"): at least <see cref="MinMembers"/>
/// files of the same path shape within <see cref="Window"/> of the first, each with a line similarity of at least
/// <see cref="MinSimilarity"/> to it.
/// </summary>
internal sealed record FileTemplateOptions
{
    public int MinMembers { get; init; } = 2;

    public TimeSpan Window { get; init; } = TimeSpan.FromHours(24);

    /// <summary>2 x aligned lines / (lines of both files); lines align when equal or when most of their tokens are.</summary>
    public double MinSimilarity { get; init; } = 0.5;

    /// <summary>Only files written at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }
}
