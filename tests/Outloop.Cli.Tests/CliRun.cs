namespace Outloop.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliConsole(output, error, IsTerminal: false), TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
