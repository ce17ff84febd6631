using Outloop.Ingestion;
namespace Outloop.Patterns.Signatures;

/// <summary>
/// The table of known programs: for each, which category its invocation falls in (by verb, task or flags), which
/// runner names it, and which arguments give its scope. Unknown programs still get a stable signature:
/// <c>run:&lt;script&gt;:&lt;folder&gt;</c> for project scripts, <c>other:&lt;program&gt;:&lt;subcommand|all&gt;</c> otherwise.
/// This file holds the dispatch and the shell, file, search, version-control and web tools; the language
/// ecosystems are in the other parts of this partial class.
/// </summary>
internal static partial class RunnerTable
{
    private const string Test = OperationCategory.Test;
    private const string Build = OperationCategory.Build;
    private const string Lint = OperationCategory.Lint;
    private const string Format = OperationCategory.Format;
    private const string Vcs = OperationCategory.Vcs;
    private const string Deps = OperationCategory.Deps;
    private const string Run = OperationCategory.Run;
    private const string Search = OperationCategory.Search;
    private const string FileOp = OperationCategory.File;
    private const string Web = OperationCategory.Web;
    private const string Other = OperationCategory.Other;
    private const string All = SignatureTargets.All;

    public static CommandOperation Classify(UnwrappedCommand command, CommandSite site)
    {
        var args = command.Args;
        var program = command.Program;
        if (program is "test" or "[" && IsProjectScript(command.RawProgram))
        {
            return LocalScript(command.RawProgram, args, site);
        }

        var operation = program switch
        {
            // Shell built-ins and trivia.
            "cd" or "pushd" or "popd" or "true" or "false" or ":" or "sleep" or "export" or "unset" or "set" or "source"
                or "." or "alias" or "pwd" or "which" or "type" or "clear" or "exit" or "wait" or "read" or "test" or "["
                or "[[" or "command" or "hash" or "shopt" or "trap" or "ulimit" or "umask" or "local" or "declare"
                or "return" or "break" or "continue" or "eval" or "let" or "whereis" or "history" or "reset" => site.Op(Other, program, All),
            "echo" or "printf" => Echo(program, site),

            // Debuggers and tracers run a program under inspection ("dlv test ./pkg"): no test run, build or server.
            "dlv" or "gdb" or "lldb" or "pdb" or "ipdb" or "valgrind" or "strace" or "ltrace" or "rr" => site.Op(Run, program, All),
            "date" or "whoami" or "uname" or "hostname" or "id" or "df" or "free" or "ps" or "top" or "htop" or "kill"
                or "pkill" or "killall" or "lsof" or "nproc" or "uptime" or "printenv" or "env" or "groups" or "tty"
                or "locale" or "ulimits" or "netstat" or "ss" or "ping" or "lscpu" or "sw_vers" or "systemctl" or "journalctl" or "service" => site.Op(Other, program, All),

            // Viewers and file operations.
            "cat" or "bat" or "batcat" => Cat(program, args, site),
            "less" or "more" or "nl" or "wc" or "xxd" or "od" or "hexdump" or "file" or "stat" or "md5sum" or "sha256sum"
                or "sha1sum" or "shasum" or "strings" or "readlink" or "realpath" or "cmp" or "diff" or "colordiff"
                or "basename" or "dirname" or "iconv" or "dos2unix" or "base64" => Viewer(program, args, site),
            "head" or "tail" => HeadTail(program, args, site),
            "sed" => Sed(args, site),
            "awk" or "gawk" or "mawk" => Awk(program, args, site),
            "perl" => Perl(args, site),
            "jq" or "yq" => Jq(program, args, site),
            "sort" or "uniq" or "cut" or "tr" or "column" or "paste" or "fold" or "fmt" or "rev" or "tac" or "comm" or "join" or "expand" => Filter(program, args, site),
            "tee" => Files(FileOp, "write", args, site, FileAccessKind.Write, static a => a is "-p"),
            "touch" or "truncate" => Files(FileOp, "write", args, site, FileAccessKind.Write, static a => a is "-s" or "--size" or "-d" or "-t" or "-r"),
            "mkdir" => Files(FileOp, "mkdir", args, site, FileAccessKind.Write, static a => a is "-m", folders: true),
            "rm" or "rmdir" or "unlink" or "shred" or "trash" => Files(FileOp, "delete", args, site, FileAccessKind.Write, static _ => false),
            "mv" or "rename" => Files(FileOp, "move", args, site, FileAccessKind.Write, static a => a is "-t" or "-S" or "--target-directory"),
            "cp" or "rsync" or "install" or "scp" => Files(FileOp, "copy", args, site, FileAccessKind.Write, static a => a is "-t" or "-S" or "-m" or "-o" or "-g" or "-e" or "--target-directory" or "--exclude" or "--include"),
            "ln" => Files(FileOp, "link", args, site, FileAccessKind.Write, static a => a is "-t" or "-S"),
            "chmod" or "chown" or "chgrp" or "chattr" => Chmod(program, args, site),
            "tar" or "zip" or "unzip" or "gzip" or "gunzip" or "bzip2" or "xz" or "7z" or "zcat" => Files(FileOp, "archive", args, site, FileAccessKind.Write, static a => a is "-C" or "-f" or "-d" or "--directory" or "-x" or "--exclude"),
            "patch" => Files(FileOp, "edit", args, site, FileAccessKind.Write, static a => a is "-p" or "-i" or "-d" or "--input" or "--directory" or "-o"),
            "ed" or "ex" or "vi" or "vim" or "nvim" or "nano" or "emacs" or "code" or "subl" => Files(FileOp, "edit", args, site, FileAccessKind.Write, static a => a is "-c" or "-s" or "+"),
            "dd" => site.Op(FileOp, "write", All, FileAccessKind.Write),
            "apply_patch" or "applypatch" => ApplyPatch(args, site),

            // Search and listing.
            "grep" or "rg" or "ag" or "ack" or "ack-grep" or "ripgrep" or "pt" or "ugrep" or "zgrep" => Grep(program, args, site),
            "find" or "gfind" => Find(args, site),
            "fd" or "fdfind" => Fd(args, site),
            "locate" or "mlocate" or "plocate" => site.Op(Search, program, All, FileAccessKind.Search),
            "ls" or "tree" or "exa" or "eza" or "lsd" or "du" or "dir" or "ll" => List(args, site),

            // Version control.
            "git" => Git(args, site),
            "gh" or "glab" or "hub" => Forge(program, args, site),
            "hg" or "svn" or "jj" or "sl" or "fossil" or "bzr" => site.Op(Vcs, program, FirstVerb(args) ?? All),
            "bd" or "beads" => site.Op(Other, "bd", FirstVerb(args) ?? All),

            // Web.
            "curl" or "wget" or "http" or "https" or "httpie" or "xh" or "aria2c" or "lynx" or "w3m" => Http(program, args, site),

            _ => null,
        };

        return operation
            ?? Ecosystem(command, site)
            ?? Unknown(command, site);
    }

