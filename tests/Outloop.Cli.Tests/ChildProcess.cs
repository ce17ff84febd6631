using System.Diagnostics;

namespace Outloop.Cli.Tests;

/// <summary>Runs a real child process with the given stdin and returns its exit code, stdout and stderr.</summary>
internal static class ChildProcess
{
    public static async Task<(int Exit, string Out, string Error)> Run(ProcessStartInfo start, string stdin)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
