using Outloop.Automation.Tools;

namespace Outloop.Automation.Routing;

/// <summary>
/// Generates many plausible targets to measure decision latency at scale: each has a few phrases mixing common
/// development words (so posting lists for "run", "test", "build" grow long, the slow case) with made-up words.
/// </summary>
internal static class SyntheticTargets
{
    private static readonly string[] CommonWords =
    [
        "run", "check", "show", "start", "update", "test", "tests", "build", "lint", "format", "deploy", "generate", "report",
        "service", "api", "backend", "frontend", "database", "migration", "cache", "logs", "config", "docs", "release",
    ];

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ter", "zon", "ba", "rix", "vel", "po", "dun", "sha", "qui", "nor", "fel", "gra", "tho"];

    public static IReadOnlyList<RouteTarget> Generate(int count, int phrasesPerTarget = 3, int seed = 12345)
    {
        var random = new Random(seed);
        var targets = new List<RouteTarget>(count);
        for (var i = 0; i < count; i++)
        {
            var name = $"synthetic-{i:D5}";
            var phrases = new List<string>(phrasesPerTarget);
            for (var p = 0; p < phrasesPerTarget; p++)
            {
                var words = new List<string> { CommonWords[random.Next(CommonWords.Length)] };
                var extra = 1 + random.Next(3);
                for (var w = 0; w < extra; w++)
                {
                    words.Add(random.Next(3) == 0 ? CommonWords[random.Next(CommonWords.Length)] : MadeUpWord(random));
                }

                phrases.Add(string.Join(' ', words));
            }

            var tool = new ToolDefinition(name, ["true"]) { InputPatterns = phrases, Description = $"Synthetic tool {i} for {MadeUpWord(random)}" };
            targets.Add(RouteTarget.ForTool(tool));
        }

        return targets;
    }

    private static string MadeUpWord(Random random) =>
        string.Concat(Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Syllables[random.Next(Syllables.Length)]));
}
