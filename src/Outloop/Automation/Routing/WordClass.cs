namespace Outloop.Automation.Routing;

/// <summary>What a word does in a request, which decides how much it weighs and whether it vetoes a route.</summary>
internal enum WordClass
{
    /// <summary>A word outside the built-in vocabulary: probably a specific thing (a page, a class, a bug).</summary>
    Plain,

    /// <summary>What an operation is about: tests, build, lint, dependencies, database, server...</summary>
    Topic,

    /// <summary>A specific operation verb: update, start, migrate.</summary>
    Action,

    /// <summary>A verb any tool could answer to: run, check, show.</summary>
    Generic,

    /// <summary>A result word: pass, fail, errors, warnings.</summary>
    Outcome,

    /// <summary>Where or on what: project, frontend, src, a language, a package manager.</summary>
    Scope,

    /// <summary>Development work an agent must do (add, fix, write, refactor...), unless the tool itself declares it.</summary>
    Work,

    /// <summary>A bug report (crash, exception, traceback): needs investigation, not a script.</summary>
    Problem,

    /// <summary>A request for an explanation or advice ("why", "how do", "should we").</summary>
    Question,

    /// <summary>"not", "never", "without": the opposite of what the words would route to.</summary>
    Negation,
}
