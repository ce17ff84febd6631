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
        var stdoutText = new StringBuilder();
        var stderrText = new StringBuilder();
        var stdout = CaptureAsync(process.StandardOutput, stdoutText, spec.MaxCapturedChars);
        var stderr = CaptureAsync(process.StandardError, stderrText, spec.MaxCapturedChars);

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

        // A tool that starts a server in the background leaves it holding the pipes open; the result keeps what was
        // written so far instead of waiting for the server to end.
        await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false);
        return new ProcessResult(timedOut ? null : process.ExitCode, Snapshot(stdoutText), Snapshot(stderrText), clock.Elapsed, timedOut, null);
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

    private static string Snapshot(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    private static async Task CaptureAsync(StreamReader reader, StringBuilder kept, int maxChars)
    {
        var buffer = new char[8192];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false)) > 0)
            {
                lock (kept)
                {
                    var room = maxChars - kept.Length;
                    if (room > 0)
                    {
                        kept.Append(buffer, 0, Math.Min(room, read));
                    }
                }
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException or InvalidOperationException)
        {
            // The process object was disposed while a background child still held the pipe: the text so far stands.
        }
    }
}
