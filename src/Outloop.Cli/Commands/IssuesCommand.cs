using System.CommandLine;
using Outloop.Automation.Candidates;
using Outloop.Automation.Issues;
using Outloop.Storage;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop issues draft [--project DIR]</c> writes one Markdown issue per automation candidate to
/// <c>DIR/.outloop/issues/</c>; <c>outloop issues file --repo OWNER/NAME [--api-url URL]</c> files them on GitHub
/// with <c>GITHUB_TOKEN</c>, never twice for one pattern.
/// </summary>
internal static class IssuesCommand
{
    public const string TokenVariable = "GITHUB_TOKEN";

    public static Command Create(CliConsole console)
    {
        var project = new Option<string?>("--project") { Description = "Project folder holding .outloop/ (default: the current folder)", Recursive = true };
        var command = new Command("issues", "Automation candidates as issues: Markdown drafts, then GitHub") { project };

        var draft = new Command("draft", "Write one Markdown issue per automation candidate to .outloop/issues/");
        draft.SetAction(parse =>
        {
            var folder = Path.GetFullPath(parse.GetValue(project) ?? Directory.GetCurrentDirectory());
            using var store = StoreFactory.OpenSqlite(parse);
            var patterns = new SqlitePatternStore(store);
            var candidates = CandidateFinder.FindAndMark(patterns, new CandidateOptions(), DateTimeOffset.UtcNow);
            var drafts = IssueDrafter.Draft(folder, candidates, patterns);
            foreach (var d in drafts)
            {
                console.Out.WriteLine($"{Path.GetRelativePath(folder, d.Path)}  {d.Title}");
            }

            console.Out.WriteLine(drafts.Count == 0
                ? "No automation candidates: see `outloop candidates` for the thresholds."
                : $"{drafts.Count} issue draft(s) in {IssueDrafter.Folder(folder)}; file them with `outloop issues file --repo OWNER/NAME`.");
            return 0;
        });
        command.Subcommands.Add(draft);

        var repo = new Option<string>("--repo") { Description = "GitHub repository OWNER/NAME", Required = true };
        var api = new Option<string?>("--api-url") { Description = $"GitHub REST API base (default {GitHubIssueClient.DefaultApi})" };
        var file = new Command("file", $"File the drafts on GitHub (token from ${TokenVariable}); an issue already filed for a pattern is found, not filed again")
        {
            repo, api,
        };
        file.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(repo)!;
            if (name.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
            {
                throw new OutloopException($"--repo must be OWNER/NAME, not \"{name}\".");
            }

            var token = Environment.GetEnvironmentVariable(TokenVariable);
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new OutloopException($"{TokenVariable} is not set: create a token that may write issues in {name} and export {TokenVariable}=... before `outloop issues file`.");
            }

            var folder = Path.GetFullPath(parse.GetValue(project) ?? Directory.GetCurrentDirectory());
            var drafts = IssueDrafter.Load(folder);
            if (drafts.Count == 0)
            {
                throw new OutloopException($"No issue drafts in {IssueDrafter.Folder(folder)}: run `outloop issues draft` first.");
            }

            var baseUri = Uri.TryCreate(parse.GetValue(api) ?? GitHubIssueClient.DefaultApi.AbsoluteUri, UriKind.Absolute, out var u)
                ? u
                : throw new OutloopException($"--api-url is not an absolute URL: {parse.GetValue(api)}");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var store = StoreFactory.OpenSqlite(parse);
            var filed = await IssueFiler.FileAsync(drafts, name, new GitHubIssueClient(http, baseUri, token), new SqliteAutomationStore(store),
                DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
            foreach (var f in filed)
            {
                var verb = f.Outcome switch { "filed" => "filed", "found" => "already on GitHub as", _ => "already filed as" };
                await console.Out.WriteLineAsync($"{f.PatternId}: {verb} #{f.Number}{(f.Url is null ? "" : " " + f.Url)}").ConfigureAwait(false);
            }

            return 0;
        });
        command.Subcommands.Add(file);
        return command;
    }
}
