using System.CommandLine;
using Outloop.Automation.Compaction;
using Outloop.Outputs;
using Outloop.Storage;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop compact -- CMD ARGS...</c>: runs CMD with the argument array (no shell), prints its output as
/// <see cref="OutputCompactor"/> reduces it (the full output is kept in <c>$CLAUDE_PROJECT_DIR/.outloop/outputs</c>, else
/// <c>~/.outloop/outputs</c>, its path in the text) and exits with CMD's exit code. Generated tool scripts and commands
/// rewritten by the PreToolUse hook (<c>outloop init claude --compact rewrite</c>) call it.
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
            var seconds = parse.GetValue(timeout);
            var folder = CompactionOutputFolder.Resolve(Environment.GetEnvironmentVariable("CLAUDE_PROJECT_DIR"), StoreLocation.OutloopHome());
            return await CompactProcess.RunAsync(
                words, seconds is { } s ? TimeSpan.FromSeconds(s) : CompactProcess.DefaultTimeout, folder,
                StoreLocation.Resolve(parse.GetValue(GlobalOptions.Db)), console.Out, console.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
