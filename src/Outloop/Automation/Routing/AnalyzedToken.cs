namespace Outloop.Automation.Routing;

/// <summary>
/// One meaningful word (or known two-word phrase) of a request or tool phrase. <see cref="Concepts"/> holds the
/// word's concept first, then the concept it implies. <see cref="ClauseStart"/> marks the word that opens a clause
/// (where imperative verbs sit); <see cref="Scoped"/> marks words inside a "for/on/in/with ..." phrase, a path or
/// flag, or a clause that only gives context ("before I commit", "I just pulled main").
/// </summary>
/// <see cref="Corrected"/> marks a misspelt word read as the known word it is close to.
/// <see cref="Incidental"/> marks a scoped word that only gives context or a place (a path, "before I commit"): it
/// never counts against a target, while a topic in a prepositional phrase ("in the new version") partly does.
internal sealed record AnalyzedToken(string Surface, string[] Concepts, WordClass Class, bool ClauseStart, bool Scoped)
{
    public bool Corrected { get; init; }

    /// <summary>
    /// A word outside the vocabulary that names a thing ("the gateway", "module billing") rather than asking for an
    /// action ("squash", "bisect"): it says what the request is about, so it weighs less against a target.
    /// </summary>
    public bool Named { get; init; }

    /// <summary>A word outside the vocabulary that English has mainly as an adjective or adverb ("untidy", "awful"): it says how a thing is, so it weighs as little as a name.</summary>
    public bool Descriptive { get; init; }

    public bool Incidental { get; init; }

    /// <summary>A word of a clause that only gives context ("after my change", "the app is slow"): no request at all.</summary>
    public bool Context { get; init; }
}
