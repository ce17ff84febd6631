using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Outloop.Ingestion;

namespace Outloop.Outputs;

/// <summary>
/// Reduces the output of a test run, build, type check, lint or install to what an agent needs: the summary,
/// every failure with its message and file:line, the first build error in full and the others on one line,
/// counts instead of warnings, passing tests, progress bars and download logs. The full output is written to
/// <see cref="CompactOptions.FullOutputDirectory"/> and the compact text ends with one line saying where.
/// Outputs below <see cref="CompactOptions.ShortOutputTokens"/>, or that compaction would not shrink by
/// <see cref="CompactOptions.MinReduction"/>, are returned unchanged and nothing is written.
/// </summary>
internal static partial class OutputCompactor
{
    /// <summary>
    /// Compacts <paramref name="output"/> of <paramref name="command"/>; <paramref name="outputTokens"/> is the output's
    /// <see cref="TokenEstimator.Estimate"/> when the caller has it already.
    /// </summary>
    public static CompactResult Compact(string command, string output, int? exitCode, CompactOptions options, long? outputTokens = null)
    {
        var originalTokens = outputTokens ?? TokenEstimator.Estimate(output);
        var lines = OutputText.CleanLines(output);
        var (runner, digestLines, failures, recognised) = Reduce(RunnerDetector.Detect(command, lines), lines, exitCode, options);
        if (originalTokens < options.ShortOutputTokens)
        {
            return new CompactResult(output, runner, originalTokens, originalTokens, failures, null, recognised);
        }

        var body = OutputText.Join(digestLines);
        var path = options.FullOutputDirectory is null ? null : FullOutputPath(output, options.FullOutputDirectory);
        var where = path is null ? "the full output was not saved" : $"full output: {path}";
        var text = $"{body}\n[outloop: {lines.Count} lines compacted; {where}]";
        var compactTokens = TokenEstimator.Estimate(text);
        if (compactTokens >= originalTokens * (1 - options.MinReduction) || (options.RecognisedOnly && !recognised))
        {
            return new CompactResult(output, runner, originalTokens, originalTokens, failures, null, recognised);
        }

        // Written only now that the compact text, which names it, is what the caller gets.
        if (path is not null)
        {
            Save(output, path);
        }

        return new CompactResult(text, runner, originalTokens, compactTokens, failures, path, recognised);
    }

    private static (string Runner, List<string> Lines, List<CompactFailure> Failures, bool Recognised) Reduce(
        string runner, IReadOnlyList<string> lines, int? exitCode, CompactOptions options)
    {
        var digest = Read(runner, lines, exitCode, options);
        if (digest.Failures.Count == 0 && Runners.BuildOf(runner) is { } build)
        {
            // The tests never ran because the build failed (or the output stops before they did):
            // the compiler's diagnostics are what there is to see.
            var built = Read(build, lines, exitCode, options);
            if (built.Failures.Count > 0 || (!digest.Understood && built.Understood))
            {
                (runner, digest) = (build, built);
            }
        }

        if (digest.Understood)
        {
            return (runner, DigestRenderer.Render(digest, options), digest.Failures.Select(f => f.Failure).ToList(), true);
        }

        var (generic, failures) = GenericDigestReader.Read(lines, options);
        return (Runners.Generic, generic, failures, false);
    }

    private static Digest Read(string runner, IReadOnlyList<string> lines, int? exitCode, CompactOptions options)
    {
        if (TestSpecs.For(runner) is { } test)
        {
            return BlockDigestReader.Read(runner == Runners.GoTest ? GoVerboseInOrder(lines) : lines, test, options);
        }

        if (DiagnosticSpecs.For(runner) is { } diagnostics)
        {
            return DiagnosticDigestReader.Read(lines, diagnostics, exitCode, options);
        }

        return runner is Runners.NpmInstall or Runners.PipInstall or Runners.BundleInstall or Runners.MixDeps
            ? InstallDigestReader.Read(lines)
            : Digest.NotUnderstood;
    }

    /// <summary>
    /// <c>go test -v</c> prints a test's log lines under its <c>=== RUN</c> line, before <c>--- FAIL</c>;
    /// moving them under the <c>--- FAIL</c> line lets the block reader treat both modes alike.
    /// </summary>
    private static List<string> GoVerboseInOrder(IReadOnlyList<string> lines)
    {
        var result = new List<string>(lines.Count);
        var logs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in lines)
        {
            var run = GoRun().Match(line);
            if (run.Success)
            {
                current = run.Groups["name"].Value;
                continue;
            }

            var end = GoEnd().Match(line);
            if (end.Success)
            {
                result.Add(line);
                if (logs.Remove(end.Groups["name"].Value, out var log) && end.Groups["state"].Value == "FAIL")
                {
                    result.AddRange(log);
                }

                current = null;
                continue;
            }

            if (current is not null && line.StartsWith(' '))
            {
                if (!logs.TryGetValue(current, out var log))
                {
                    logs[current] = log = [];
                }

                log.Add(line);
                continue;
            }

            result.Add(line);
        }

        return result;
    }

    private static string FullOutputPath(string output, string directory)
    {
        if (directory.StartsWith("~/", StringComparison.Ordinal))
        {
            directory = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), directory[2..]);
        }

        return Path.GetFullPath(Path.Combine(directory, $"{ContentKey(output)}.log"));
    }

    /// <summary>
    /// Sixteen hex digits naming an output by its content (the same output is saved once): FNV-1a over its UTF-16 text
    /// taken eight bytes at a time. Not SHA-256: in the native hook the first cryptographic hash loads OpenSSL, which
    /// costs several milliseconds per compacted event.
    /// </summary>
    internal static string ContentKey(string output)
    {
        var hash = 14695981039346656037UL;
        var words = MemoryMarshal.Cast<char, ulong>(output.AsSpan());
        foreach (var word in words)
        {
            hash = (hash ^ word) * 1099511628211UL;
        }

        foreach (var c in output.AsSpan(words.Length * 4))
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        // Folds the high bits down: a multiplication only carries differences upwards.
        hash ^= hash >> 29;
        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    private static void Save(string output, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            // Renamed into place once complete: a reader (the agent, another hook) never sees half an output.
            var temporary = $"{path}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temporary, output);
            File.Move(temporary, path, overwrite: true);
        }
    }

    [GeneratedRegex(@"^=== (RUN|CONT)\s+(?<name>\S+)")]
    private static partial Regex GoRun();

    [GeneratedRegex(@"^\s*--- (?<state>FAIL|PASS|SKIP): (?<name>\S+)")]
    private static partial Regex GoEnd();
}
