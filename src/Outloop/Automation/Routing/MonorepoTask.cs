using Outloop.Patterns.Signatures;

namespace Outloop.Automation.Routing;

/// <summary>
/// Reads the task a monorepo task runner is asked to run (<c>nx serve storefront</c>, <c>bazel run //:format</c>,
/// <c>turbo run build --filter=api</c>, <c>yarn workspace web dev</c>, <c>task test</c>), so a request names the
/// operation of the task, not the runner. A task named like an operation (test, lint, format/fmt, build, typecheck,
/// serve/dev/start, migrate) is that operation; for a label, its last segment counts (<c>api:serve</c> serves). A task
/// with any other name, or a runner's own command (<c>nx release</c>, <c>turbo prune</c>, <c>bazel clean</c>), is no
/// routable operation. The pattern engine keeps its own reading of these commands; only the router reads them so.
/// </summary>
internal static class MonorepoTask
{
    private const string NotRoutable = OperationCategory.Other;

    // Options of the runners that take a value ("--filter web", "-t lint", "-d services/api").
    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal)
    {
        "-t", "--target", "--targets", "-p", "--projects", "--project", "--filter", "-F", "--scope", "--ignore", "-c", "--configuration",
        "--base", "--head", "--parallel", "--exclude", "--concurrency", "-d", "--dir", "-x", "--taskfile", "-w", "--workspace",
        "--to", "--from", "--only", "--config", "-C", "--cwd",
    };

    // Segments that make a task no routable operation whatever else it names ("db:migrate:rollback", "build-and-deploy").
    private static readonly HashSet<string> Vetoes = new(StringComparer.Ordinal)
    {
        "deploy", "publish", "release", "push", "rollback", "reset", "down", "drop", "undo", "revert", "clean", "purge", "destroy",
        "create", "new", "make", "generate", "gen", "seed", "prune", "rm", "remove", "delete", "status", "fresh", "refresh",
    };

    // Commands of the package managers themselves, not scripts of a workspace.
    private static readonly HashSet<string> PackageManagerVerbs = new(StringComparer.Ordinal)
    {
        "install", "i", "ci", "add", "remove", "rm", "uninstall", "publish", "deploy", "pack", "version", "link", "unlink", "exec", "dlx",
        "why", "list", "ls", "outdated", "audit", "info", "init", "create", "dedupe", "prune", "rebuild", "config", "cache", "bin",
    };

    private static readonly HashSet<string> DepsUpdates = new(StringComparer.Ordinal) { "update", "upgrade", "up", "upgrade-interactive" };

    private static readonly HashSet<string> NxCommands = new(StringComparer.Ordinal)
    {
        "release", "graph", "dep-graph", "reset", "g", "generate", "migrate", "show", "list", "init", "add", "repair", "report", "daemon",
        "watch", "exec", "connect", "connect-to-nx-cloud", "view-logs", "sync", "import", "login", "logout", "print-affected", "help",
    };

    private static readonly HashSet<string> TurboCommands = new(StringComparer.Ordinal)
    {
        "prune", "login", "logout", "link", "unlink", "gen", "generate", "daemon", "ls", "query", "info", "telemetry", "scan", "boundaries", "bin", "devtools",
    };

    /// <summary>
    /// The operation of the task <paramref name="words"/> (a command line split on spaces, program first) runs; a
    /// signature of category <see cref="OperationCategory.Other"/> when it is a runner's task that names no routable
    /// operation; null when the words are no monorepo task runner's invocation this reader knows.
    /// </summary>
    public static OperationSignature? Read(IReadOnlyList<string> words)
    {
        var args = words.Select(static w => w.TrimEnd(',', ';', '?', '!', '.')).Where(static w => w.Length > 0).ToList();
        if (args.Count == 0)
        {
            return null;
        }

        // "npx nx test api", "pnpm exec turbo run build", "yarn nx serve web": the runner through the package manager.
        var at = 0;
        if (args[0] is "npx" or "pnpx" or "bunx" || (args[0] is "pnpm" or "yarn" or "bun" && args.Count > 1 && args[1] is "exec" or "dlx"))
        {
            at = args[0] is "npx" or "pnpx" or "bunx" ? 1 : 2;
        }
        else if (args[0] is "pnpm" or "yarn" or "bun" or "npm" && args.Count > 1 && IsRunner(args[1]))
        {
            at = 1;
        }

        if (at >= args.Count)
        {
            return null;
        }

        var program = args[at];
        var rest = args.Skip(at + 1).ToList();
        var positionals = Positionals(rest);
        var first = positionals.FirstOrDefault();
        var (category, target) = program switch
        {
            "nx" => Nx(positionals, rest),
            "turbo" => first is null ? (null, null) : first == "run" || first == "watch" ? Task(positionals.ElementAtOrDefault(1)) : TurboCommands.Contains(first) ? Refused(first) : Task(first),
            "lerna" => first is null ? (null, null) : first == "run" ? Task(positionals.ElementAtOrDefault(1)) : Refused(first),
            "moon" => first is null ? (null, null) : first == "run" ? Task(Label(positionals.ElementAtOrDefault(1))) : first.Contains(':') ? Task(Label(first)) : Refused(first),
            "rush" => first switch
            {
                null => (null, null),
                "update" => (OperationCategory.Deps, "update"),
                "install" or "publish" or "purge" or "version" or "change" or "add" or "remove" or "init" or "deploy" or "list" or "check" or "scan" or "link" or "unlink" => Refused(first),
                _ => Task(first),
            },
            "rushx" or "task" or "mage" => first is null ? Refused(program) : Task(first),
            "bazel" or "bazelisk" or "ibazel" or "buck" or "buck2" => first switch
            {
                null => (null, null),
                "build" => (OperationCategory.Build, program),
                "test" or "coverage" => (OperationCategory.Test, program),
                "run" => Task(Label(positionals.ElementAtOrDefault(1))),
                _ => Refused(first),
            },
            "pants" => first switch
            {
                null => (null, null),
                "test" => (OperationCategory.Test, program),
                "lint" => (OperationCategory.Lint, program),
                "fmt" or "fix" => (OperationCategory.Format, program),
                "check" or "package" => (OperationCategory.Build, program),
                "run" => Task(Label(positionals.ElementAtOrDefault(1))),
                _ => Refused(first),
            },
            "earthly" => positionals.FirstOrDefault(static p => p.Contains('+')) is { } earthTarget ? Task(earthTarget[(earthTarget.LastIndexOf('+') + 1)..]) : (null, null),
            "yarn" or "pnpm" or "npm" => Workspace(program, positionals, rest),
            _ => (null, null),
        };

        if (category is null)
        {
            return null;
        }

        var label = program is "bazelisk" ? "bazel" : program;
        return new OperationSignature(category, label, target ?? SignatureTargets.All, string.Join(' ', args), [], null);
    }

    private static bool IsRunner(string word) => word is "nx" or "turbo" or "lerna" or "moon" or "rush" or "rushx";

    private static (string? Category, string? Target) Nx(List<string> positionals, List<string> rest)
    {
        var targetOption = OptionValue(rest, "-t", "--target", "--targets")?.Split(',')[0];
        var first = positionals.FirstOrDefault();
        return first switch
        {
            null => (null, null),
            "run-many" or "affected" => Task(targetOption ?? positionals.ElementAtOrDefault(1)),
            "run" => Task(Label(positionals.ElementAtOrDefault(1), configured: true)),
            "format:write" or "format" => (OperationCategory.Format, "nx"),
            "format:check" => (OperationCategory.Lint, "nx"),
            _ when first.StartsWith("affected:", StringComparison.Ordinal) => Task(first["affected:".Length..]),
            _ when NxCommands.Contains(first) => Refused(first),
            _ when first.Contains(':') => Task(Label(first, configured: true)),
            _ => Task(first),
        };
    }

    /// <summary>A package manager running a script in workspaces: <c>yarn workspace web dev</c>, <c>pnpm --filter api test</c>, <c>npm -w app run build</c>.</summary>
    private static (string? Category, string? Target) Workspace(string program, List<string> positionals, List<string> rest)
    {
        string? verb;
        List<string> after;
        if (program == "yarn" && positionals.FirstOrDefault() == "workspace" && positionals.Count >= 3)
        {
            verb = positionals[2];
            after = positionals.Skip(3).ToList();
        }
        else if (program == "yarn" && positionals.FirstOrDefault() == "workspaces" && positionals.ElementAtOrDefault(1) == "foreach")
        {
            verb = positionals.ElementAtOrDefault(2);
            after = positionals.Skip(3).ToList();
        }
        else if (rest.Any(static a => a is "--filter" or "-F" or "-r" or "--recursive" or "-w" or "--workspace" or "--workspaces" or "-ws"
            || a.StartsWith("--filter=", StringComparison.Ordinal) || a.StartsWith("--workspace=", StringComparison.Ordinal)))
        {
            verb = positionals.FirstOrDefault();
            after = positionals.Skip(1).ToList();
        }
        else
        {
            return (null, null);
        }

        if (verb is "run" or "run-script")
        {
            verb = after.FirstOrDefault();
        }

        return verb switch
        {
            null => (null, null),
            _ when DepsUpdates.Contains(verb) => (OperationCategory.Deps, "update"),
            _ when PackageManagerVerbs.Contains(verb) => Refused(verb),
            _ => Task(verb),
        };
    }

    /// <summary>The task of a label: its last segment (<c>//services/db:migrate</c> → migrate, <c>api:serve:production</c> → serve).</summary>
    private static string? Label(string? label, bool configured = false)
    {
        if (label is null)
        {
            return null;
        }

        var parts = label.Split(':');
        if (parts.Length == 1)
        {
            return label.TrimEnd('/').Split('/')[^1];
        }

        // nx's "project:target:configuration": the target is the second part.
        return configured && parts.Length >= 3 ? parts[1] : parts[^1];
    }

    private static (string? Category, string? Target) Refused(string name) => (NotRoutable, name);

    /// <summary>The operation a task's name names, or no routable one.</summary>
    internal static (string? Category, string? Target) Task(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return (null, null);
        }

        var lower = name.ToLowerInvariant();
        var hash = lower.LastIndexOf('#');
        if (hash >= 0)
        {
            lower = lower[(hash + 1)..];
        }

        var segments = lower.Split([':', '.', '-', '_', '/', '+'], StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments.Any(Vetoes.Contains))
        {
            return Refused(lower);
        }

        var joined = string.Concat(segments);
        if (joined.Contains("typecheck", StringComparison.Ordinal) || joined.Contains("checktypes", StringComparison.Ordinal))
        {
            return (OperationCategory.Build, lower);
        }

        foreach (var segment in segments)
        {
            switch (segment)
            {
                case "test" or "tests" or "e2e" or "spec" or "specs" or "coverage":
                    return (OperationCategory.Test, lower);
                case "lint" or "eslint" or "stylelint" or "clippy" or "vet":
                    return (OperationCategory.Lint, lower);
                case "format" or "fmt" or "prettier":
                    return (segments.Any(static s => s is "check" or "verify" or "ci") ? OperationCategory.Lint : OperationCategory.Format, lower);
                case "build" or "rebuild" or "compile" or "bundle" or "tsc" or "types":
                    return (OperationCategory.Build, lower);
                case "serve" or "server" or "dev" or "devserver" or "start" or "develop" or "runserver":
                    return (OperationCategory.Run, RunnerTable.ServerTarget);
                case "migrate" or "migrations" or "migration":
                    return (OperationCategory.Run, RunnerTable.MigrateTarget);
            }
        }

        return Refused(lower);
    }

    private static List<string> Positionals(List<string> args)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                break;
            }

            if (a.Length > 1 && a[0] == '-')
            {
                if (!a.Contains('=') && ValueOptions.Contains(a))
                {
                    i++;
                }

                continue;
            }

            result.Add(a);
        }

        return result;
    }

    private static string? OptionValue(List<string> args, params string[] names)
    {
        for (var i = 0; i < args.Count; i++)
        {
            foreach (var name in names)
            {
                if (args[i] == name && i + 1 < args.Count)
                {
                    return args[i + 1];
                }

                if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
                {
                    return args[i][(name.Length + 1)..];
                }
            }
        }

        return null;
    }
}
