using System.CommandLine;
using System.Text.Json;
using Outloop.Review;
using Outloop.Storage;

namespace Outloop.Cli.Commands;

/// <summary><c>outloop learnings [--project DIR] [--json]</c>: the learnings the reviews kept, most referenced first.</summary>
internal static class LearningsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("learnings", "List the learnings kept by the reviews, with their references");
        command.Options.Add(ConfigCommand.Project);
        command.Options.Add(GlobalOptions.Json);
        command.SetAction(parse =>
        {
            var files = new ProjectFiles(parse.GetValue(ConfigCommand.Project) ?? Directory.GetCurrentDirectory());
            List<Learning> learnings;
            using (var store = StoreFactory.OpenSqlite(parse))
            {
                learnings = [.. new SqliteReviewStore(store, files.Root).Learnings().OrderByDescending(l => l.References).ThenBy(l => l.Id, StringComparer.Ordinal)];
            }

            if (parse.GetValue(GlobalOptions.Json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    learnings = learnings.Select(l => new
                    {
                        id = l.Id,
                        text = l.Text,
                        source = l.Source,
                        references = l.References,
                        promoted = l.Promoted,
                        taskIds = l.TaskIds,
                        patternIds = l.PatternIds,
                        createdAt = StoreTime.Format(l.CreatedAt),
                        lastSeenAt = StoreTime.Format(l.LastSeenAt),
                    }),
                }));
                return 0;
            }

            foreach (var l in learnings)
            {
                console.Out.WriteLine($"{l.Id}  {l.References,3} refs{(l.Promoted ? "  promoted" : string.Empty)}  {l.Text}");
            }

            console.Out.WriteLine($"{learnings.Count} learnings");
            return 0;
        });
        return command;
    }
}