    private static CommandOperation Unknown(UnwrappedCommand command, CommandSite site)
    {
        if (IsProjectScript(command.RawProgram))
        {
            return LocalScript(command.RawProgram, command.Args, site);
        }

        if (command.Program.Length == 0)
        {
            return site.Op(Other, "shell", All);
        }

        if (command.ViaPythonModule)
        {
            // "python -m build": PyPA's build front end makes the sdist and wheel.
            return command.Program == "build" ? site.Op(Build, "python", "build") : site.Op(Run, "python", command.Program);
        }

        return site.Op(Other, ProgramLabel(command.Program), FirstVerb(command.Args) ?? All);
    }

    /// <summary>A program written with a folder that is not a system folder: a script or binary of the project.</summary>
    internal static bool IsProjectScript(string raw) =>
        raw.Contains('/') && !raw.StartsWith("/usr/", StringComparison.Ordinal) && !raw.StartsWith("/bin/", StringComparison.Ordinal)
        && !raw.StartsWith("/sbin/", StringComparison.Ordinal) && !raw.StartsWith("/opt/homebrew/", StringComparison.Ordinal)
        && !raw.StartsWith("/nix/", StringComparison.Ordinal) && !raw.StartsWith("$(", StringComparison.Ordinal);

    /// <summary>A project script (<c>./run_tests.sh</c>, <c>bin/test</c>, <c>scripts/deploy.sh</c>): test-like names are tests.</summary>
    private static CommandOperation LocalScript(string raw, IReadOnlyList<string> args, CommandSite site)
    {
        var stem = StripExtension(UnwrapperName(raw)).ToLowerInvariant();
        if (stem is "runtests" or "run_tests" or "run-tests" or "runtest" or "test" or "tests")
        {
            return ScriptRun("script", raw, args, site);
        }

        if (IsTestScriptName(stem))
        {
            return site.Op(Test, "script", site.ScopeTarget([raw]));
        }

        if (stem is "lint" or "check" or "typecheck" or "type-check" or "format-check" || stem.StartsWith("lint", StringComparison.Ordinal))
        {
            return site.Op(stem.Contains("type", StringComparison.Ordinal) ? Build : Lint, stem, site.FolderTarget());
        }

        if (stem is "build" or "compile" || stem.StartsWith("build", StringComparison.Ordinal))
        {
            return site.Op(Build, stem, site.FolderTarget());
        }

        if (stem is "format" or "fmt")
        {
            return site.Op(Format, stem, site.FolderTarget());
        }

        // bin/dev, script/server, ./start-dev.sh: the project's own way to start its development server.
        if (stem is "dev" or "server" or "serve" or "start" or "runserver" or "start-dev" or "start_dev" or "dev-server" or "dev_server" or "run-dev" or "run_dev" or "start-server" or "start_server")
        {
            return site.Op(Run, stem, ServerTarget);
        }

        if (stem is "migrate" or "db-migrate" or "db_migrate" or "run-migrations" or "run_migrations")
        {
            return site.Op(Run, stem, MigrateTarget);
        }

        // Symfony's bin/console, run without "php".
        if (stem == "console" && FirstVerb(args) is "doctrine:migrations:migrate" or "d:m:m" or "server:run" or "server:start" && !MigratesBack(args))
        {
            return site.Op(Run, "symfony", FirstVerb(args)!.StartsWith("server", StringComparison.Ordinal) ? ServerTarget : MigrateTarget);
        }

        var slash = raw.LastIndexOf('/');
        var folder = slash < 0 ? "." : raw[..slash];
        var target = folder is "." or "" ? site.FolderTarget() : site.ScopeTarget([folder]);
        return site.Op(Run, ProgramLabel(stem), target);
    }

