using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outloop.Automation.Routing;
using Outloop.Automation.Tools;
using Outloop.Configuration;
using Outloop.Storage;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop route "TEXT" [--dry-run] [--json] [--tools PATH] [--agent-command CMD]</c>: sends a request to the
/// registered tool it asks for, or to the agent command when no tool is confident enough or the tool fails.
/// </summary>
internal static class RouteCommand
{
    public static Command Create(CliConsole console)
    {
        var text = new Argument<string>("text") { Description = "The request, in natural language" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only show the decision; run nothing" };
        var json = new Option<bool>("--json") { Description = "Write stable, documented JSON instead of text" };
        var tools = new Option<string?>("--tools") { Description = $"Tool registry YAML (default: {ToolRegistryFile.DefaultPath})" };
        var agent = new Option<string?>("--agent-command")
        {
            Description = "Agent that takes requests no tool answers, e.g. \"claude -p\" (default: $OUTLOOP_AGENT_COMMAND)",
        };
        var minConfidence = new Option<int?>("--min-confidence") { Description = "Route at this confidence (0-100) or above (default 70)" };
        var command = new Command("route", "Run the registered tool a request asks for, or hand it to the agent")
        {
            text, dryRun, json, tools, agent, minConfidence,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var registry = LoadRegistry(parse.GetValue(tools));
            var agentLine = parse.GetValue(agent) ?? Environment.GetEnvironmentVariable("OUTLOOP_AGENT_COMMAND");
            var options = new RoutingOptions { MinConfidence = parse.GetValue(minConfidence) ?? 70 };
            var router = Router.Build(RouteTarget.FromRegistry(registry), options);

            // Run counts persist in the store, so a tool failing across runs is disabled and stays disabled.
            using var store = StoreFactory.OpenSqlite(parse);
            var health = HealthOptions(Directory.GetCurrentDirectory());
            var stats = new SqliteToolStore(store, health);

            // A pattern whose tool runs fail too often is quarantined in the store and no longer routed to.
            var runner = new ToolRunner(
                new ToolRunnerOptions(Directory.GetCurrentDirectory())
                {
                    Agent = string.IsNullOrWhiteSpace(agentLine) ? null : AgentCommand.Parse(agentLine),
                    Health = health,
                },
                stats,
                new PatternQuarantine(new SqlitePatternStore(store), stats, health));
            var request = parse.GetValue(text)!;
            var execution = await new RouteExecutor(router, runner).ExecuteAsync(request, parse.GetValue(dryRun), cancellationToken)
                .ConfigureAwait(false);
            if (execution.Report?.Tool is { } ran && execution.Decision.Target is { } target)
            {
                stats.AddRunFigures(target.Tool.Name, ran.Duration, execution.Outcome.TokensSaved);
            }

            if (parse.GetValue(json))
            {
                WriteJson(console.Out, execution);
            }
            else
            {
                WriteText(console, execution, runner.Options.Agent);
            }

            if (execution.Report is { } report && report.Final is null)
            {
                throw new OutloopException(
                    $"no tool answered \"{request}\" ({report.FallbackReason}) and no agent command is configured: "
                    + "pass --agent-command \"claude -p\" or set OUTLOOP_AGENT_COMMAND.");
            }

            return execution.Report?.Final?.ExitCode ?? (execution.Report is null ? 0 : (int)ExitCode.InternalError);
        });
        return command;
    }

    private static ToolHealthOptions HealthOptions(string project)
    {
        var config = ConfigLoader.Load(project);
        return new ToolHealthOptions
        {
            DisableBelowSuccess = config.Number("tool.disableBelowSuccess"),
            QuarantineFailureRate = config.Number("tool.quarantineFailureRate"),
        };
    }

    private static ToolRegistry LoadRegistry(string? path)
    {
        if (path is not null)
        {
            return ToolRegistryFile.Load(path);
        }

        // Without a registry every request goes to the agent; that is a valid setup, not an error.
        return File.Exists(ToolRegistryFile.DefaultPath) ? ToolRegistryFile.Load(ToolRegistryFile.DefaultPath) : ToolRegistry.Empty;
    }

