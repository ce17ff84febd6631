namespace Outloop.Review;

/// <summary>
/// Where the interactive review reads the reviewer's keys and writes the proposals: the terminal in the CLI, a
/// scripted console in tests.
/// </summary>
internal interface IReviewConsole
{
    /// <summary>One key the reviewer pressed, or null at the end of input.</summary>
    char? ReadKey();

    /// <summary>One line of text (without its line break), or null at the end of input.</summary>
    string? ReadLine();

    void Write(string text);
}
