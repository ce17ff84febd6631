using Outloop.Ingestion;
namespace Outloop.Patterns.Signatures;

/// <summary>
/// Classifies a whole shell command line. Each simple command is unwrapped and looked up in the runner table;
/// the line's signature is the most telling of them: test &gt; build &gt; lint &gt; format &gt; deps &gt; vcs &gt;
/// run &gt; web &gt; file writes &gt; searches &gt; file reads &gt; listings &gt; other, with set-up commands
/// (<c>cd</c>, <c>echo</c>, <c>export</c>) and filters after a pipe (<c>| tail -5</c>, <c>| grep x</c>) ranking last.
/// On a tie the later command wins (<c>git add x &amp;&amp; git commit</c> is a commit). Commands inside
/// <c>$( ... )</c> never decide. The paths of every command are reported.
/// </summary>
internal static class ShellOperationClassifier
{
    private const int MaxNestedShells = 3;

    public static OperationSignature Classify(string command, PathScope scope) => Classify(command, scope, null, 0);

    private static OperationSignature Classify(string command, PathScope scope, string? baseFolder, int depth)
    {
        var commands = ShellCommandParser.Parse(command);
        CommandOperation? best = null;
        var bestRank = int.MinValue;
        List<string>? paths = null;
        foreach (var simple in commands)
        {
            if (simple.InSubstitution)
            {
                continue;
            }

            var (operation, rank) = ClassifySimple(simple, scope, baseFolder, depth);
            foreach (var path in operation.Paths)
            {
                paths ??= [];
                if (!paths.Contains(path))
                {
                    paths.Add(path);
                }
            }

            if (rank >= bestRank)
            {
                best = operation;
                bestRank = rank;
            }
        }

        var normalized = CommandNormalizer.Normalize(commands);
        if (best is null)
        {
            return new OperationSignature(OperationCategory.Other, "shell", SignatureTargets.All, normalized, [], null);
        }

        return new OperationSignature(best.Category, best.Subcategory, best.Target, normalized, (IReadOnlyList<string>?)paths ?? [], best.Access)
        {
            StartsApp = best.StartsApp,
        };
    }

    private static (CommandOperation Operation, int Rank) ClassifySimple(SimpleCommand command, PathScope scope, string? baseFolder, int depth)
    {
        var folder = command.WorkingFolder is null ? baseFolder : baseFolder is null ? command.WorkingFolder : RunnerTable.CombineFolder(baseFolder, command.WorkingFolder);
        if (command.Argv.Count == 0)
        {
            var bare = new CommandSite(scope, command, folder);
            foreach (var redirection in command.Redirections)
            {
                if (redirection.WritesFile)
                {
                    var op = bare.Op(OperationCategory.File, "write", bare.FileTarget([redirection.Target], false), FileAccessKind.Write);
                    return (op, Rank(op, false));
                }
            }

            return (bare.Op(OperationCategory.Other, "assign", SignatureTargets.All), 0);
        }

        var unwrapped = CommandUnwrapper.Unwrap(command.Argv);
        if (unwrapped.Folder is not null)
        {
            folder = RunnerTable.CombineFolder(folder, unwrapped.Folder);
        }

        if (unwrapped.NestedScript is not null && depth < MaxNestedShells)
        {
            var nested = Classify(unwrapped.NestedScript, scope, folder, depth + 1);
            var op = new CommandOperation(nested.Category, nested.Subcategory, nested.Target, nested.Access, nested.Paths) { StartsApp = nested.StartsApp };
            return (op, Rank(op, false));
        }

        var site = new CommandSite(scope, command, folder);
        var operation = RunnerTable.Classify(unwrapped, site);
        var filter = site.PipedInto && IsFilter(unwrapped.Program, operation);
        return (operation, Rank(operation, filter));
    }

    /// <summary>How telling an operation is when several commands share one line.</summary>
    internal static int Rank(CommandOperation operation, bool pipeFilter)
    {
        if (pipeFilter)
        {
            return 1;
        }

        if (operation.Category == OperationCategory.Other && IsSetUp(operation.Subcategory))
        {
            return 0;
        }

        if (operation.Category == OperationCategory.File)
        {
            return operation.Access switch
            {
                FileAccessKind.Write => 30,
                FileAccessKind.Read => 15,
                _ => 12,
            };
        }

        return CategoryRank(operation.Category);
    }

    internal static int CategoryRank(string category) => category switch
    {
        OperationCategory.Test => 100,
        OperationCategory.Build => 90,
        OperationCategory.Lint => 80,
        OperationCategory.Format => 70,
        OperationCategory.Deps => 60,
        OperationCategory.Vcs => 50,
        OperationCategory.Run => 40,
        OperationCategory.Web or OperationCategory.Mcp or OperationCategory.Agent => 35,
        OperationCategory.File => 30,
        OperationCategory.Search => 20,
        _ => 10,
    };

    private static bool IsSetUp(string program) => program is "cd" or "pushd" or "popd" or "echo" or "printf" or "true"
        or "false" or ":" or "sleep" or "export" or "unset" or "set" or "source" or "." or "alias" or "pwd" or "clear"
        or "exit" or "wait" or "read" or "test" or "[" or "[[" or "command" or "hash" or "shopt" or "trap" or "ulimit"
        or "umask" or "local" or "declare" or "return" or "break" or "continue" or "eval" or "let" or "which" or "type"
        or "assign" or "date";

    private static bool IsFilter(string program, CommandOperation operation) =>
        operation.Paths.Count == 0 && program is "grep" or "rg" or "ag" or "ack" or "head" or "tail" or "sort" or "uniq"
            or "wc" or "cut" or "awk" or "gawk" or "sed" or "tr" or "jq" or "yq" or "less" or "more" or "cat" or "column"
            or "nl" or "fold" or "fmt" or "paste" or "rev" or "base64" or "xargs" or "tac" or "bat" or "python"
            or "node" or "perl" or "ruby" or "sh" or "bash" or "tee" or "md5sum" or "sha256sum" or "xxd" or "od";
}
