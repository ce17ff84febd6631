using Spectre.Console;

namespace Outloop.Cli;

/// <summary>Where a command writes: real streams in the process, captured writers in tests.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsTerminal)
{
    public static CliConsole System() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected);

    /// <summary>A Spectre console over <see cref="Out"/>, with colours only on a real terminal.</summary>
    public IAnsiConsole Ansi() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Out),
        Ansi = IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
    });
}
