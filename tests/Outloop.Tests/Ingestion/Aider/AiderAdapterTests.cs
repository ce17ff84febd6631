using System.Text.RegularExpressions;
using Outloop.Ingestion.Aider;
using Outloop.Tests.Support;

namespace Outloop.Tests.Ingestion.Aider;

public sealed class AiderAdapterTests
{
    private static readonly string[] Markers =
    [
        "Traceback (most recent call last)", "FAILED", " failed", "Error:", "error:", "command not found",
        "No such file or directory", "non-zero exit", "exit code: 1",
    ];

    [Fact]
    public void EveryRealHistoryImportsWithCountsEqualToARegexCount()
    {
        var root = SharedData.Require("aider");
        var adapter = new AiderAdapter();
        var files = Directory.GetFiles(root, "*.md", SearchOption.AllDirectories).Where(f => AdapterHarness.Claims(adapter, f)).ToList();
        // chat-history.md, 13 example transcripts, and the examples' README, which shows a sample exchange.
        Assert.Equal(15, files.Count);
        using var temp = new TempFolder();

        var logs = AdapterHarness.Import(adapter, files, temp.File("store.db"));

        Assert.All(logs, l => Assert.Empty(l.Problems));
        var expected = files.Select(f => Count(File.ReadAllText(f))).Aggregate((a, b) => (a.Sessions + b.Sessions, a.Calls + b.Calls, a.Failed + b.Failed, a.Tokens + b.Tokens));
        var actual = AdapterHarness.Counts(temp.File("store.db"), "aider");
        Assert.Equal((expected.Sessions, expected.Calls, expected.Failed), (actual.Sessions, actual.ToolCalls, actual.Failed));
        Assert.Equal(expected.Tokens, AdapterHarness.Scalar(temp.File("store.db"), "SELECT count(*) FROM model_requests"));
        Assert.True(actual.Tasks > 1000, $"{actual.Tasks} tasks");
    }

    [Fact]
    public void HeldOutHistoryImportsTheSameWayIncrementallyAndReimportChangesNothing()
    {
        using var temp = new TempFolder();
        var path = temp.Write("proj/.aider.chat.history.md", AiderSamples.FirstSession);
        var store = temp.File("store.db");
        AdapterHarness.Import(new AiderAdapter(), [path], store);
        File.AppendAllText(path, AiderSamples.Continued);

        AdapterHarness.Import(new AiderAdapter(), [path], store);
        var before = AdapterHarness.Fingerprint(store);
        AdapterHarness.Import(new AiderAdapter(), [path], store);

        Assert.Equal(before, AdapterHarness.Fingerprint(store));
        Assert.Equal((2, 2, 5, 2), AdapterHarness.Counts(store, "aider"));
        Assert.Equal(
            ["edit 1 app.py", "edit 1 app.py", "lint 0 ", "run 1 ", "test 0 "],
            AdapterHarness.Strings(store, "SELECT c.name || ' ' || coalesce(c.success, 1) || ' ' || coalesce(f.path, '') FROM tool_calls c LEFT JOIN file_accesses f ON f.tool_call_id = c.id ORDER BY 1"));
        Assert.Equal(
            ["gpt-4o 5244 604 0 0.02", "claude-3-5-sonnet 2600 1100 2500 0.01"],
            AdapterHarness.Strings(store, "SELECT model || ' ' || input_tokens || ' ' || output_tokens || ' ' || cache_write_5m_tokens || ' ' || source_cost_usd FROM model_requests ORDER BY rowid"));
        Assert.Equal(
            ["add a greeting\nand make it loud", "now fix the tests"],
            AdapterHarness.Strings(store, "SELECT description FROM tasks ORDER BY rowid"));
    }

    private static (long Sessions, long Calls, long Failed, long Tokens) Count(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToArray();
        // A session per header, plus one for requests before the first header (or in a file without one).
        var firstHeader = Array.FindIndex(lines, l => l.StartsWith("# aider chat started at", StringComparison.Ordinal));
        var sessions = lines.Count(l => l.StartsWith("# aider chat started at", StringComparison.Ordinal))
                       + (lines.Take(firstHeader < 0 ? lines.Length : firstHeader).Any(l => l.StartsWith("####", StringComparison.Ordinal)) ? 1 : 0);

        // Edit blocks, not counting markers that are content of a block (edits of the edit-block parser itself).
        var (edits, inBlock) = (0, false);
        foreach (var line in lines)
        {
            if (!inBlock && (line.StartsWith("<<<<<<< SEARCH", StringComparison.Ordinal) || line.StartsWith("<<<<<<< ORIGINAL", StringComparison.Ordinal)))
            {
                (edits, inBlock) = (edits + 1, true);
            }
            else if (inBlock && (line.StartsWith(">>>>>>> ", StringComparison.Ordinal) || line.StartsWith("#### ", StringComparison.Ordinal) || line.StartsWith("# aider chat started at", StringComparison.Ordinal)
                                 || line.StartsWith("> Tokens: ", StringComparison.Ordinal)))
            {
                inBlock = false;
            }
        }

        var commands = Regex.Matches(text, @"^#### (/run|/test|!)", RegexOptions.Multiline);
        var lints = lines.Count(l => l.StartsWith("> # Fix any errors below", StringComparison.Ordinal));
        var failed = lints;
        foreach (Match command in commands)
        {
            var rest = text[(text.IndexOf('\n', command.Index) + 1)..];
            var end = Regex.Match(rest, @"^(#### |####$|# aider chat started at |> Add the output to the chat\?|> Add command output to the chat\?|> # Fix any errors below)", RegexOptions.Multiline);
            var output = end.Success ? rest[..end.Index] : rest;
            failed += Markers.Any(output.Contains) ? 1 : 0;
        }

        var tokens = lines.Count(l => l.StartsWith("> Tokens: ", StringComparison.Ordinal));
        return (sessions, commands.Count + edits + lints, failed, tokens);
    }
}
