using System.Globalization;
using System.Text.Json;

namespace Outloop.Cli.Tests.Commands;

/// <summary><c>outloop patterns spec|approve|sync</c> and <c>outloop templates</c> on a store imported from a small transcript.</summary>
public sealed class PatternSpecAndTemplatesCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outloop-cli-tests", Guid.NewGuid().ToString("N"));

    public PatternSpecAndTemplatesCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Line(string template, int i, string time) =>
        template.Replace("@i", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("@t", time, StringComparison.Ordinal);

    /// <summary>Three tasks running <c>mix test</c> and two Write calls of similar controllers; returns the store path.</summary>
    private async Task<string> ImportAsync()
    {
        var project = Path.Combine(_folder, "projects", "-home-dev-app");
        Directory.CreateDirectory(project);
        var lines = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var t = $"2026-03-0{i + 1}T09:00:0";
            lines.Add(Line("""{"type":"user","uuid":"p@i","sessionId":"s1","cwd":"/home/dev/app","timestamp":"@t0.000Z","message":{"role":"user","content":"run the tests @i"}}""", i, t));
            lines.Add(Line("""{"type":"assistant","uuid":"a@i","sessionId":"s1","cwd":"/home/dev/app","timestamp":"@t1.000Z","requestId":"r@i","message":{"id":"m@i","model":"claude-sonnet-4-5","content":[{"type":"tool_use","id":"tu@i","name":"Bash","input":{"command":"mix test"}}],"usage":{"input_tokens":3,"output_tokens":40}}}""", i, t));
            lines.Add(Line("""{"type":"user","uuid":"u@i","sessionId":"s1","cwd":"/home/dev/app","timestamp":"@t2.000Z","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"tu@i","content":"3 tests, 0 failures"}]}}""", i, t));
        }

        foreach (var (i, entity) in new[] { (1, "Users"), (2, "Orders") })
        {
            var content = JsonSerializer.Serialize($"namespace App.Controllers;\n\npublic sealed class {entity}Controller : ControllerBase\n{{\n    public IActionResult Get() => Ok(\"{entity.ToLowerInvariant()}\");\n}}\n");
            var path = $"/home/dev/app/Controllers/{entity}Controller.cs";
            lines.Add(Line("""{"type":"assistant","uuid":"w@i","sessionId":"s1","cwd":"/home/dev/app","timestamp":"2026-03-03T10:0@i:00.000Z","requestId":"rw@i","message":{"id":"mw@i","model":"claude-sonnet-4-5","content":[{"type":"tool_use","id":"tw@i","name":"Write","input":{"file_path":"PATH","content":CONTENT}}],"usage":{"input_tokens":3,"output_tokens":40}}}""", i, "")
                .Replace("PATH", path, StringComparison.Ordinal).Replace("CONTENT", content, StringComparison.Ordinal));
        }

        await File.WriteAllTextAsync(Path.Combine(project, "s1.jsonl"), string.Join("\n", lines) + "\n", TestContext.Current.CancellationToken);
        var db = Path.Combine(_folder, "store.db");
        var (importExit, _, importError) = await CliRun.Run("import", "claude", _folder, "--db", db);
        Assert.True(importExit == 0, importError);
        var (backfillExit, _, backfillError) = await CliRun.Run("backfill", "--db", db);
        Assert.True(backfillExit == 0, backfillError);
        return db;
    }

    [Fact]
    public async Task SpecWritesADraftApproveRecordsWhoAndAnIllegalMoveFails()
    {
        var db = await ImportAsync();
        var (_, json, _) = await CliRun.Run("patterns", "ops", "--json", "--db", db);
        using var document = JsonDocument.Parse(json);
        var id = document.RootElement.GetProperty("patterns")[0].GetProperty("id").GetString()!;
        var projectDir = Path.Combine(_folder, "app");
        var spec = Path.Combine(projectDir, ".outloop", "patterns", id + ".yaml");

        var (specExit, specOut, specError) = await CliRun.Run("patterns", "spec", id, "--project", projectDir, "--db", db);
        var (approveExit, approveOut, _) = await CliRun.Run("patterns", "approve", id, "--by", "anna", "--reason", "ok", "--project", projectDir, "--db", db);
        var (againExit, _, againError) = await CliRun.Run("patterns", "activate", id, "--project", projectDir, "--db", db);

        Assert.True(specExit == 0, specError);
        Assert.Equal($".outloop/patterns/{id}.yaml: detected (draft), confidence", specOut[..specOut.IndexOf(" confidence", StringComparison.Ordinal)] + " confidence");
        Assert.Equal(0, approveExit);
        Assert.Contains("approved by anna", approveOut, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(spec, TestContext.Current.CancellationToken);
        Assert.Contains("status: approved", text, StringComparison.Ordinal);
        Assert.Contains("by: \"anna\"", text, StringComparison.Ordinal);
        Assert.Equal(2, againExit);
        Assert.Contains("cannot go from approved to active", againError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplatesJsonListsTheTemplateItsMembersAndVariables()
    {
        var db = await ImportAsync();

        var (exit, json, error) = await CliRun.Run("templates", "--json", "--db", db);

        Assert.True(exit == 0, error);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(2, document.RootElement.GetProperty("files").GetInt32());
        var template = Assert.Single(document.RootElement.GetProperty("templates").EnumerateArray());
        Assert.Equal(["id", "pathPattern", "similarity", "members", "text", "variables"], template.EnumerateObject().Select(p => p.Name));
        Assert.Equal("/home/dev/app/Controllers/*Controller.cs", template.GetProperty("pathPattern").GetString());
        Assert.Equal(["className", "entity"], template.GetProperty("variables").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
        Assert.Contains("public sealed class {{className}} : ControllerBase", template.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
