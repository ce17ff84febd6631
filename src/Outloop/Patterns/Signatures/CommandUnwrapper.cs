namespace Outloop.Patterns.Signatures;

/// <summary>
/// Removes launchers and wrappers in front of the real program: <c>env</c>, <c>sudo</c>, <c>time</c>, <c>nice</c>,
/// <c>nohup</c>, <c>timeout 60</c>, <c>xargs</c>, <c>uv run</c>, <c>uvx</c>, <c>poetry/pipenv/pdm/hatch/rye run</c>,
/// <c>conda run</c>, <c>npx</c>, <c>bunx</c>, <c>npm exec</c>, <c>pnpm exec|dlx</c>, <c>yarn dlx|exec</c>,
/// <c>bun x</c>, <c>bundle exec</c>, <c>dotnet tool run</c>, <c>coverage run</c>, <c>nyc</c>/<c>c8</c>,
/// <c>python -m X</c>, <c>docker exec</c>, <c>docker compose exec|run svc</c>, <c>docker run image</c>,
/// <c>kubectl exec -- </c>, and hands <c>bash -c "..."</c> back as a nested script.
/// Package-manager scripts (<c>npm run</c>, <c>yarn test</c>, <c>make test</c>) are left to the runner table,
/// which knows their verbs.
/// </summary>
internal static class CommandUnwrapper
{
    public static UnwrappedCommand Unwrap(IReadOnlyList<string> argv)
    {
        var n = argv.Count;
        var i = 0;
        string? folder = null;
        var viaModule = false;
        string? programOverride = null;

        for (var guard = 0; guard < 12 && i < n; guard++)
        {
            var program = NormalizeProgram(argv[i]);
            var next = i + 1 < n ? argv[i + 1] : null;
            int j;
            switch (program)
            {
                case "env":
                    j = i + 1;
                    while (j < n)
                    {
                        var a = argv[j];
                        if (a == "--")
                        {
                            j++;
                            break;
                        }

                        if (a is "-C" or "--chdir" && j + 1 < n)
                        {
                            folder = argv[j + 1];
                            j += 2;
                            continue;
                        }

                        if (a is "-u" or "--unset" or "-S" or "--split-string")
                        {
                            j += 2;
                            continue;
                        }

                        if (a.StartsWith('-') || IsAssignment(a))
                        {
                            j++;
                            continue;
                        }

                        break;
                    }

                    if (j >= n)
                    {
                        return Result(argv, i, folder, viaModule, null, null);
                    }

                    i = j;
                    continue;
                case "sudo" or "doas":
                    i = SkipOptions(argv, i + 1, static a => a is "-u" or "-g" or "-h" or "-p" or "-C" or "-D" or "-r" or "-t" or "-U" or "--user" or "--group");
                    continue;
                case "command" when next is "-v" or "-V":
                    return Result(argv, i, folder, viaModule, null, null);
                case "time" or "nohup" or "command" or "builtin" or "exec" or "stdbuf" or "setsid" or "unbuffer" or "caffeinate" or "chronic":
                    i = SkipOptions(argv, i + 1, static a => a is "-o" or "-a" or "-f");
                    continue;
                case "nice" or "ionice" or "chrt" or "taskset" or "flock":
                    i = SkipOptions(argv, i + 1, static a => a is "-n" or "-c" or "-p" or "--adjustment" or "-w");
                    if (program is "taskset" or "chrt" or "flock" && i < n)
                    {
                        i++; // mask, priority or lock file
                    }

                    continue;
                case "timeout" or "gtimeout":
                    j = SkipOptions(argv, i + 1, static a => a is "-s" or "-k" or "--signal" or "--kill-after");
                    i = j + 1; // the duration
                    continue;
                case "watch":
                    i = SkipOptions(argv, i + 1, static a => a is "-n" or "--interval" or "-d");
                    continue;
                case "xargs":
                    j = SkipOptions(argv, i + 1, static a => a is "-I" or "-n" or "-P" or "-d" or "-L" or "-a" or "-E" or "-s" or "--max-args" or "--max-procs" or "--delimiter" or "--arg-file");
                    if (j >= n)
                    {
                        return Result(argv, i, folder, viaModule, null, null);
                    }

                    i = j;
                    continue;
                case "uv" when next == "run":
                    i = SkipDashDash(argv, SkipOptions(argv, i + 2, static a => a is "--with" or "--python" or "-p" or "--extra" or "--group" or "--package" or "--directory" or "--project" or "--env-file" or "--index" or "--only-group" or "--no-group" or "--with-requirements" or "--with-editable" or "--index-url" or "--extra-index-url"));
                    continue;
                case "uv" when next == "tool" && i + 2 < n && argv[i + 2] == "run":
                    i = SkipOptions(argv, i + 3, static a => a is "--from" or "--with" or "--python" or "-p");
                    continue;
                case "uvx" or "pipx" when program == "uvx" || next == "run":
                    i = SkipOptions(argv, program == "uvx" ? i + 1 : i + 2, static a => a is "--from" or "--with" or "--python" or "-p" or "--spec");
                    continue;
                case "poetry" or "pipenv" or "pdm" or "hatch" or "rye" when next == "run":
                    i = SkipDashDash(argv, SkipOptions(argv, i + 2, static a => a is "-e" or "--env"));
                    continue;
                case "conda" or "mamba" or "micromamba" when next == "run":
                    i = SkipOptions(argv, i + 2, static a => a is "-n" or "-p" or "--name" or "--prefix" or "--cwd");
                    continue;
                case "npx" or "bunx" or "pnpx":
                    j = i + 1;
                    while (j < n && argv[j].StartsWith('-'))
                    {
                        if (argv[j] is "-c" or "--call" && j + 1 < n)
                        {
                            return Result(argv, j, folder, viaModule, argv[j + 1], null);
                        }

                        j += argv[j] is "-p" or "--package" ? 2 : 1;
                    }

                    i = j;
                    continue;
                case "npm" when next is "exec" or "x":
                case "pnpm" when next is "exec" or "dlx":
                case "yarn" when next is "dlx" or "exec":
                case "bun" when next == "x":
                    j = i + 2;
                    while (j < n && argv[j].StartsWith('-'))
                    {
                        if (argv[j] == "--")
                        {
                            j++;
                            break;
                        }

                        if (argv[j] is "-c" or "--call" && j + 1 < n)
                        {
                            return Result(argv, j, folder, viaModule, argv[j + 1], null);
                        }

                        j += argv[j] is "-p" or "--package" or "-w" or "--workspace" or "-C" or "--dir" ? 2 : 1;
                    }

                    i = j;
                    continue;
                case "bundle" or "rbenv" or "pyenv" or "asdf" or "mise" or "rtx" when next is "exec" or "x":
                    i = SkipDashDash(argv, SkipOptions(argv, i + 2, static _ => false));
                    continue;
                case "dotnet" when next == "tool" && i + 2 < n && argv[i + 2] == "run":
                    i += 3;
                    continue;
                case "coverage" when next == "run":
                    j = i + 2;
                    while (j < n && argv[j].Length > 1 && argv[j][0] == '-' && argv[j] != "-m")
                    {
                        j += !argv[j].Contains('=') && argv[j] is "--source" or "--rcfile" or "--omit" or "--include" or "--concurrency" or "--data-file" or "--context" ? 2 : 1;
                    }

                    if (j < n && argv[j] == "-m" && j + 1 < n)
                    {
                        viaModule = true;
                        i = j + 1;
                        continue;
                    }

                    programOverride = "python";
                    i = j - 1;
                    return ResultOverride(argv, i, programOverride, folder);
                case "nyc" or "c8":
                    i = SkipOptions(argv, i + 1, static a => a is "--reporter" or "-r" or "--include" or "-n" or "--exclude" or "-x");
                    continue;
                case "python":
                    j = i + 1;
                    while (j < n && argv[j].Length > 1 && argv[j][0] == '-' && argv[j] != "-m" && argv[j] != "-c" && !argv[j].StartsWith("-m", StringComparison.Ordinal))
                    {
                        j += argv[j] is "-W" or "-X" ? 2 : 1;
                    }

                    if (j + 1 < n && argv[j] == "-m")
                    {
                        viaModule = true;
                        i = j + 1;
                        continue;
                    }

                    if (j < n && argv[j].StartsWith("-m", StringComparison.Ordinal) && argv[j].Length > 2)
                    {
                        // "-mpytest"
                        return ResultOverride(argv, j, argv[j][2..], folder, viaModule: true);
                    }

                    return Result(argv, i, folder, viaModule, null, null);
                case "docker" or "podman" or "nerdctl" when next == "exec":
                    j = i + 2;
                    while (j < n && argv[j].StartsWith('-'))
                    {
                        if (argv[j] is "-w" or "--workdir" && j + 1 < n)
                        {
                            folder = argv[j + 1];
                            j += 2;
                            continue;
                        }

                        j += argv[j] is "-e" or "--env" or "-u" or "--user" or "--env-file" ? 2 : 1;
                    }

                    if (j + 1 >= n)
                    {
                        return Result(argv, i, folder, viaModule, null, null);
                    }

                    i = j + 1; // skip the container
                    continue;
                case "docker" or "podman" when next == "compose":
                case "docker-compose" or "podman-compose":
                    var verbAt = SkipOptions(argv, program.EndsWith("compose", StringComparison.Ordinal) ? i + 1 : i + 2, static a => a is "-f" or "--file" or "-p" or "--project-name" or "--profile" or "--env-file" or "--project-directory");
                    if (verbAt < n && argv[verbAt] is "exec" or "run")
                    {
                        j = verbAt + 1;
                        while (j < n && argv[j].StartsWith('-'))
                        {
                            if (argv[j] is "-w" or "--workdir" && j + 1 < n)
                            {
                                folder = argv[j + 1];
                                j += 2;
                                continue;
                            }

                            j += argv[j] is "-e" or "--env" or "-u" or "--user" or "--entrypoint" or "--name" or "-v" or "--volume" or "-p" or "--publish" or "-l" or "--label" or "--index" ? 2 : 1;
                        }

                        if (j + 1 < n)
                        {
                            i = j + 1; // skip the service
                            continue;
                        }
                    }

                    return Result(argv, i, folder, viaModule, null, null);
                case "docker" or "podman" when next == "run":
                    j = i + 2;
                    while (j < n && argv[j].StartsWith('-'))
                    {
                        if (argv[j] is "-w" or "--workdir" && j + 1 < n)
                        {
                            folder = argv[j + 1];
                            j += 2;
                            continue;
                        }

                        j += !argv[j].Contains('=') && DockerRunValueOption(argv[j]) ? 2 : 1;
                    }

                    if (j + 1 < n)
                    {
                        i = j + 1; // skip the image
                        continue;
                    }

                    return Result(argv, i, folder, viaModule, null, null);
                case "kubectl" or "oc" when next == "exec":
                    j = i + 2;
                    while (j < n && argv[j] != "--")
                    {
                        j++;
                    }

                    if (j + 1 < n)
                    {
                        i = j + 1;
                        continue;
                    }

                    return Result(argv, i, folder, viaModule, null, null);
                case "bash" or "sh" or "zsh" or "dash" or "ksh" or "fish" or "busybox":
                    j = i + 1;
                    while (j < n && argv[j].StartsWith('-') && argv[j] != "--")
                    {
                        var option = argv[j];
                        if (option.Length > 1 && option[1] != '-' && option.Contains('c'))
                        {
                            return j + 1 < n
                                ? Result(argv, i, folder, viaModule, argv[j + 1], null)
                                : Result(argv, i, folder, viaModule, null, null);
                        }

                        j += option is "-o" or "+o" or "-O" ? 2 : 1;
                    }

                    return Result(argv, i, folder, viaModule, null, null);
                default:
                    return Result(argv, i, folder, viaModule, null, null);
            }
        }

        return i < n
            ? Result(argv, i, folder, viaModule, null, null)
            : new UnwrappedCommand(string.Empty, string.Empty, [], null, folder, viaModule);
    }