    internal static bool IsTestScriptName(string stem) =>
        stem is "test" or "tests" or "runtests" or "run_tests" or "run-tests" or "runtest" or "check_tests"
        || stem.StartsWith("test_", StringComparison.Ordinal) || stem.StartsWith("test-", StringComparison.Ordinal)
        || stem.StartsWith("run_test", StringComparison.Ordinal) || stem.StartsWith("run-test", StringComparison.Ordinal)
        || stem.EndsWith("_test", StringComparison.Ordinal) || stem.EndsWith("-test", StringComparison.Ordinal)
        || stem.EndsWith("_tests", StringComparison.Ordinal) || stem.EndsWith("_spec", StringComparison.Ordinal)
        || stem.EndsWith(".test", StringComparison.Ordinal) || stem.EndsWith(".spec", StringComparison.Ordinal);

    private static CommandOperation Echo(string program, CommandSite site)
    {
        var output = OutputFile(site);
        return output is null
            ? site.Op(Other, program, All)
            : site.Op(FileOp, "write", site.FileTarget([output], false), FileAccessKind.Write);
    }

    private static CommandOperation Cat(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var files = Positionals(args, 0, static _ => false);
        var output = OutputFile(site);
        if (output is not null)
        {
            foreach (var file in files)
            {
                site.Touch(file);
            }

            return site.Op(FileOp, "write", site.FileTarget([output], false), FileAccessKind.Write);
        }

        if (files.Count == 0)
        {
            return site.Op(Other, program, All);
        }

        return site.Op(FileOp, "read", site.FileTarget(files, false), FileAccessKind.Read);
    }

