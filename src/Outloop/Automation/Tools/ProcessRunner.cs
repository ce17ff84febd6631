using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Outloop.Automation.Tools;

/// <summary>
/// Runs a program from an argument array: no shell ever sees the arguments (UseShellExecute is off and every item
/// goes through <see cref="ProcessStartInfo.ArgumentList"/>), stdin is closed, output is captured within bounds,
/// and the whole process tree is killed at the time limit or on cancellation.
/// </summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        if (spec.Argv.Count == 0 || spec.Argv[0].Length == 0)
        {
            return new ProcessResult(null, "", "", TimeSpan.Zero, false, "no program given");
        }

        var info = new ProcessStartInfo(spec.Argv[0])
        {
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        for (var i = 1; i < spec.Argv.Count; i++)
        {
            info.ArgumentList.Add(spec.Argv[i]);
        }

        using var process = new Process { StartInfo = info };
        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return new ProcessResult(null, "", "", clock.Elapsed, false, e.Message);
        }

        // A tool that waits for input would hang until its time limit; it gets end-of-file at once instead.
        process.StandardInput.Close();
        var stdout = CaptureAsync(process.StandardOutput, spec.MaxCapturedChars);
        var stderr = CaptureAsync(process.StandardError, spec.MaxCapturedChars);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(spec.Timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            timedOut = true;
        }

        clock.Stop();

        // Grandchildren that escaped the kill may keep the pipes open; the result must not wait for them.
        var output = await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None))
            .ConfigureAwait(false);
        _ = output;
        return new ProcessResult(
            timedOut ? null : process.ExitCode,
            stdout.IsCompletedSuccessfully ? stdout.Result : "",
            stderr.IsCompletedSuccessfully ? stderr.Result : "",
            clock.Elapsed,
            timedOut,
            null);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone: nothing left to kill.
        }
    }

    private static async Task<string> CaptureAsync(StreamReader reader, int maxChars)
    {
        var kept = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false)) > 0)
        {
            var room = maxChars - kept.Length;
            if (room > 0)
            {
                kept.Append(buffer, 0, Math.Min(room, read));
            }
        }

        return kept.ToString();
    }
}