    /// <summary>Lower-case program name without folder or extension, with versioned interpreters folded (<c>python3.11</c> is <c>python</c>).</summary>
    public static string NormalizeProgram(string word)
    {
        var slash = word.LastIndexOfAny(['/', '\\']);
        var name = slash >= 0 ? word[(slash + 1)..] : word;
        if (name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".cmd", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".bat", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4];
        }

        foreach (var c in name)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                name = name.ToLowerInvariant();
                break;
            }
        }

        if (name.StartsWith("python", StringComparison.Ordinal) && IsVersionSuffix(name, 6))
        {
            return "python";
        }

        if (name.StartsWith("pip", StringComparison.Ordinal) && IsVersionSuffix(name, 3))
        {
            return "pip";
        }

        return name switch
        {
            "py" or "pypy" or "pypy3" => "python",
            "py.test" => "pytest",
            "nodejs" => "node",
            "gradlew" => "gradle",
            "mvnw" => "mvn",
            "egrep" or "fgrep" => "grep",
            "gsed" => "sed",
            "rspec-queue" => "rspec",
            _ => name,
        };
    }

    private static bool IsVersionSuffix(string name, int from)
    {
        for (var i = from; i < name.Length; i++)
        {
            if (!char.IsAsciiDigit(name[i]) && name[i] != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAssignment(string word)
    {
        var eq = word.IndexOf('=');
        if (eq <= 0 || !(char.IsAsciiLetter(word[0]) || word[0] == '_'))
        {
            return false;
        }

        for (var k = 1; k < eq; k++)
        {
            if (!char.IsAsciiLetterOrDigit(word[k]) && word[k] != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipOptions(IReadOnlyList<string> argv, int from, Func<string, bool> takesValue)
    {
        var j = from;
        while (j < argv.Count && argv[j].Length > 1 && argv[j][0] == '-' && argv[j] != "--")
        {
            j += !argv[j].Contains('=') && takesValue(argv[j]) ? 2 : 1;
        }

        return j;
    }

    private static int SkipDashDash(IReadOnlyList<string> argv, int at) => at < argv.Count && argv[at] == "--" ? at + 1 : at;

    private static bool DockerRunValueOption(string option) => option is "-e" or "--env" or "-v" or "--volume" or "-p"
        or "--publish" or "--name" or "--network" or "--net" or "-u" or "--user" or "--entrypoint" or "--env-file"
        or "-m" or "--memory" or "--cpus" or "--platform" or "--mount" or "-l" or "--label" or "-h" or "--hostname"
        or "--add-host" or "--dns" or "--device" or "--cap-add" or "--cap-drop" or "--security-opt" or "--tmpfs"
        or "--restart" or "--log-driver" or "--gpus" or "--shm-size" or "--ulimit" or "--pull" or "--ipc" or "--pid";

    private static UnwrappedCommand Result(IReadOnlyList<string> argv, int at, string? folder, bool viaModule, string? nested, string? programOverride)
    {
        var raw = argv[at];
        var args = new string[argv.Count - at - 1];
        for (var k = 0; k < args.Length; k++)
        {
            args[k] = argv[at + 1 + k];
        }

        return new UnwrappedCommand(programOverride ?? NormalizeProgram(raw), raw, args, nested, folder, viaModule);
    }

    private static UnwrappedCommand ResultOverride(IReadOnlyList<string> argv, int at, string program, string? folder, bool viaModule = false)
    {
        var args = new string[Math.Max(0, argv.Count - at - 1)];
        for (var k = 0; k < args.Length; k++)
        {
            args[k] = argv[at + 1 + k];
        }

        return new UnwrappedCommand(NormalizeProgram(program), program, args, null, folder, viaModule);
    }
}
