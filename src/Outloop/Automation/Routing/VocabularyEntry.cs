namespace Outloop.Automation.Routing;

/// <summary>
/// A concept of the development vocabulary: its class, the concept a word implies (pytest implies test), and whether
/// the word asks for work when it opens a clause ("commit my changes", "make the tests faster").
/// </summary>
internal sealed record VocabularyEntry(string Concept, WordClass Class, string? Implies = null, bool WorkAtClauseStart = false);
