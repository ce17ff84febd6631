using Outloop.Ingestion;
using Outloop.Patterns.Signatures;

namespace Outloop.Patterns;

/// <summary>
/// Gives each call of a task its role in the work, from the calls around it (one task, in time order):
/// <list type="bullet">
/// <item><b>Scratch file</b>: a file the task created (first touched by a write) and later ran or deleted, such as a
/// <c>reproduce_issue.py</c>.</item>
/// <item><b>Source edit</b> (<see cref="AnalyzedCall.EditsSource"/>): a call that did not fail and wrote or edited any
/// other file (also through a redirection or <c>sed -i</c> inside a line classified as something else), changed one through
/// version control (<c>git checkout -- f</c>, <c>git apply</c>), or ran code that rewrites files (<c>python fix.py</c> after <c>cat &lt;&lt;EOF &gt; fix.py</c>
/// with <c>open(f).read()</c> and <c>open(f, 'w')</c>, or <c>python -c</c> doing the same): agents that only have a
/// shell edit that way.</item>
/// <item><b>Reproduction</b> (<see cref="AnalyzedCall.Reproduces"/>): a run or test run of scratch files only, before
/// the first source edit. Its failure is what the agent wanted to see, so it is not a failure.</item>
/// <item><b>Verification</b> (<see cref="AnalyzedCall.Verifies"/>): a test, build or lint run that is neither a
/// reproduction nor an editing script, or a scratch script re-run after a source edit.</item>
/// </list>
/// </summary>
internal static class CallRoles
{
    /// <summary>Returns <paramref name="calls"/> (any tasks, in the engine's order) with roles set, in the same order.</summary>
    public static List<AnalyzedCall> Assign(IReadOnlyList<AnalyzedCall> calls)
    {
        var result = calls.ToList();
        var byTask = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < result.Count; i++)
        {
            if (!byTask.TryGetValue(result[i].TaskId, out var indexes))
            {
                byTask[result[i].TaskId] = indexes = [];
            }

            indexes.Add(i);
        }

        foreach (var indexes in byTask.Values)
        {
            var assigned = AssignTask(indexes.Select(i => result[i]).ToList());
            for (var k = 0; k < indexes.Count; k++)
            {
                result[indexes[k]] = assigned[k];
            }
        }

        return result;
    }

    /// <summary>Roles for the calls of one task, in order.</summary>
    public static List<AnalyzedCall> AssignTask(IReadOnlyList<AnalyzedCall> calls)
    {
        var (scratch, editors) = ScratchFiles(calls);
        var result = new List<AnalyzedCall>(calls.Count);
        var edited = false;
        foreach (var call in calls)
        {
            var op = call.Operation;
            var runs = op.Category is OperationCategory.Run or OperationCategory.Test;
            var written = call.Written.Select(Key).ToHashSet(StringComparer.Ordinal);
            var paths = op.Paths.Select(Key).Concat(written).Distinct(StringComparer.Ordinal).ToList();
            var ran = op.Paths.Select(Key).Where(p => !written.Contains(p) || scratch.Contains(p)).ToList();
            var editorRun = runs && (call.CodeWrites || ran.Any(editors.Contains));
            var editsSource = call.Success != false
                && (editorRun
                    || (call.IsWrite && (paths.Count == 0 || paths.Any(p => !scratch.Contains(p))))
                    || written.Any(p => !scratch.Contains(p))
                    || (op.Category == OperationCategory.Vcs && op.Access == FileAccessKind.Write && paths.Any(p => !scratch.Contains(p))));

            // A line that edits and then runs (sed -i x && python repro.py) checks its own edit.
            edited |= editsSource;
            var scratchRun = runs && !editorRun && ran.Count > 0 && ran.All(scratch.Contains);
            var reproduces = scratchRun && !edited;
            var verifies = !editorRun && ((op.IsVerification && !reproduces) || (scratchRun && edited));
            var role = call with { EditsSource = editsSource, Verifies = verifies, Reproduces = reproduces };
            if (reproduces && call.Failed)
            {
                role = role with { Failed = false, FailureLine = null, FailureSource = null };
            }

            result.Add(role);
        }

        return result;
    }

    /// <summary>True when <paramref name="path"/> looks like a test file or lies in a test folder.</summary>
    public static bool IsTestPath(string path)
    {
        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return false;
        }

        var name = segments[^1];
        var stem = name.Contains('.') ? name[..name.LastIndexOf('.')] : name;
        return segments[..^1].Any(SignatureTargets.IsTestRoot)
            || stem.StartsWith("test_", StringComparison.Ordinal) || stem.EndsWith("_test", StringComparison.Ordinal)
            || stem.EndsWith("_tests", StringComparison.Ordinal) || stem.EndsWith(".test", StringComparison.Ordinal)
            || stem.EndsWith(".spec", StringComparison.Ordinal) || stem.EndsWith("Tests", StringComparison.Ordinal);
    }

    /// <summary>Files the task created and later ran or deleted, and those of them whose code rewrites files.</summary>
    private static (HashSet<string> Scratch, HashSet<string> Editors) ScratchFiles(IReadOnlyList<AnalyzedCall> calls)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var created = new HashSet<string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var editors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            var op = call.Operation;
            var writes = call.Created.Select(Key).ToList();
            if (op.Category == OperationCategory.File && op.Subcategory == "write")
            {
                writes.AddRange(op.Paths.Select(Key));
            }

            foreach (var path in writes.Where(p => !touched.Contains(p)))
            {
                created.Add(path);
                if (call.CodeWrites)
                {
                    editors.Add(path);
                }
            }

            if (op.Category is OperationCategory.Run or OperationCategory.Test
                || (op.Category == OperationCategory.File && op.Subcategory == "delete"))
            {
                used.UnionWith(op.Paths.Select(Key));
            }

            touched.UnionWith(writes);
            touched.UnionWith(call.Written.Select(Key));
            touched.UnionWith(op.Paths.Select(Key));
        }

        created.IntersectWith(used);
        editors.IntersectWith(created);
        return (created, editors);
    }

    /// <summary>One spelling per file: without a leading <c>./</c>, nor SWE-bench's <c>/testbed/</c> work folder (its runs record no folder to be relative to).</summary>
    private static string Key(string path)
    {
        var key = path.Replace('\\', '/');
        while (key.StartsWith("./", StringComparison.Ordinal))
        {
            key = key[2..];
        }

        return key.StartsWith("/testbed/", StringComparison.Ordinal) ? key["/testbed/".Length..] : key;
    }
}
