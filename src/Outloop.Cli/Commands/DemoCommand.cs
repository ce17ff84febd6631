using System.CommandLine;
using Outloop.Cli.Rendering;
using Outloop.Patterns;
using Outloop.Review;
using Outloop.Sample;

namespace Outloop.Cli.Commands;

/// <summary><c>outloop demo</c>: the whole job on a generated sample in a temporary folder.</summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var keep = new Option<string?>("--keep") { Description = "Write the sample and its store to this folder and keep them (default: a temporary folder, deleted)" };
        var seed = new Option<int>("--seed") { Description = "Seed of the sample generator (same seed, same sample)", DefaultValueFactory = _ => 42 };
        var command = new Command("demo", "Generate a realistic sample of agent sessions, import it into a fresh store and report on it") { keep, seed, GlobalOptions.Json };
        command.SetAction(parse =>
        {
            var kept = parse.GetValue(keep);
            var folder = kept ?? Path.Combine(Path.GetTempPath(), "outloop-demo-" + Guid.NewGuid().ToString("N"));
            try
            {
                var result = DemoRun.Run(folder, parse.GetValue(seed));
                var renderer = UsageCommand.Renderer(parse, console);
                if (!parse.GetValue(GlobalOptions.Json))
                {
                    console.Out.WriteLine($"Generated {result.Sample.Sessions} sessions ({result.Sample.Files} files, {result.Sample.Lines} lines) in {result.Folder}");
                    console.Out.WriteLine($"Imported {result.Import}.");
                    console.Out.WriteLine();
                }

                renderer.Render(result.Daily, breakdown: true);
                renderer.Render(result.Sessions);
                if (!parse.GetValue(GlobalOptions.Json))
                {
                    console.Out.WriteLine();
                    new PatternsTextRenderer(console.Out).Render(PatternKind.Operation, result.Operations);
                    console.Out.WriteLine();
                    new PatternsTextRenderer(console.Out).Render(PatternKind.Failure, result.Failures);
                    console.Out.WriteLine();
                    WriteReview(console, result.Review);
                }

                if (kept is not null && !parse.GetValue(GlobalOptions.Json))
                {
                    console.Out.WriteLine($"Kept: try  outloop usage blocks --db {Path.Combine(folder, "outloop.db")}");
                }
            }
            finally
            {
                if (kept is null && Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            return 0;
        });
        return command;
    }

    private static void WriteReview(CliConsole console, ReviewResult review)
    {
        console.Out.WriteLine($"Review (--auto) of the sample project: {review.NewProposals.Count} proposal(s), {review.GuidelinesUpdated.Count} guideline file(s) updated.");
        foreach (var file in review.GuidelinesUpdated)
        {
            console.Out.WriteLine($"  wrote {file}");
        }

        console.Out.WriteLine($"Digest: {review.DigestMarkdownPath}");
        console.Out.WriteLine();
        console.Out.Write(File.ReadAllText(review.DigestMarkdownPath!));
    }
}