    private static CommandOperation Viewer(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var files = Positionals(args, 0, static a => a is "-U" or "--unified" or "-I" or "--ignore-matching-lines");
        if (files.Count == 0)
        {
            return site.Op(Other, program, All);
        }

        return site.Op(FileOp, "read", site.FileTarget(files, false), FileAccessKind.Read);
    }

    private static CommandOperation HeadTail(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var files = Positionals(args, 0, static a => a is "-n" or "-c" or "--lines" or "--bytes" or "-s" or "--pid");
        if (files.Count == 0)
        {
            return site.Op(Other, program, All);
        }

        return site.Op(FileOp, "read", site.FileTarget(files, false), FileAccessKind.Read);
    }

    private static CommandOperation Filter(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var files = Positionals(args, 0, static a => a is "-d" or "-f" or "-k" or "-t" or "-c" or "-b" or "-o" or "-s" or "-w");
        if (program == "tr" || files.Count == 0 || site.PipedInto)
        {
            return site.Op(Other, program, All);
        }

        return site.Op(FileOp, "read", site.FileTarget(files, false), FileAccessKind.Read);
    }

    private static CommandOperation Sed(IReadOnlyList<string> args, CommandSite site)
    {
        var inPlace = false;
        var hasScriptOption = false;
        var quiet = false;
        var positionals = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.StartsWith("-i", StringComparison.Ordinal) || a.StartsWith("--in-place", StringComparison.Ordinal))
            {
                inPlace = true;
                if (a == "-i" && i + 1 < args.Count && args[i + 1] == "''")
                {
                    i++;
                }

                continue;
            }

            if (a is "-e" or "-f" or "--expression" or "--file")
            {
                hasScriptOption = true;
                i++;
                continue;
            }

            if (a is "-n" or "--quiet" or "--silent")
            {
                quiet = true;
                continue;
            }

            if (a.Length > 1 && a[0] == '-')
            {
                if (a.Contains('i') && a[1] != '-')
                {
                    inPlace = true;
                }

                if (a.Contains('n') && a[1] != '-')
                {
                    quiet = true;
                }

                continue;
            }

