using Outloop.Ingestion;
namespace Outloop.Patterns.Signatures;

/// <summary>
/// Where a simple command runs (project scope, folder after <c>cd</c>, pipe position) and the paths it named so far;
/// the runner table asks it for targets and builds operations through it.
/// </summary>
internal sealed class CommandSite(PathScope scope, SimpleCommand command, string? folder)
{
    private List<string>? _paths;

    public SimpleCommand Command => command;

    /// <summary>The folder the command runs in, as the shell wrote it (null: the agent's folder).</summary>
    public string? Folder { get; set; } = folder;

    /// <summary>True when the command reads the previous command's output through a pipe.</summary>
    public bool PipedInto => command.PrecededBy == ShellOperator.Pipe;

    public IReadOnlyList<string> Paths => (IReadOnlyList<string>?)_paths ?? [];

    /// <summary>Records a path the command touches without using it for the target.</summary>
    public void Touch(string path)
    {
        if (path.Length == 0 || path.StartsWith('-') || path.StartsWith("$(", StringComparison.Ordinal))
        {
            return;
        }

        AddPath(scope.Locate(path, Folder).Display);
    }

    /// <summary>Target of a runner from its scope arguments (files, folders, or dotted labels when <paramref name="labels"/>).</summary>
    public string ScopeTarget(IEnumerable<string> arguments, bool labels = false)
    {
        List<string>? targets = null;
        foreach (var argument in arguments)
        {
            if (!IsPathCandidate(argument))
            {
                continue;
            }

            var path = argument;
            if (labels && !path.Contains('/') && path.Contains('.') && !SignatureTargets.LooksLikeFile(PathScope.StripLocationSuffix(path)))
            {
                path = path[..path.IndexOf('.')];
                (targets ??= []).Add(SignatureTargets.Clean(path));
                continue;
            }

            var (relative, display) = scope.Locate(SignatureTargets.BeforeGlob(path), Folder);
            AddPath(display);
            (targets ??= []).Add(SignatureTargets.Scope(relative));
        }

        return targets is null ? FolderTarget() : SignatureTargets.Combine(targets);
    }

    /// <summary>Target of a file operation or search; <paramref name="folders"/> says whether the arguments are folders (null: guess from the name).</summary>
    public string FileTarget(IEnumerable<string> arguments, bool? folders)
    {
        List<string>? targets = null;
        foreach (var argument in arguments)
        {
            if (!IsPathCandidate(argument))
            {
                continue;
            }

            var cut = SignatureTargets.BeforeGlob(argument);
            var (relative, display) = scope.Locate(cut, Folder);
            AddPath(display);
            var lastSlash = relative.LastIndexOf('/');
            var isFolder = (object)cut != argument || (folders ?? !SignatureTargets.LooksLikeFile(lastSlash < 0 ? relative : relative[(lastSlash + 1)..]));
            (targets ??= []).Add(SignatureTargets.File(relative, isFolder));
        }

        return targets is null ? FolderTarget() : SignatureTargets.Combine(targets);
    }

    /// <summary>The target of the folder the command runs in: <c>all</c> at the root or when unknown.</summary>
    public string FolderTarget()
    {
        if (Folder is null)
        {
            return SignatureTargets.All;
        }

        var relative = scope.RelativeFolder(Folder);
        return string.IsNullOrEmpty(relative) ? SignatureTargets.All : SignatureTargets.Scope(relative);
    }

    public CommandOperation Op(string category, string subcategory, string target, FileAccessKind? access = null)
    {
        if (category == OperationCategory.Test && SignatureTargets.IsTestRoot(target))
        {
            // A test run scoped to the conventional test folder is a run of the project's suite.
            target = SignatureTargets.All;
        }

        return new(category, SignatureTargets.Clean(subcategory.ToLowerInvariant()), SignatureTargets.Clean(target), access, Paths);
    }

    private void AddPath(string display)
    {
        _paths ??= new List<string>(2);
        if (!_paths.Contains(display))
        {
            _paths.Add(display);
        }
    }

    private static bool IsPathCandidate(string argument) =>
        argument.Length > 0 && argument[0] != '-' && !argument.StartsWith("$(", StringComparison.Ordinal)
        && !argument.Contains("://", StringComparison.Ordinal) && !IsNumber(argument);

    private static bool IsNumber(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c) && c != '.')
            {
                return false;
            }
        }

        return true;
    }
}
