using Outloop.Review;

namespace Outloop.Cli;

/// <summary>The interactive review on the real terminal: single key presses (echoed), lines, Ctrl+D as end of input.</summary>
internal sealed class TerminalReviewConsole(TextWriter output) : IReviewConsole
{
    private const char EndOfTransmission = '\u0004';

    /// <summary>True when both standard input and output are a terminal, so a person can answer.</summary>
    public static bool Available => !Console.IsInputRedirected && !Console.IsOutputRedirected;

    public char? ReadKey()
    {
        var key = Console.ReadKey(intercept: true).KeyChar;
        if (key == EndOfTransmission)
        {
            return null;
        }

        output.WriteLine(char.IsControl(key) ? string.Empty : key.ToString());
        output.Flush();
        return key;
    }

    public string? ReadLine() => Console.In.ReadLine();

    public void Write(string text)
    {
        output.Write(text);
        output.Flush();
    }
}
