using System.Globalization;
using Outloop.Patterns;
using Outloop.Storage;

namespace Outloop.Automation.Tools;

/// <summary>
/// Carries tool-run health over to the pattern a tool implements (MISSION "anti-patterns"): once the pattern's runs
/// fail at <see cref="ToolHealthOptions.QuarantineFailureRate"/> or more (after
/// <see cref="ToolHealthOptions.MinFailuresToQuarantine"/> failures), its lifecycle status becomes
/// <c>quarantined</c> in the store, with a history entry by <see cref="Actor"/> giving the counts, and requests for it
/// go to the agent until a person moves it on (<c>active</c> once fixed, or <c>deprecated</c>).
/// </summary>
/// <remarks>
/// A pattern is found by the name a route gives (its id, or an operation signature such as <c>test:pytest:backend</c>,
/// whose id is derived from it) or through the tool generated for it (<c>tools.pattern_id</c>). Run counts are kept
/// under the pattern's id, next to the tools' counts.
/// </remarks>
internal sealed class PatternQuarantine(SqlitePatternStore patterns, SqliteToolStore tools, ToolHealthOptions health, TimeProvider? clock = null)
{
    /// <summary>Who the status history names for a quarantine.</summary>
    public const string Actor = "outloop";

    private readonly TimeProvider _time = clock ?? TimeProvider.System;

    /// <summary>The stored pattern a route's pattern name means, or null when there is none.</summary>
    public string? Resolve(string name)
    {
        if (patterns.Find(name) is not null)
        {
            return name;
        }

        var id = PatternIds.Make(PatternKind.Operation, name);
        return patterns.Find(id) is null ? null : id;
    }

    /// <summary>The stored pattern a registered tool implements, or null.</summary>
    public string? PatternOfTool(string toolName) => tools.Find(toolName)?.PatternId is { } id && patterns.Find(id) is not null ? id : null;

    /// <summary>Why a pattern may not be routed to (quarantined or deprecated), or null when it may.</summary>
    public string? Blocked(string patternId)
    {
        if (patterns.Find(patternId) is not { } found || found.Status is not (PatternStatus.Quarantined or PatternStatus.Deprecated))
        {
            return null;
        }

        var last = patterns.History(patternId).LastOrDefault(c => c.Status == found.Status);
        var why = last?.Note is { } note ? $" ({note})" : string.Empty;
        return $"pattern {patternId} ({found.Pattern.Signature}) is {found.Status}{why}";
    }

    /// <summary>
    /// Looks at a pattern's run counts after a run and quarantines it when they cross the threshold; returns the
    /// recorded change, or null when nothing changed.
    /// </summary>
    public StatusChange? Observe(string patternId, ToolUsage usage)
    {
        if (patterns.Find(patternId) is not { } found
            || ToolHealth.Evaluate(ToolStatus.Active, usage, isPattern: true, health) != ToolStatus.Quarantined
            || !PatternLifecycle.CanMove(found.Status, PatternStatus.Quarantined))
        {
            return null;
        }

        var reason = string.Create(CultureInfo.InvariantCulture,
            $"{usage.Failures}/{usage.Runs} tool runs failed ({(double)usage.Failures / usage.Runs:P0}), at or above tool.quarantineFailureRate {health.QuarantineFailureRate:0.##} after at least {health.MinFailuresToQuarantine} failures");
        var change = new StatusChange(patternId, PatternStatus.Quarantined, Actor, _time.GetUtcNow(), reason);
        patterns.SetStatus(change);
        return change;
    }
}
