using Outloop.Automation.Routing;
using Outloop.Automation.Tools;

namespace Outloop.Tests.Automation.Routing;

/// <summary>Finds the shared routing data (../shared/data/routing) and this folder's own fixtures.</summary>
internal static class RoutingData
{
    public static string? SharedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Outloop.slnx")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "routing"));
                return File.Exists(Path.Combine(shared, "tools.yaml")) ? shared : null;
            }
        }

        return null;
    }

    public static string Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Outloop.slnx")))
            {
                return Path.Combine(dir.FullName, "tests", "Outloop.Tests", "Automation", "Routing", "Fixtures", name);
            }
        }

        throw new InvalidOperationException("Outloop.slnx not found above the test binaries.");
    }

    /// <summary>The shared registry, or a skipped test when the data is absent.</summary>
    public static (Router Router, string Folder) SharedRouter()
    {
        var folder = SharedFolder();
        if (folder is null)
        {
            Assert.Skip("../shared/data/routing is absent: the routing accuracy tests need the shared registry.");
        }

        var registry = ToolRegistryFile.Load(Path.Combine(folder, "tools.yaml"));
        return (Router.Build(RouteTarget.FromRegistry(registry)), folder);
    }

    /// <summary>Eight hand-made tools of the usual kinds (tests, build, lint, format, dependencies, migrations, server, changes).</summary>
    public static ToolRegistry EightKinds() => new(
    [
        new ToolDefinition("tester", ["bash", "t.sh"]) { Description = "Run the test suite.", InputPatterns = ["run the tests", "pytest", "are the tests green"] },
        new ToolDefinition("builder", ["bash", "b.sh"]) { Description = "Compile the project.", InputPatterns = ["build the project", "compile"] },
        new ToolDefinition("linter", ["bash", "l.sh"]) { Description = "Run the linters.", InputPatterns = ["lint", "run eslint", "check code style"] },
        new ToolDefinition("formatter", ["bash", "f.sh"]) { Description = "Format the source files.", InputPatterns = ["format the code", "fix formatting"] },
        new ToolDefinition("deps", ["bash", "d.sh"]) { Description = "Upgrade the dependencies.", InputPatterns = ["update dependencies", "bump packages"] },
        new ToolDefinition("migrator", ["bash", "m.sh"]) { Description = "Apply pending database migrations.", InputPatterns = ["run migrations", "migrate the database"] },
        new ToolDefinition("server", ["bash", "s.sh"]) { Description = "Start the development server.", InputPatterns = ["start the server", "run the app"] },
        new ToolDefinition("changes", ["git", "status"]) { Description = "Show changed files and recent commits.", InputPatterns = ["git status", "what changed"] },
    ]);

    /// <summary>A small hand-made registry, independent of the shared data.</summary>
    public static ToolRegistry HandMade() => new(
    [
        new ToolDefinition("test-runner", ["bash", "run-tests.sh"])
        {
            Description = "Run the unit tests and print the failures.",
            InputPatterns = ["run the tests", "pytest", "are the tests passing"],
            Parameters = [new ToolParameter("target", "[A-Za-z0-9_./-]+") { After = ["on", "in", "for"] }],
        },
        new ToolDefinition("builder", ["bash", "build.sh"])
        {
            Description = "Compile the project.",
            InputPatterns = ["build the project", "does it build"],
        },
        new ToolDefinition("formatter", ["bash", "format.sh"])
        {
            Description = "Format the source files.",
            InputPatterns = ["format the code", "fix formatting"],
        },
        new ToolDefinition("changes", ["git", "status", "--short"])
        {
            Description = "Show the changed files and the last commits.",
            InputPatterns = ["git status", "what changed"],
        },
    ]);
}
