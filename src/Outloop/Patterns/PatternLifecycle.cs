using Outloop.Storage;

namespace Outloop.Patterns;

/// <summary>
/// Which status changes the lifecycle allows: <c>detected -> candidate -> approved -> implemented -> active ->
/// deprecated</c>, with shortcuts a person may take (approve a detected pattern, reject or deprecate at any stage,
/// reconsider a deprecated one) and <c>quarantined</c> reachable from every live status and left only to
/// <c>active</c> (fixed), <c>implemented</c> (being fixed) or <c>deprecated</c>.
/// </summary>
/// <remarks>
/// Rejecting is not a status of its own: a rejected pattern is <c>deprecated</c> with the reason in its history,
/// so <c>outloop candidates</c> never proposes it again (it only looks at detected and candidate patterns).
/// </remarks>
internal static class PatternLifecycle
{
    private static readonly Dictionary<string, string[]> Next = new(StringComparer.Ordinal)
    {
        [PatternStatus.Detected] = [PatternStatus.Candidate, PatternStatus.Approved, PatternStatus.Deprecated, PatternStatus.Quarantined],
        [PatternStatus.Candidate] = [PatternStatus.Approved, PatternStatus.Deprecated, PatternStatus.Quarantined],
        [PatternStatus.Approved] = [PatternStatus.Implemented, PatternStatus.Deprecated, PatternStatus.Quarantined],
        [PatternStatus.Implemented] = [PatternStatus.Active, PatternStatus.Deprecated, PatternStatus.Quarantined],
        [PatternStatus.Active] = [PatternStatus.Deprecated, PatternStatus.Quarantined],
        [PatternStatus.Quarantined] = [PatternStatus.Active, PatternStatus.Implemented, PatternStatus.Deprecated],
        [PatternStatus.Deprecated] = [PatternStatus.Candidate],
    };

    public static bool IsKnown(string status) => Next.ContainsKey(status);

    /// <summary>The statuses <paramref name="from"/> may move to.</summary>
    public static IReadOnlyList<string> Allowed(string from) => Next.TryGetValue(from, out var next) ? next : [];

    public static bool CanMove(string from, string to) => Allowed(from).Contains(to, StringComparer.Ordinal);

    /// <summary>Null when the move is allowed, else a sentence saying why not and what is allowed.</summary>
    public static string? Refusal(string id, string from, string to)
    {
        if (!IsKnown(to))
        {
            return $"'{to}' is not a pattern status; expected one of {string.Join(", ", PatternStatus.All)}.";
        }

        if (from == to)
        {
            return $"pattern {id} is already {to}.";
        }

        if (CanMove(from, to))
        {
            return null;
        }

        var allowed = Allowed(from);
        return $"pattern {id} cannot go from {from} to {to}: the lifecycle is detected -> candidate -> approved -> implemented -> active -> deprecated"
            + $" (plus quarantined); from {from} it may go to {(allowed.Count == 0 ? "nothing" : string.Join(", ", allowed))}.";
    }

    /// <summary>Checks the move and records it through <paramref name="store"/>; an illegal move is an <see cref="OutloopException"/>.</summary>
    public static StatusChange Move(SqlitePatternStore store, string id, string to, string changedBy, DateTimeOffset at, string? reason)
    {
        var (_, from) = store.Find(id) ?? throw new OutloopException($"No pattern {id}: list them with `outloop patterns`.");
        if (Refusal(id, from, to) is { } refusal)
        {
            throw new OutloopException(refusal);
        }

        var change = new StatusChange(id, to, changedBy, at, reason);
        store.SetStatus(change);
        return change;
    }
}
