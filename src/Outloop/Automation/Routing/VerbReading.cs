namespace Outloop.Automation.Routing;

/// <summary>Whether an English word can be a verb, from <see cref="EnglishVerbs"/>.</summary>
internal enum VerbReading
{
    /// <summary>Not an English verb (a noun, a name, a word of the project).</summary>
    None,

    /// <summary>A verb, but mostly read as something else ("date", "seed", "price").</summary>
    Possible,

    /// <summary>Mostly read as a verb ("squash", "bisect", "deploy").</summary>
    Main,
}
