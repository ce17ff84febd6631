using System.CommandLine;
using System.Globalization;
using Outloop.Automation.Tools;
using Outloop.Storage;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop tools list|show|add|remove|enable|disable|generate</c>: the tool registry, kept both in
/// <c>PROJECT/.outloop/tools.yaml</c> (what routing reads) and in the store (with run counts, duration, tokens saved).
/// </summary>
internal static class ToolsCommand
{
    public static Command Create(CliConsole console)
    {
        var project = new Option<string?>("--project") { Description = "Project folder holding .outloop/ (default: the current folder)", Recursive = true };
        var name = new Argument<string>("name") { Description = "The tool's name" };
        var command = new Command("tools", "The registry of deterministic tools: list, show, add, remove, enable, disable, generate") { project };

        var list = new Command("list", "Registered tools with status, success rate, average duration and tokens saved");
        list.SetAction(parse => Run(parse, project, (yaml, store, registry) =>
        {
            console.Out.WriteLine("name                          status       runs  success  avg s   tokens saved  command");
            foreach (var tool in registry.Tools)
            {
                var row = store.Find(tool.Name);
                var status = row?.Status ?? tool.Status;
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{tool.Name,-29} {SqliteToolStore.StatusText(status),-11} {row?.Runs ?? 0,5} {(row?.SuccessRate ?? 1) * 100,7:0}% {(row?.AverageDurationMs ?? 0) / 1000,6:0.00} {row?.TokensSaved ?? 0,14:N0}  {string.Join(' ', tool.Command)}"));
            }

            if (registry.Tools.Count == 0)
            {
                console.Out.WriteLine($"(no tools in {yaml}: add one with `outloop tools add NAME -- CMD ARGS` or `outloop tools generate PATTERN_ID`)");
            }
        }));
        command.Subcommands.Add(list);

        var show = new Command("show", "One tool: its definition and its figures") { name };
        show.SetAction(parse => Run(parse, project, (_, store, registry) =>
        {
            var toolName = parse.GetValue(name)!;
            var tool = registry.Find(toolName) ?? throw new OutloopException($"No tool {toolName}: list them with `outloop tools list`.");
            var row = store.Find(toolName);
            console.Out.WriteLine($"name:           {tool.Name}");
            console.Out.WriteLine($"command:        {string.Join(' ', tool.Command)}");
            console.Out.WriteLine($"input patterns: {string.Join(", ", tool.InputPatterns)}");
            console.Out.WriteLine($"status:         {SqliteToolStore.StatusText(row?.Status ?? tool.Status)}");
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"runs:           {row?.Runs ?? 0} ({row?.Successes ?? 0} succeeded, {(row?.SuccessRate ?? 1) * 100:0}%), average {(row?.AverageDurationMs ?? 0) / 1000:0.00} s"));
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tokens saved:   {row?.TokensSaved ?? 0:N0}"));
            if (row?.PatternId is { } pattern)
            {
                console.Out.WriteLine($"pattern:        {pattern}");
            }
        }));
        command.Subcommands.Add(show);

        var argv = new Argument<string[]>("command") { Description = "The command and its arguments, after --", Arity = ArgumentArity.OneOrMore };
        var patterns = new Option<string[]>("--pattern") { Description = "A phrase users write for this tool (repeatable)", AllowMultipleArgumentsPerToken = false };
        var description = new Option<string?>("--description") { Description = "One line saying what the tool does" };
        var add = new Command("add", "Register a tool: outloop tools add NAME [--pattern P]... -- CMD ARGS...") { name, argv, patterns, description };
        add.SetAction(parse => Run(parse, project, (yaml, store, registry) =>
        {
            var tool = new ToolDefinition(parse.GetValue(name)!, parse.GetValue(argv)!)
            {
                InputPatterns = parse.GetValue(patterns) ?? [],
                Description = parse.GetValue(description) ?? "",
            };
            Save(yaml, registry, tool);
            store.Upsert(tool);
            console.Out.WriteLine($"Registered {tool.Name} in {yaml} and the store.");
        }));
        command.Subcommands.Add(add);

        var remove = new Command("remove", "Unregister a tool") { name };
        remove.SetAction(parse => Run(parse, project, (yaml, store, registry) =>
        {
            var toolName = parse.GetValue(name)!;
            var inYaml = registry.Find(toolName) is not null;
            if (!inYaml && !store.Remove(toolName))
            {
                throw new OutloopException($"No tool {toolName}: list them with `outloop tools list`.");
            }

            store.Remove(toolName);
            ToolRegistryFile.Save(yaml, new ToolRegistry([.. registry.Tools.Where(t => t.Name != toolName)]));
            console.Out.WriteLine($"Removed {toolName}.");
        }));
        command.Subcommands.Add(remove);

        foreach (var (verb, status) in new[] { ("enable", ToolStatus.Active), ("disable", ToolStatus.Disabled) })
        {
            var sub = new Command(verb, verb == "enable" ? "Route to the tool again (its run counts start afresh)" : "Stop routing to the tool") { name };
            sub.SetAction(parse => Run(parse, project, (yaml, store, registry) =>
            {
                var toolName = parse.GetValue(name)!;
                var tool = registry.Find(toolName) ?? throw new OutloopException($"No tool {toolName}: list them with `outloop tools list`.");
                var changed = tool with { Status = status };
                Save(yaml, registry, changed);
                if (store.Find(toolName) is null)
                {
                    store.Upsert(changed);
                }

                store.SetStatus(toolName, status, resetCounts: status == ToolStatus.Active);
                console.Out.WriteLine($"{toolName} is {SqliteToolStore.StatusText(status)}.");
            }));
            command.Subcommands.Add(sub);
        }

        var patternId = new Argument<string>("pattern-id") { Description = "A command pattern's id (see `outloop candidates`)" };
        var generate = new Command("generate", "Write .outloop/tools/<name>.sh for a command pattern (compact output) and register it") { patternId };
        generate.SetAction(parse => Run(parse, project, (yaml, store, registry) =>
        {
            var id = parse.GetValue(patternId)!;
            using var sqlite = StoreFactory.OpenSqlite(parse);
            var (pattern, _) = new SqlitePatternStore(sqlite).Find(id)
                ?? throw new OutloopException($"No pattern {id}: list candidates with `outloop candidates`.");
            var folder = Path.GetFullPath(parse.GetValue(project) ?? Directory.GetCurrentDirectory());
            var (tool, path) = ToolScriptGenerator.Generate(folder, pattern);
            Save(yaml, registry, tool);
            store.Upsert(tool, pattern.Id);
            console.Out.WriteLine($"Wrote {path} and registered {tool.Name} (input patterns: {string.Join(", ", tool.InputPatterns)}).");
        }));
        command.Subcommands.Add(generate);
        return command;
    }

    private static int Run(ParseResult parse, Option<string?> project, Action<string, SqliteToolStore, ToolRegistry> action)
    {
        var folder = Path.GetFullPath(parse.GetValue(project) ?? Directory.GetCurrentDirectory());
        var yaml = Path.Combine(folder, ToolRegistryFile.DefaultPath);
        var registry = File.Exists(yaml) ? ToolRegistryFile.Load(yaml) : ToolRegistry.Empty;
        using var store = StoreFactory.OpenSqlite(parse);
        action(yaml, new SqliteToolStore(store), registry);
        return 0;
    }

    private static void Save(string yaml, ToolRegistry registry, ToolDefinition tool)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(yaml)!);
        var tools = registry.Tools.ToList();
        var index = tools.FindIndex(t => t.Name == tool.Name);
        if (index >= 0)
        {
            tools[index] = tool;
        }
        else
        {
            tools.Add(tool);
        }

        ToolRegistryFile.Save(yaml, new ToolRegistry(tools));
    }
}
