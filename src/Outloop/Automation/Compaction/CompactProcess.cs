using Outloop.Automation.Tools;
using Outloop.Ingestion;
using Outloop.Ingestion.Hooks;
using Outloop.Ingestion.Redaction;
using Outloop.Outputs;
using Outloop.Storage;

namespace Outloop.Automation.Compaction;

/// <summary>
/// <c>compact -- CMD ARGS...</c> as both the CLI and the native hook binary run it: CMD runs from its argument array
/// (no shell), its output is printed as <see cref="OutputCompactor"/> reduces it (full output kept in
/// the output folder), and the exit code is CMD's (124 on timeout, 127 when it cannot start).
/// </summary>
internal static class CompactProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(600);

    /// <summary>Runs and compacts; when <paramref name="storePath"/> is given, a compaction's saving is recorded there.</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> argv, TimeSpan timeout, string outputFolder, string? storePath, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken)
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
        if (storePath is not null && compact.FullOutputPath is not null)
        {
            RecordSaving(storePath, argv, compact);
        }
        if (result.TimedOut)
        {
            await stderr.WriteLineAsync($"outloop compact: {result.FailureReason}").ConfigureAwait(false);
            return 124;
        }

        return result.ExitCode ?? 1;
    }

    /// <summary>Best effort: the command's result is already printed, and a store problem must not change its exit code.</summary>
    private static void RecordSaving(string storePath, IReadOnlyList<string> argv, CompactResult compact)
    {
        var now = DateTimeOffset.UtcNow;
        try
        {
            using var store = SqliteStore.Open(storePath, HookRecorderOptions.DefaultBusyTimeout);
            using var writer = store.BeginWrite();
            writer.AddTokenSaving(new TokenSavingRecord(
                Guid.CreateVersion7(now).ToString(), now, null, null, TokenSavingRecord.CompactCommand, compact.Runner,
                SecretRedactor.Redact(string.Join(' ', argv)), compact.OriginalTokens, compact.CompactTokens, compact.FullOutputPath));
            writer.Commit();
        }
        catch (Exception e)
        {
            HookErrorLog.Default().Append(now, $"compact could not record its saving in {storePath} ({e.GetType().Name}: {e.Message})");
        }
    }
}
