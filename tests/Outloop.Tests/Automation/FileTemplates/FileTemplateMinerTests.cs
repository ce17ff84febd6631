using System.Text.Json;
using Outloop.Automation.FileTemplates;
using Outloop.Ingestion;
using Outloop.Ingestion.Claude;
using Outloop.Storage;
using Outloop.Tests.Support;

namespace Outloop.Tests.Automation.FileTemplates;

/// <summary>Synthetic Write calls in a real store, mined into templates.</summary>
public sealed class FileTemplateMinerTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly SqliteStore _store;
    private int _calls;

    public FileTemplateMinerTests() => _store = SqliteStore.Open(_temp.File("store.db"));

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    private static string Controller(string entity, string route) => $$"""
        using Microsoft.AspNetCore.Mvc;

        namespace Shop.Api.Controllers;

        [ApiController]
        [Route("api/{{route}}")]
        public sealed class {{entity}}Controller(I{{entity}}Service service) : ControllerBase
        {
            [HttpGet]
            public async Task<IActionResult> List(CancellationToken cancellationToken) =>
                Ok(await service.ListAsync(cancellationToken));

            [HttpGet("{id}")]
            public async Task<IActionResult> Get(int id, CancellationToken cancellationToken) =>
                await service.FindAsync(id, cancellationToken) is { } found ? Ok(found) : NotFound();
        }

        """;

    private const string Helper = """
        namespace Shop.Api.Controllers;

        internal static class RouteNames
        {
            public const string Prefix = "api";

            public static string Join(params string[] parts) => string.Join('/', parts);
        }

        """;

    /// <summary>Stores a Claude Code Write call as the importer does: a tool call whose input holds file_path and content.</summary>
    private void Write(string path, string content, DateTimeOffset at, string session = "s1", string tool = "Write")
    {
        using var insert = _store.Connection.CreateCommand();
        insert.CommandText = "INSERT INTO tool_calls (id, session_id, agent, name, started_at, input_json) VALUES ($id, $session, 'claude', $name, $at, $input)";
        insert.Parameters.AddWithValue("$id", $"call-{++_calls}");
        insert.Parameters.AddWithValue("$session", session);
        insert.Parameters.AddWithValue("$name", tool);
        insert.Parameters.AddWithValue("$at", StoreTime.Format(at));
        insert.Parameters.AddWithValue("$input", JsonSerializer.Serialize(new Dictionary<string, string> { ["file_path"] = path, ["content"] = content }));
        insert.ExecuteNonQuery();
    }

    private List<FileTemplate> Mine(FileTemplateOptions? options = null) =>
        FileTemplateMiner.Mine(new SqliteWrittenFiles(_store).Since(null), options ?? new FileTemplateOptions());

    [Fact]
    public void TwoSimilarControllersBecomeOneTemplateWithNamedVariables()
    {
        Write("/repo/src/Shop.Api/Controllers/UsersController.cs", Controller("Users", "users"), Day);
        Write("/repo/src/Shop.Api/Controllers/OrdersController.cs", Controller("Orders", "orders"), Day.AddHours(3), session: "s2");

        var template = Assert.Single(Mine());

        Assert.Equal("/repo/src/Shop.Api/Controllers/*Controller.cs", template.PathPattern);
        Assert.Equal(
            [new TemplateMember("/repo/src/Shop.Api/Controllers/UsersController.cs", "s1", Day),
             new TemplateMember("/repo/src/Shop.Api/Controllers/OrdersController.cs", "s2", Day.AddHours(3))],
            template.Members);
        Assert.Equal(
            [("entity", "users|orders"), ("className", "UsersController|OrdersController"), ("value", "IUsersService|IOrdersService")],
            template.Variables.Select(v => (v.Name, string.Join('|', v.Values))));
        Assert.Contains("[Route(\"api/{{entity}}\")]", template.Text, StringComparison.Ordinal);
        Assert.Contains("public sealed class {{className}}({{value}} service) : ControllerBase", template.Text, StringComparison.Ordinal);
        Assert.Equal(Controller("Users", "users"), template.Render(0));
        Assert.Equal(Controller("Orders", "orders"), template.Render(1));
    }

    [Fact]
    public void ADissimilarFileInTheSameFolderIsNotGrouped()
    {
        Write("/repo/Controllers/UsersController.cs", Controller("Users", "users"), Day);
        Write("/repo/Controllers/OrdersController.cs", Controller("Orders", "orders"), Day.AddHours(1));
        Write("/repo/Controllers/RouteController.cs", Helper, Day.AddHours(2));
        Write("/repo/Controllers/README.md", Controller("Carts", "carts"), Day.AddHours(2));

        var template = Assert.Single(Mine());

        Assert.Equal(["UsersController.cs", "OrdersController.cs"], template.Members.Select(m => Path.GetFileName(m.Path)));
    }

    [Fact]
    public void OnlyFilesWithin24HoursOfTheFirstAreGrouped()
    {
        Write("/repo/Controllers/UsersController.cs", Controller("Users", "users"), Day);
        Write("/repo/Controllers/OrdersController.cs", Controller("Orders", "orders"), Day.AddHours(23));
        Write("/repo/Controllers/CartsController.cs", Controller("Carts", "carts"), Day.AddDays(2));

        var template = Assert.Single(Mine());

        Assert.Equal(["UsersController.cs", "OrdersController.cs"], template.Members.Select(m => Path.GetFileName(m.Path)));
        Assert.Empty(Mine(new FileTemplateOptions { Window = TimeSpan.FromHours(22) }));
    }

    [Fact]
    public void TheSameFileWrittenTwiceIsNotATemplate()
    {
        Write("/wt-a/lib/renderer.ex", "defmodule Renderer do\n  def render(x), do: x\nend\n", Day);
        Write("/wt-b/lib/renderer.ex", "defmodule Renderer do\n  def render(x), do: to_string(x)\nend\n", Day.AddHours(1));

        Assert.Empty(Mine());
    }

    [Fact]
    public void InsertedLinesAndTheFileStemAreVariables()
    {
        Write("/app/priv/repo/migrations/20260211203856_add_refs.exs",
            "defmodule Repo.Migrations.AddRefs do\n  use Ecto.Migration\n\n  def change do\n    alter table(:messages) do\n      add :ref, :string\n    end\n  end\nend\n", Day);
        Write("/app/priv/repo/migrations/20260211205820_add_state.exs",
            "defmodule Repo.Migrations.AddState do\n  use Ecto.Migration\n\n  def change do\n    alter table(:annotations) do\n      add :state, :string\n      add :note, :text\n    end\n  end\nend\n", Day.AddMinutes(20));

        var template = Assert.Single(Mine());

        Assert.Equal("/app/priv/repo/migrations/*_add_*.exs", template.PathPattern);
        Assert.Equal(["className", "table", "add", "value"], template.Variables.Select(v => v.Name));
        Assert.Equal(["AddRefs", "AddState"], template.Variables[0].Values);
        Assert.Equal(["", "      add :note, :text\n"], template.Variables[3].Values);
        Assert.Equal(2, Enumerable.Range(0, 2).Count(i => template.Render(i) == new SqliteWrittenFiles(_store).Since(null).ElementAt(i).Content));
    }

    [Fact]
    public void TheRealClaudeTranscriptsYieldTheTemplatesTheirWriteCallsShare()
    {
        var projects = SharedData.Require("claude/projects");
        new ClaudeImporter(_store).Import([projects], new ImportOptions());

        var files = new SqliteWrittenFiles(_store).Since(null).ToList();
        var templates = FileTemplateMiner.Mine(files, new FileTemplateOptions());

        Assert.True(files.Count >= 40, $"{files.Count} Write calls");
        var live = Assert.Single(templates, t => t.PathPattern.EndsWith("test/spotter_web/live/*_live_test.exs", StringComparison.Ordinal));
        Assert.Equal(["SessionLiveTest", "SubagentLiveTest"], live.Variables.First(v => v.Name == "className").Values);
        Assert.All(templates, t => Assert.Equal(t.Members.Count, t.Members.Select(m => Path.GetFileName(m.Path)).Distinct().Count()));
    }
}
