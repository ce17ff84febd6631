using System.CommandLine;
using Outloop.Automation.Compaction;
using Outloop.Automation.Tools;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop compact -- CMD ARGS...</c>: runs CMD with the argument array (no shell), prints its output as
/// <see cref="OutputCompactor"/> reduces it (the full output is kept under the temp folder, its path in the text) and
/// exits with CMD's exit code. Generated tool scripts call it.
/// </summary>
internal static class CompactCommand
{
    public static Command Create(CliConsole console)
    {
        var argv = new Argument<string[]>("command") { Description = "The command and its arguments, after --", Arity = ArgumentArity.OneOrMore };
        var timeout = new Option<int?>("--timeout") { Description = "Seconds before the command is killed (default 600)" };
        var command = new Command("compact", "Run a command and print a compact result (summary, failures with locations); exit code preserved")
        {
            argv, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var words = parse.GetValue(argv)!;
            var spec = new ProcessSpec(words, Directory.GetCurrentDirectory(), TimeSpan.FromSeconds(parse.GetValue(timeout) ?? 600));
            var result = await ProcessRunner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
            if (result.StartError is not null)
            {
                throw new OutloopException($"could not run {words[0]}: {result.StartError}");
            }

            var output = result.Stdout + (result.Stderr.Length > 0 && result.Stdout.Length > 0 && !result.Stdout.EndsWith('\n') ? "\n" : "") + result.Stderr;
            var options = new CompactOptions { FullOutputDirectory = Path.Combine(Path.GetTempPath(), "outloop-output") };
            var compact = OutputCompactor.Compact(string.Join(' ', words), output, result.ExitCode, options);
            await console.Out.WriteAsync(compact.Text.EndsWith('\n') || compact.Text.Length == 0 ? compact.Text : compact.Text + "\n").ConfigureAwait(false);
            if (result.TimedOut)
            {
                await console.Error.WriteLineAsync($"outloop compact: {result.FailureReason}").ConfigureAwait(false);
                return 124;
            }

            return result.ExitCode ?? 1;
        });
        return command;
    }
}
