namespace Outloop.Review;

/// <summary>What an effectiveness measure concludes about one applied guideline (see <see cref="EffectivenessCalculator"/> for the rules).</summary>
internal static class EffectivenessVerdict
{
    /// <summary>None of the guideline's evidence patterns is a failure, recovery or iteration pattern (e.g. a lesson a task recorded).</summary>
    public const string NoTarget = "no measurable target";

    /// <summary>The target patterns are no longer in the store (a backfill re-mined them); nothing to count.</summary>
    public const string TargetGone = "target not found";

    /// <summary>Fewer than <c>effectiveness.minTasks</c> tasks on one side.</summary>
    public const string NotEnoughData = "not enough data";

    /// <summary>The target failure occurred on neither side.</summary>
    public const string NoFailures = "no failures either side";

    /// <summary>After-rate below before-rate with p &lt; 0.05.</summary>
    public const string Helped = "helped";

    /// <summary>After-rate below before-rate, not significant yet: kept, measured again next review.</summary>
    public const string LowerNotSignificant = "lower, not significant";

    /// <summary>The failure still occurred after, at a rate not lower than before: proposed for removal.</summary>
    public const string DidNotHelp = "did not help";

    /// <summary>Its removal proposal was applied.</summary>
    public const string Removed = "removed";

    /// <summary>The p-value below which a lower after-rate counts as a real improvement.</summary>
    public const double Significance = 0.05;
}
