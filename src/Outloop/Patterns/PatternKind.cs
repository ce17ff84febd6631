namespace Outloop.Patterns;

/// <summary>The kinds of pattern the engine finds; the value is stored in <c>patterns.kind</c> and starts each id.</summary>
internal static class PatternKind
{
    /// <summary>A repetitive operation: one signature seen in many tasks.</summary>
    public const string Operation = "op";

    /// <summary>A recurring run of 2-4 operations within tasks (edit -> test -> edit -> test).</summary>
    public const string Sequence = "sequence";

    /// <summary>A failure template: the same error, numbers, paths and names aside.</summary>
    public const string Failure = "failure";

    /// <summary>What followed a failure until the same operation succeeded; a self-heal pattern after 3 successes.</summary>
    public const string Recovery = "recovery";

    /// <summary>Similar tasks that needed more than 1.5 iterations on average.</summary>
    public const string Iteration = "iteration";

    /// <summary>Similar tasks that converged in one iteration with a score of at least 90.</summary>
    public const string Success = "success";

    public static readonly IReadOnlyList<string> All = [Operation, Sequence, Failure, Recovery, Iteration, Success];
}
