using Outloop.Automation.Tools;
using Outloop.Ingestion;

namespace Outloop.Automation.Compaction;

/// <summary>
/// <c>compact -- CMD ARGS...</c> as both the CLI and the native hook binary run it: CMD runs from its argument array
/// (no shell), its output is printed as <see cref="OutputCompactor"/> reduces it (full output kept in
/// the output folder), and the exit code is CMD's (124 on timeout, 127 when it cannot start).
/// </summary>
internal static class CompactProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(600);

    public static async Task<int> RunAsync(
        IReadOnlyList<string> argv, TimeSpan timeout, string outputFolder, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var spec = new ProcessSpec(argv, Directory.GetCurrentDirectory(), timeout);
        var result = await ProcessRunner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        if (result.StartError is not null)
        {
            await stderr.WriteLineAsync($"outloop compact: could not run {(argv.Count > 0 ? argv[0] : "(nothing)")}: {result.StartError}").ConfigureAwait(false);
            return 127;
        }

        var output = result.Stdout + (result.Stderr.Length > 0 && result.Stdout.Length > 0 && !result.Stdout.EndsWith('\n') ? "\n" : "") + result.Stderr;
        var options = new CompactOptions { FullOutputDirectory = outputFolder };
        if (TokenEstimator.Estimate(output) >= options.ShortOutputTokens)
        {
            CompactionOutputFolder.Prepare(outputFolder, DateTimeOffset.UtcNow);
        }

        var compact = OutputCompactor.Compact(string.Join(' ', argv), output, result.ExitCode, options);
        await stdout.WriteAsync(compact.Text.EndsWith('\n') || compact.Text.Length == 0 ? compact.Text : compact.Text + "\n").ConfigureAwait(false);
        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (result.TimedOut)
        {
            await stderr.WriteLineAsync($"outloop compact: {result.FailureReason}").ConfigureAwait(false);
            return 124;
        }

        return result.ExitCode ?? 1;
    }
}