            positionals.Add(a);
        }

        var files = hasScriptOption ? positionals : positionals.Skip(1).ToList();
        if (inPlace)
        {
            return site.Op(FileOp, "edit", site.FileTarget(files, false), FileAccessKind.Write);
        }

        var output = OutputFile(site);
        if (output is not null && files.Count > 0)
        {
            foreach (var file in files)
            {
                site.Touch(file);
            }

            return site.Op(FileOp, "write", site.FileTarget([output], false), FileAccessKind.Write);
        }

        if (files.Count == 0)
        {
            return site.Op(Other, "sed", All);
        }

        _ = quiet;
        return site.Op(FileOp, "read", site.FileTarget(files, false), FileAccessKind.Read);
    }

    private static CommandOperation Awk(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var positionals = Positionals(args, 0, static a => a is "-F" or "-v" or "-f");
        var files = positionals.Skip(1).Where(static p => !p.Contains('=')).ToList();
        if (files.Count == 0)
        {
            return site.Op(Other, program, All);
        }

        return args.Contains("inplace")
            ? site.Op(FileOp, "edit", site.FileTarget(files, false), FileAccessKind.Write)
            : site.Op(FileOp, "read", site.FileTarget(files, false), FileAccessKind.Read);
    }

    private static CommandOperation Perl(IReadOnlyList<string> args, CommandSite site)
    {
        var inPlace = false;
        var inline = false;
        var positionals = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.Length > 1 && a[0] == '-' && a[1] != '-')
            {
                inPlace |= a.Contains('i');
                if (a.Contains('e') || a.Contains('E'))
                {
                    inline = true;
                    i++; // the program text
                }

                continue;
            }

            positionals.Add(a);
        }

        if (inPlace)
        {
            return site.Op(FileOp, "edit", site.FileTarget(positionals, false), FileAccessKind.Write);
        }

        if (inline)
        {
            return positionals.Count == 0
                ? site.Op(Run, "perl", "inline")
                : site.Op(FileOp, "read", site.FileTarget(positionals, false), FileAccessKind.Read);
        }

        return positionals.Count == 0 ? site.Op(Run, "perl", "repl") : site.Op(Run, "perl", site.ScopeTarget(positionals.Take(1)));
    }

    private static CommandOperation Jq(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var positionals = Positionals(args, 0, static a => a is "--arg" or "--argjson" or "--slurpfile" or "--rawfile" or "-f" or "--from-file" or "--indent");
        var files = positionals.Skip(1).ToList();
        if (files.Count == 0)
        {
            return site.Op(Other, program, All);
        }

        return site.Op(FileOp, "read", site.FileTarget(files, false), FileAccessKind.Read);
    }

    private static CommandOperation ApplyPatch(IReadOnlyList<string> args, CommandSite site)
    {
        string? body = null;
        foreach (var redirection in site.Command.Redirections)
        {
            body ??= redirection.HeredocBody ?? (redirection.Operator == "<<<" ? redirection.Target : null);
        }

        body ??= args.Count > 0 ? args[0] : null;
        var (files, onlyAdds) = OperationClassifier.PatchFiles(body);
        return site.Op(FileOp, onlyAdds ? "write" : "edit", files.Count == 0 ? "current" : site.FileTarget(files, false), FileAccessKind.Write);
    }

    private static CommandOperation Files(string category, string verb, IReadOnlyList<string> args, CommandSite site, FileAccessKind access, Func<string, bool> takesValue, bool? folders = null)
    {
        var files = Positionals(args, 0, takesValue);
        return site.Op(category, verb, site.FileTarget(files, folders), access);
    }

    private static CommandOperation Chmod(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var positionals = Positionals(args, 0, static a => a is "--reference");
        return site.Op(FileOp, "chmod", site.FileTarget(positionals.Skip(1), null), FileAccessKind.Write);
    }

    private static CommandOperation Grep(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var patternGiven = false;
        var positionals = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                positionals.AddRange(args.Skip(i + 1));
                break;
            }

            if (a.Length > 1 && a[0] == '-')
            {
                if (a is "-e" or "-f" or "--regexp" or "--file")
                {
                    patternGiven = true;
                    i++;
                    continue;
                }

                if (!a.Contains('=') && GrepValueOption(a))
                {
                    i++;
                }

                continue;
            }

            positionals.Add(a);
        }

        var paths = patternGiven ? positionals : positionals.Skip(1).ToList();
        var label = program switch
        {
            "ripgrep" => "rg",
            "ack-grep" => "ack",
            "zgrep" or "ugrep" => "grep",
            _ => program,
        };
        if (paths.Count == 0 && site.PipedInto)
        {
            return site.Op(Other, label, All);
        }

        return site.Op(Search, label, site.FileTarget(paths, null), FileAccessKind.Search);
    }

    private static bool GrepValueOption(string option) => option is "-A" or "-B" or "-C" or "-m" or "-g" or "-t" or "-T"
        or "--glob" or "--type" or "--type-not" or "-M" or "--max-columns" or "-j" or "--threads" or "--max-count"
        or "--context" or "--after-context" or "--before-context" or "--max-depth" or "--ignore-file" or "-d" or "-D"
        or "--include" or "--exclude" or "--exclude-dir";

    private static CommandOperation Find(IReadOnlyList<string> args, CommandSite site)
    {
        var roots = new List<string>();
        foreach (var a in args)
        {
            if (a.StartsWith('-') || a is "(" or "!" or "\\(")
            {
                break;
            }

            roots.Add(a);
        }

        var deletes = args.Contains("-delete");
        var target = site.FileTarget(roots, true);
        return deletes
            ? site.Op(FileOp, "delete", target, FileAccessKind.Write)
            : site.Op(Search, "find", target, FileAccessKind.Search);
    }

    private static CommandOperation Fd(IReadOnlyList<string> args, CommandSite site)
    {
        var positionals = Positionals(args, 0, static a => a is "-e" or "--extension" or "-t" or "--type" or "-E" or "--exclude" or "-d" or "--max-depth" or "-x" or "-X" or "--exec" or "-j");
        return site.Op(Search, "fd", site.FileTarget(positionals.Skip(1), true), FileAccessKind.Search);
    }

    private static CommandOperation List(IReadOnlyList<string> args, CommandSite site)
    {
        var folders = Positionals(args, 0, static a => a is "-I" or "-L" or "-P" or "--ignore" or "-T" or "--level" or "-d" or "--max-depth" or "--block-size" or "-w");
        return site.Op(FileOp, "list", site.FileTarget(folders, true), FileAccessKind.Search);
    }

    private static CommandOperation Git(IReadOnlyList<string> args, CommandSite site)
    {
        var i = 0;
        while (i < args.Count && args[i].StartsWith('-'))
        {
            var a = args[i];
            if (a == "-C" && i + 1 < args.Count)
            {
                site.Folder = CombineFolder(site.Folder, args[i + 1]);
                i += 2;
                continue;
            }

            i += a is "-c" or "--git-dir" or "--work-tree" or "--namespace" or "--exec-path" ? 2 : 1;
        }

        if (i >= args.Count)
        {
            return site.Op(Vcs, "git", All);
        }

        var verb = args[i];
        var rest = args.Skip(i + 1).ToList();
        switch (verb)
        {
            case "grep":
                var positionals = Positionals(rest, 0, static a => a is "-e" or "-A" or "-B" or "-C" or "-m" or "--max-depth");
                return site.Op(Search, "git-grep", site.FileTarget(positionals.Skip(1), null), FileAccessKind.Search);
            case "add" or "rm" or "mv" or "restore" or "checkout" or "diff" or "log" or "blame" or "show" or "reset" or "ls-files" or "stash" or "apply" or "am":
                foreach (var path in Positionals(rest, 0, static a => a is "-m" or "-n" or "--format" or "--pretty" or "-S" or "-G" or "-U" or "--author" or "--since" or "--until" or "-L" or "-b" or "-B" or "--source" or "-p"))
                {
                    if (LooksLikePath(path))
                    {
                        site.Touch(path);
                    }
                }

                break;
        }

        var access = verb switch
        {
            "apply" or "am" or "restore" or "checkout" or "mv" or "rm" => FileAccessKind.Write,
            _ => (FileAccessKind?)null,
        };
        return site.Op(Vcs, "git", verb, access);
    }

    private static CommandOperation Forge(string program, IReadOnlyList<string> args, CommandSite site)
    {
        var words = new List<string>(2);
        for (var i = 0; i < args.Count && words.Count < 2; i++)
        {
            var a = args[i];
            if (a.StartsWith('-'))
            {
                if (a is "-R" or "--repo")
                {
                    i++;
                }

                if (words.Count > 0)
                {
                    break;
                }

                continue;
            }

            if (!IsVerbWord(a))
            {
                break;
            }

            words.Add(a);
        }

        return site.Op(Vcs, program, words.Count == 0 ? All : string.Join('-', words));
    }

    private static CommandOperation Http(string program, IReadOnlyList<string> args, CommandSite site)
    {
        string? host = null;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a is "-o" or "--output" or "-O" && program != "wget" && i + 1 < args.Count)
            {
                site.Touch(args[i + 1]);
                i++;
                continue;
            }

            if (a.StartsWith('-'))
            {
                if (a is "-H" or "--header" or "-d" or "--data" or "-X" or "--request" or "-u" or "--user" or "-A" or "-e" or "-F" or "--form" or "-m" or "--max-time" or "-w" or "--write-out" or "--data-raw" or "--data-binary" or "-b" or "--cookie")
                {
                    i++;
                }

                continue;
            }

            host ??= HostOf(a);
        }

        return site.Op(Web, program is "https" or "httpie" ? "http" : program, host ?? All);
    }

    internal static string? HostOf(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var rest = start >= 0 ? url[(start + 3)..] : url;
        if (start < 0 && !rest.Contains('.') && !rest.StartsWith("localhost", StringComparison.Ordinal))
        {
            return null;
        }

        var end = rest.IndexOfAny(['/', ':', '?', '#']);
        var host = (end >= 0 ? rest[..end] : rest).ToLowerInvariant();
        var at = host.LastIndexOf('@');
        if (at >= 0)
        {
            host = host[(at + 1)..];
        }

        if (host is "127.0.0.1" or "0.0.0.0" or "[::1]" or "::1")
        {
            return "localhost";
        }

        return host.Length == 0 ? null : host;
    }

    /// <summary>The file standard output is redirected to, if any.</summary>
    private static string? OutputFile(CommandSite site)
    {
        string? output = null;
        foreach (var redirection in site.Command.Redirections)
        {
            if (redirection.WritesFile && redirection.Fd is null or 1)
            {
                output = redirection.Target;
            }
        }

        return output;
    }

    /// <summary>Positional arguments: options and the values of options named by <paramref name="takesValue"/> are skipped; everything after <c>--</c> is positional.</summary>
    internal static List<string> Positionals(IReadOnlyList<string> args, int from, Func<string, bool> takesValue)
    {
        var result = new List<string>();
        for (var i = from; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                for (var k = i + 1; k < args.Count; k++)
                {
                    result.Add(args[k]);
                }

                break;
            }

            if (a.Length > 1 && a[0] == '-')
            {
                if (!a.Contains('=') && takesValue(a))
                {
                    i++;
                }

                continue;
            }

            result.Add(a);
        }

        return result;
    }

    /// <summary>The first positional argument when it looks like a subcommand (<c>show</c>, <c>db:migrate</c>), else null.</summary>
    internal static string? FirstVerb(IReadOnlyList<string> args)
    {
        foreach (var a in args)
        {
            if (a.StartsWith('-'))
            {
                continue;
            }

            return IsVerbWord(a) ? a : null;
        }

        return null;
    }

    internal static bool IsVerbWord(string word)
    {
        if (word.Length is 0 or > 32 || !char.IsAsciiLetter(word[0]))
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or ':' or '.'))
            {
                return false;
            }
        }

        return !SignatureTargets.LooksLikeFile(word) || word.Contains(':');
    }

    internal static bool LooksLikePath(string word) =>
        word.Contains('/') || word == "." || SignatureTargets.LooksLikeFile(PathScope.StripLocationSuffix(word));

    internal static string CombineFolder(string? folder, string inner)
    {
        if (folder is null || inner.StartsWith('/') || inner.StartsWith('~'))
        {
            return inner;
        }

        return folder.TrimEnd('/') + "/" + inner;
    }

    private static string UnwrapperName(string raw)
    {
        var slash = raw.LastIndexOf('/');
        return slash >= 0 ? raw[(slash + 1)..] : raw;
    }

    internal static string StripExtension(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    /// <summary>A program name safe for a signature part.</summary>
    internal static string ProgramLabel(string program)
    {
        if (program.Length > 40)
        {
            program = program[..40];
        }

        foreach (var c in program)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '+'))
            {
                return program.Length == 0 ? "unknown" : SanitizeLabel(program);
            }
        }

        return program;
    }

    private static string SanitizeLabel(string program)
    {
        var chars = program.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(chars[i]) || chars[i] is '-' or '_' or '.' or '+'))
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }
}