    private static void WriteText(CliConsole console, RouteExecution execution, AgentCommand? agent)
    {
        var decision = execution.Decision;
        var output = console.Out;
        output.WriteLine(decision.Routed
            ? $"route: {decision.Target!.Name} (confidence {decision.Confidence})"
            : $"abstain: to the agent{(agent is null ? "" : $" ({agent})")} (confidence {decision.Confidence})");
        output.WriteLine($"why: {decision.Why}");
        if (execution.Outcome.ToolArgv.Count > 0)
        {
            output.WriteLine($"{(execution.Report is null ? "would run" : "ran")}: {FormatArgv(execution.Outcome.ToolArgv)}");
        }

        if (execution.Report is not { } report)
        {
            return;
        }

        if (report.Tool is { } tool)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tool: {tool.FailureReason ?? "succeeded"} in {tool.Duration.TotalSeconds:0.00}s"));
        }

        if (report.FallbackReason is not null)
        {
            output.WriteLine($"fallback: {report.FallbackReason}");
        }

        if (report.PatternChange is { } change)
        {
            output.WriteLine($"pattern {change.PatternId} is now {change.Status}: {change.Note}");
        }

        if (execution.Outcome.TokensSaved > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tokens saved: ~{execution.Outcome.TokensSaved:N0}"));
        }

        if (report.Final is { } final)
        {
            output.WriteLine();
            output.Write(final.Stdout);
            console.Error.Write(final.Stderr);
        }
    }

    private static string FormatArgv(IEnumerable<string> argv) =>
        string.Join(' ', argv.Select(a => a.Length > 0 && a.All(c => char.IsLetterOrDigit(c) || "-_./=:@".Contains(c, StringComparison.Ordinal))
            ? a
            : "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));

    /// <summary>
    /// <c>{"decision": {"target", "kind", "tool", "confidence", "routed", "why", "arguments"}, "outcome": {...}}</c>;
    /// the outcome has the fields of <see cref="RouteOutcome"/> in camelCase, durations in milliseconds.
    /// </summary>
    internal static void WriteJson(TextWriter output, RouteExecution execution)
    {
        var decision = execution.Decision;
        var outcome = execution.Outcome;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartObject("decision");
            w.WriteString("target", decision.Best?.Name);
            w.WriteString("kind", decision.Best?.Kind.ToString().ToLowerInvariant());
            w.WriteString("tool", decision.Best?.Tool.Name);
            w.WriteNumber("confidence", decision.Confidence);
            w.WriteBoolean("routed", decision.Routed);
            w.WriteString("why", decision.Why);
            w.WriteStartObject("arguments");
            foreach (var (name, value) in decision.Arguments.Values)
            {
                w.WriteString(name, value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("outcome");
            w.WriteString("at", outcome.At.ToString("O", CultureInfo.InvariantCulture));
            w.WriteBoolean("dryRun", outcome.DryRun);
            w.WriteStartArray("toolArgv");
            foreach (var item in outcome.ToolArgv)
            {
                w.WriteStringValue(item);
            }

            w.WriteEndArray();
            WriteNullable(w, "toolExitCode", outcome.ToolExitCode);
            WriteNullable(w, "toolDurationMs", outcome.ToolDuration?.TotalMilliseconds);
            w.WriteBoolean("toolTimedOut", outcome.ToolTimedOut);
            w.WriteBoolean("toolSucceeded", outcome.ToolSucceeded);
            w.WriteString("fallbackReason", outcome.FallbackReason);
            w.WriteBoolean("agentRan", outcome.AgentRan);
            WriteNullable(w, "agentExitCode", outcome.AgentExitCode);
            WriteNullable(w, "agentDurationMs", outcome.AgentDuration?.TotalMilliseconds);
            w.WriteNumber("tokensSaved", outcome.TokensSaved);
            w.WriteString("stdout", execution.Report?.Final?.Stdout);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Math.Round(v, 1));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
