namespace Outloop.Sample;

/// <summary>
/// Writes a realistic, deterministic <c>~/.claude</c>-like folder of Claude Code transcripts for three fictional
/// projects (a FastAPI backend, a TypeScript frontend, an Elixir app): repeated test runs, recurring failures and
/// their fixes, reads and searches, subagents, interruptions and a compaction. The same seed always gives the same
/// bytes: dates start at <see cref="BaseDate"/> and every id comes from a seeded generator.
/// </summary>
public static class SampleTranscriptGenerator
{
    /// <summary>The first day of the sample history (a Monday).</summary>
    public static readonly DateTimeOffset BaseDate = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Writes the sample under <paramref name="rootFolder"/> (<c>projects/&lt;escaped-cwd&gt;/&lt;session&gt;.jsonl</c>
    /// plus <c>&lt;session&gt;/subagents/agent-&lt;id&gt;.jsonl</c>) and returns what was written.
    /// </summary>
    public static SampleSummary Write(string rootFolder, int seed = 42, SampleSize size = SampleSize.Demo)
    {
        var (sessionCount, days) = size switch
        {
            SampleSize.Small => (4, 7),
            SampleSize.Large => (150, 84),
            _ => (16, 21),
        };
        var random = new Random(seed);
        var ids = new SampleIds(random);
        var counts = new SampleCounts();
        var projects = SampleProjects.All();
        var projectsFolder = Path.Combine(rootFolder, "projects");

        var starts = Enumerable.Range(0, sessionCount)
            .Select(_ => BaseDate.AddDays(random.Next(days)).AddMinutes(random.Next(8 * 60, 18 * 60)))
            .Order()
            .ToArray();
        var decks = projects.ToDictionary(p => p.Name, _ => new Queue<SampleTaskKind>(), StringComparer.Ordinal);
        var rotation = projects.ToDictionary(p => p.Name, _ => 0, StringComparer.Ordinal);
        var plans = new List<(SampleProject Project, List<SampleTaskPlan> Tasks)>();
        for (var i = 0; i < sessionCount; i++)
        {
            var project = projects[(i + random.Next(2)) % projects.Count];
            var taskCount = random.Next(2, 6);
            plans.Add((project, PlanTasks(project, taskCount, decks[project.Name], rotation[project.Name]++, random)));
        }

        // One manual /compact before the last task of the longest session.
        var compacted = size == SampleSize.Small ? -1 : plans.FindIndex(p => p.Tasks.Count == plans.Max(q => q.Tasks.Count));
        for (var i = 0; i < sessionCount; i++)
        {
            var (project, tasks) = plans[i];
            var model = random.Next(3) == 0 ? SessionSimulator.SonnetModel : SessionSimulator.OpusModel;
            var version = starts[i] < BaseDate.AddDays(days / 2) ? "2.1.38" : "2.1.39";
            var branch = random.Next(3) == 0 ? "feature/" + project.Name + "-" + (i + 1) : "main";
            var projectFolder = Path.Combine(projectsFolder, EscapeCwd(project.Cwd));
            using var session = new SessionSimulator(ids, counts, project, projectFolder, starts[i], model, version, branch);
            for (var t = 0; t < tasks.Count; t++)
            {
                if (i == compacted && t == tasks.Count - 1)
                {
                    session.Compact();
                }

                session.Play(tasks[t]);
            }
        }

        var bytes = Directory.EnumerateFiles(projectsFolder, "*.jsonl", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        return new SampleSummary(
            projectsFolder,
            counts.Files,
            counts.Lines,
            bytes,
            counts.Sessions,
            counts.SubagentFiles,
            counts.Tasks,
            counts.InterruptedTasks,
            counts.ToolCalls,
            counts.FailedToolCalls,
            counts.AssistantMessages,
            counts.AssistantLines,
            new SampleUsage(counts.InputTokens, counts.OutputTokens, counts.CacheCreationTokens, counts.CacheReadTokens),
            counts.BashCommands,
            counts.First,
            counts.Last);
    }

    /// <summary>Claude Code's project folder name: every character that is not a letter or digit becomes '-'.</summary>
    public static string EscapeCwd(string cwd) =>
        string.Create(cwd.Length, cwd, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiLetterOrDigit(source[i]) ? source[i] : '-';
            }
        });

    private static readonly SampleTaskKind[] Deck =
    [
        SampleTaskKind.FixTest, SampleTaskKind.FixTest, SampleTaskKind.FixTest, SampleTaskKind.FixBuild,
        SampleTaskKind.FixBuild, SampleTaskKind.Feature, SampleTaskKind.Feature, SampleTaskKind.Question,
        SampleTaskKind.Explore, SampleTaskKind.Commit, SampleTaskKind.Commit, SampleTaskKind.Interrupted,
    ];

    /// <summary>
    /// Draws a session's tasks from the project's shuffled deck, so every kind recurs; a fault, feature or build
    /// fix is done at most once per session (its files change), so a repeat becomes a question instead.
    /// </summary>
    private static List<SampleTaskPlan> PlanTasks(SampleProject project, int count, Queue<SampleTaskKind> deck, int rotation, Random random)
    {
        var tasks = new List<SampleTaskPlan>();
        var usedFaults = new HashSet<string>(StringComparer.Ordinal);
        var usedFeatures = new HashSet<string>(StringComparer.Ordinal);
        var question = rotation;
        for (var i = 0; i < count; i++)
        {
            if (deck.Count == 0)
            {
                foreach (var kind in Deck.OrderBy(_ => random.Next()))
                {
                    deck.Enqueue(kind);
                }
            }

            var next = deck.Dequeue();
            var fault = next switch
            {
                SampleTaskKind.FixTest => project.TestFaults.FirstOrDefault(f => !usedFaults.Contains(f.Key) && (rotation + i) % project.TestFaults.Count == IndexOf(project.TestFaults, f))
                    ?? project.TestFaults.FirstOrDefault(f => !usedFaults.Contains(f.Key)),
                SampleTaskKind.FixBuild => usedFaults.Contains(project.BuildFault.Key) ? null : project.BuildFault,
                _ => null,
            };
            var feature = next == SampleTaskKind.Feature
                ? project.Features.Skip((rotation + i) % project.Features.Count).Concat(project.Features).FirstOrDefault(f => !usedFeatures.Contains(f.Prompt))
                : null;
            var plan = next switch
            {
                SampleTaskKind.FixTest or SampleTaskKind.FixBuild when fault is not null => new SampleTaskPlan(next, Fault: fault),
                SampleTaskKind.Feature when feature is not null => new SampleTaskPlan(next, Feature: feature),
                SampleTaskKind.Commit or SampleTaskKind.Interrupted => new SampleTaskPlan(next),
                SampleTaskKind.Explore => new SampleTaskPlan(next, Question: project.Questions[question++ % project.Questions.Count]),
                _ => new SampleTaskPlan(SampleTaskKind.Question, Question: project.Questions[question++ % project.Questions.Count]),
            };
            if (plan.Fault is not null)
            {
                usedFaults.Add(plan.Fault.Key);
            }

            if (plan.Feature is not null)
            {
                usedFeatures.Add(plan.Feature.Prompt);
            }

            tasks.Add(plan);
        }

        return tasks;
    }

    private static int IndexOf(IReadOnlyList<CodeFault> faults, CodeFault fault)
    {
        for (var i = 0; i < faults.Count; i++)
        {
            if (ReferenceEquals(faults[i], fault))
            {
                return i;
            }
        }

        return -1;
    }
}
