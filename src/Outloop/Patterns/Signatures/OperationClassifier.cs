using System.Text;
using System.Text.Json;
using Outloop.Ingestion;

namespace Outloop.Patterns.Signatures;

/// <summary>
/// Gives every tool call of every agent its operation signature. Shell tools (Claude Code <c>Bash</c>, Codex
/// <c>exec_command</c>/<c>shell</c>, OpenHands <c>run</c>, SWE-agent and mini-swe-agent bash actions, Aider
/// <c>/run</c> and <c>/test</c>) go through the shell parser and the runner table; file, search, web, agent and MCP
/// tools map directly (<c>Read</c> is <c>file:read:&lt;folder&gt;</c>, <c>Grep</c> <c>search:grep:&lt;folder&gt;</c>,
/// <c>Task</c> <c>agent:task:&lt;subagent&gt;</c>, <c>mcp__srv__tool</c> <c>mcp:srv:tool</c>); SWE-agent's own commands
/// (<c>open</c>, <c>goto</c>, <c>edit</c>, <c>find_file</c>, <c>str_replace_editor view</c>, <c>submit</c>...) are
/// recognised by name. Pure and cheap: no I/O, no store, and it never throws (a failure becomes
/// <c>other:&lt;tool&gt;:all</c>).
/// </summary>
internal static class OperationClassifier
{
    private static readonly SimpleCommand NoCommand = new([], [], [], ShellOperator.None, null, 0, false);
    private static readonly System.Buffers.SearchValues<char> ShellSpecials = System.Buffers.SearchValues.Create(" \t\n'\"\\$`;&|<>()*?[]#~");

    /// <summary>Classifies one tool call.</summary>
    public static OperationSignature Classify(ToolInvocation call)
    {
        try
        {
            return ClassifyCore(call);
        }
        catch (Exception)
        {
            // A classification bug must never stop an import; the call still gets a stable signature.
            var tool = RunnerTable.ProgramLabel((call.ToolName ?? string.Empty).ToLowerInvariant());
            return new OperationSignature(OperationCategory.Other, tool.Length == 0 ? "unknown" : tool, SignatureTargets.All, call.ToolName ?? string.Empty, [], null);
        }
    }

    /// <summary>The shell command of a tool input (<c>command</c>, <c>cmd</c> or <c>script</c>), or null.</summary>
    internal static string? CommandText(string? inputJson)
    {
        using var document = ParseJson(inputJson);
        return document?.RootElement is { ValueKind: JsonValueKind.Object } root ? ShellText(root) : null;
    }

    /// <summary>Like <see cref="Classify"/> but lets a classification bug surface as an exception (for tests).</summary>
    internal static OperationSignature ClassifyStrict(ToolInvocation call) => ClassifyCore(call);

    private static OperationSignature ClassifyCore(ToolInvocation call)
    {
        var toolName = call.ToolName ?? string.Empty;
        var name = toolName.ToLowerInvariant();
        var agent = (call.Agent ?? string.Empty).ToLowerInvariant();
        using var document = ParseJson(call.InputJson);
        var input = document?.RootElement is { ValueKind: JsonValueKind.Object } root ? root : (JsonElement?)null;

        if (toolName.StartsWith("mcp__", StringComparison.Ordinal))
        {
            return Mcp(toolName);
        }

        var workdir = Text(input, "workdir", "cwd", "working_dir", "dir_path");
        var scope = new PathScope(call.ProjectRoot, workdir is null ? call.Cwd : RunnerTable.CombineFolder(call.Cwd, workdir));
        var commandText = call.Command ?? ShellText(input);

        if (agent.Contains("aider", StringComparison.Ordinal) && commandText is not null && commandText.StartsWith('/'))
        {
            return Aider(commandText, scope);
        }

        var sweAgent = agent.Contains("swe", StringComparison.Ordinal) && !agent.Contains("mini", StringComparison.Ordinal);
        if ((sweAgent && IsSweCommand(name)) || IsSweOnlyCommand(name)
            || (sweAgent && name is "" or "bash" or "action" && commandText is not null && IsSweCommand(FirstWord(commandText))))
        {
            return SweAgent(name is "" or "bash" or "action" ? FirstWord(commandText!) : name, input, commandText, scope, toolName);
        }

        switch (name)
        {
            case "bash" or "powershell" or "shell" or "exec_command" or "local_shell" or "container.exec" or "execute_bash"
                or "run" or "terminal" or "run_command" or "run_terminal_cmd" or "cmd" or "command" or "sh" or "execute_command"
                or "run_shell_command" or "shell_command" or "":
                if (commandText is null)
                {
                    return Simple(OperationCategory.Other, name.Length == 0 ? "shell" : name, SignatureTargets.All, toolName);
                }

                var shell = ShellOperationClassifier.Classify(commandText, scope);
                return IsSubmission(commandText)
                    ? new OperationSignature(OperationCategory.Agent, "finish", SignatureTargets.All, shell.NormalizedCommand, [], null)
                    : shell;
            case "read" or "view" or "read_file" or "notebookread" or "view_file" or "view_image" or "open_file" or "read_many_files":
                return FileTool("read", FileAccessKind.Read, PathOf(input) ?? PathFromCommand(commandText), scope, toolName, folder: false);
            case "write" or "create" or "write_file" or "create_file" or "write_to_file":
                return FileTool("write", FileAccessKind.Write, PathOf(input) ?? PathFromCommand(commandText), scope, toolName, folder: false);
            case "edit" or "multiedit" or "str_replace" or "notebookedit" or "edit_file" or "replace" or "insert" or "search_replace"
                or "replace_in_file" or "edit_block" or "apply_diff":
                return FileTool("edit", FileAccessKind.Write, PathOf(input) ?? PathFromCommand(commandText), scope, toolName, folder: false);
            case "apply_patch" or "applypatch":
                return Patch(Text(input, "input", "patch") ?? commandText ?? (input is null ? call.InputJson : null), scope, toolName);
            case "str_replace_editor" or "str_replace_based_edit_tool" or "text_editor" or "edit_tool":
                return Editor(Text(input, "command"), PathOf(input), scope, toolName);
            case "glob" or "file_search" or "find_files" or "glob_search":
                return SearchTool("glob", Text(input, "path", "dir", "directory"), scope, toolName);
            case "grep" or "search" or "grep_search" or "codebase_search" or "search_files" or "search_file_content":
                return SearchTool(name is "codebase_search" ? "semantic" : "grep", Text(input, "path", "dir", "directory", "include"), scope, toolName);
            case "ls" or "list_dir" or "list_directory" or "list_files":
                return FileTool("list", FileAccessKind.Search, PathOf(input) ?? Text(input, "directory", "dir"), scope, toolName, folder: true);
            case "task" or "agent" or "delegate" or "spawn_agent":
                return Simple(OperationCategory.Agent, "task", Text(input, "subagent_type", "agent", "agent_type") ?? "general", toolName);
            case "taskoutput" or "bashoutput" or "killshell" or "killbash" or "write_stdin":
                return Simple(OperationCategory.Agent, "background", name, toolName);
            case "todowrite" or "todoread" or "task_tracking" or "update_plan":
                return Simple(OperationCategory.Agent, "todo", SignatureTargets.All, toolName);
            case "exitplanmode" or "enterplanmode" or "plan":
                return Simple(OperationCategory.Agent, "plan", SignatureTargets.All, toolName);
            case "askuserquestion" or "ask_followup_question" or "message":
                return Simple(OperationCategory.Agent, name == "message" ? "message" : "ask", SignatureTargets.All, toolName);
            case "skill" or "slashcommand":
                return Simple(OperationCategory.Agent, name == "skill" ? "skill" : "command", Text(input, "skill", "command") ?? SignatureTargets.All, toolName);
            case "finish" or "submit" or "attempt_completion" or "exit" or "stop":
                return Simple(OperationCategory.Agent, "finish", SignatureTargets.All, toolName);
            case "think" or "recall" or "condensation" or "reject" or "pause" or "resume" or "change_agent_state" or "system" or "null":
                return Simple(OperationCategory.Agent, name, SignatureTargets.All, toolName);
            case "webfetch" or "web_fetch" or "browse" or "web_read" or "fetch" or "read_url":
                var url = Text(input, "url") ?? commandText;
                return Simple(OperationCategory.Web, "fetch", (url is null ? null : RunnerTable.HostOf(url)) ?? SignatureTargets.All, toolName);
            case "websearch" or "web_search" or "google_web_search":
                return Simple(OperationCategory.Web, "search", SignatureTargets.All, toolName);
            case "browse_interactive" or "browser" or "computer":
                return Simple(OperationCategory.Web, "browser", SignatureTargets.All, toolName);
            case "run_ipython" or "execute_ipython_cell" or "ipython" or "python" or "jupyter":
                return Simple(OperationCategory.Run, "ipython", SignatureTargets.All, toolName);
            case "call_tool_mcp" or "mcp":
                return Mcp("mcp__" + (Text(input, "server") ?? "unknown") + "__" + (Text(input, "name", "tool") ?? "unknown"));
        }

        if (commandText is not null && input is null)
        {
            return ShellOperationClassifier.Classify(commandText, scope);
        }

        return Simple(OperationCategory.Other, RunnerTable.ProgramLabel(name), SignatureTargets.All, toolName);
    }

    private static OperationSignature Simple(string category, string subcategory, string target, string toolName) =>
        new(category, SignatureTargets.Clean(subcategory.ToLowerInvariant()), SignatureTargets.Clean(target), toolName, [], null);

    private static OperationSignature Mcp(string toolName)
    {
        var parts = toolName.Split("__", 3, StringSplitOptions.None);
        var server = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : "unknown";
        var tool = parts.Length > 2 && parts[2].Length > 0 ? parts[2] : SignatureTargets.All;
        return new OperationSignature(OperationCategory.Mcp, SignatureTargets.Clean(server.ToLowerInvariant()), SignatureTargets.Clean(tool), toolName, [], null);
    }

    private static OperationSignature FileTool(string verb, FileAccessKind access, string? path, PathScope scope, string toolName, bool folder)
    {
        var site = new CommandSite(scope, NoCommand, null);
        var target = path is null ? (verb == "list" ? site.FolderTarget() : "current") : site.FileTarget([path], folder ? true : null);
        var op = site.Op(OperationCategory.File, verb, target, access);
        return new OperationSignature(op.Category, op.Subcategory, op.Target, path is null ? toolName : toolName + " <path>", op.Paths, access);
    }

    private static OperationSignature SearchTool(string kind, string? path, PathScope scope, string toolName)
    {
        var site = new CommandSite(scope, NoCommand, null);
        var target = path is null ? SignatureTargets.All : site.FileTarget([path], null);
        return new OperationSignature(OperationCategory.Search, kind, SignatureTargets.Clean(target), path is null ? toolName + " <str>" : toolName + " <str> <path>", site.Paths, FileAccessKind.Search);
    }

    private static OperationSignature Editor(string? command, string? path, PathScope scope, string toolName)
    {
        var (verb, access) = command switch
        {
            "view" or "view_range" => ("read", FileAccessKind.Read),
            "create" => ("write", FileAccessKind.Write),
            _ => ("edit", FileAccessKind.Write),
        };
        var isFolder = verb == "read" && path is not null && !SignatureTargets.LooksLikeFile(path[(path.LastIndexOf('/') + 1)..]);
        var signature = FileTool(isFolder ? "list" : verb, isFolder ? FileAccessKind.Search : access, path, scope, toolName, isFolder);
        return signature with { NormalizedCommand = toolName + " " + (command ?? "edit") + (path is null ? string.Empty : " <path>") };
    }

    /// <summary>An <c>apply_patch</c> envelope: the files after <c>*** Add/Update/Delete File:</c>; only additions make it a write.</summary>
    internal static OperationSignature Patch(string? patch, PathScope scope, string toolName)
    {
        var site = new CommandSite(scope, NoCommand, null);
        var (files, onlyAdds) = PatchFiles(patch);
        var verb = files.Count > 0 && onlyAdds ? "write" : "edit";
        var target = files.Count == 0 ? "current" : site.FileTarget(files, false);
        var op = site.Op(OperationCategory.File, verb, target, FileAccessKind.Write);
        return new OperationSignature(op.Category, op.Subcategory, op.Target, "apply_patch", op.Paths, FileAccessKind.Write);
    }

    /// <summary>The files a patch names (<c>*** Update File: x</c>, <c>+++ b/x</c>) and whether it only adds files.</summary>
    internal static (List<string> Files, bool OnlyAdds) PatchFiles(string? patch)
    {
        var files = new List<string>();
        var onlyAdds = true;
        if (patch is null)
        {
            return (files, false);
        }

        foreach (var line in patch.AsSpan().EnumerateLines())
        {
            var trimmed = line.Trim();
            foreach (var marker in (ReadOnlySpan<string>)["*** Add File: ", "*** Update File: ", "*** Delete File: ", "*** Move to: ", "+++ b/", "+++ "])
            {
                if (trimmed.StartsWith(marker, StringComparison.Ordinal))
                {
                    var file = trimmed[marker.Length..].Trim().ToString();
                    if (file.Length > 0 && file != "/dev/null" && !files.Contains(file))
                    {
                        files.Add(file);
                    }

                    onlyAdds &= marker == "*** Add File: ";
                    break;
                }
            }
        }

        return (files, onlyAdds && files.Count > 0);
    }

    /// <summary>
    /// mini-swe-agent's submission: the command starts by echoing its end marker (<c>COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT</c>,
    /// <c>MINI_SWE_AGENT_FINAL_OUTPUT</c> in older versions), then prints the diff it submits.
    /// </summary>
    internal static bool IsSubmission(string command)
    {
        var text = command.AsSpan().TrimStart();
        if (!text.StartsWith("echo ", StringComparison.Ordinal))
        {
            return false;
        }

        var first = text.IndexOfAny("&;|\n") is var end and >= 0 ? text[..end] : text;
        return first.Contains("COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT", StringComparison.Ordinal)
            || first.Contains("MINI_SWE_AGENT_FINAL_OUTPUT", StringComparison.Ordinal);
    }

    private static bool IsSweOnlyCommand(string word) => word is "goto" or "scroll_up" or "scroll_down" or "search_dir"
        or "search_file" or "find_file" or "set_cursors" or "filemap" or "exit_forfeit";

    private static bool IsSweCommand(string word) => word is "open" or "goto" or "scroll_up" or "scroll_down" or "create"
        or "edit" or "insert" or "append" or "search_dir" or "search_file" or "find_file" or "submit" or "set_cursors"
        or "filemap" or "str_replace_editor" or "exit_forfeit" or "exit_cost" or "exit_context" or "exit_format"
        or "exit_error" or "forfeit" or "skip" or "review_on_submit" or "view_image";

    private static OperationSignature SweAgent(string verb, JsonElement? input, string? commandText, PathScope scope, string toolName)
    {
        // Arguments come from the function-calling JSON (1.x) or from the action text's first line (0.x).
        var argv = Array.Empty<string>();
        if (commandText is not null)
        {
            var firstLine = commandText.AsSpan().TrimStart();
            var newline = firstLine.IndexOf('\n');
            var parsed = ShellCommandParser.Parse((newline >= 0 ? firstLine[..newline] : firstLine).ToString());
            if (parsed.Count > 0 && parsed[0].Argv.Count > 0 && parsed[0].Argv[0] == verb)
            {
                argv = [.. parsed[0].Argv];
            }
        }

        string? Arg(int index, params string[] keys) => Text(input, keys) ?? (argv.Length > index ? argv[index] : null);

        switch (verb)
        {
            case "open" or "filemap" or "view_image":
                return FileTool("read", FileAccessKind.Read, Arg(1, "path", "file", "filename"), scope, verb, folder: false);
            case "goto" or "scroll_up" or "scroll_down" or "set_cursors":
                return Simple(OperationCategory.File, "read", "current", verb) with { Access = FileAccessKind.Read };
            case "create":
                return FileTool("write", FileAccessKind.Write, Arg(1, "filename", "path", "file"), scope, verb, folder: false);
            case "edit" or "insert" or "append":
                return FileTool("edit", FileAccessKind.Write, PathOf(input), scope, verb, folder: false);
            case "search_dir":
                return SearchTool("search_dir", Arg(2, "dir", "directory"), scope, verb);
            case "search_file":
                var file = Arg(2, "file", "path");
                return file is null
                    ? new OperationSignature(OperationCategory.Search, "search_file", "current", "search_file <str>", [], FileAccessKind.Search)
                    : SearchTool("search_file", file, scope, verb);
            case "find_file":
                return SearchTool("find_file", Arg(2, "dir", "directory"), scope, verb);
            case "str_replace_editor":
                return Editor(Arg(1, "command"), Arg(2, "path"), scope, verb);
            case "submit" or "review_on_submit":
                return Simple(OperationCategory.Agent, "finish", SignatureTargets.All, verb);
            default:
                return Simple(OperationCategory.Agent, "exit", SignatureTargets.Clean(verb), toolName.Length == 0 ? verb : toolName);
        }
    }

    private static OperationSignature Aider(string command, PathScope scope)
    {
        var space = command.IndexOfAny([' ', '\n']);
        var verb = (space < 0 ? command[1..] : command[1..space]).ToLowerInvariant();
        var rest = space < 0 ? string.Empty : command[(space + 1)..].Trim();
        switch (verb)
        {
            case "run" or "!":
                return rest.Length == 0 ? Simple(OperationCategory.Run, "aider", SignatureTargets.All, "/run") : ShellOperationClassifier.Classify(rest, scope);
            case "test":
                if (rest.Length == 0)
                {
                    return Simple(OperationCategory.Test, "aider", SignatureTargets.All, "/test");
                }

                var test = ShellOperationClassifier.Classify(rest, scope);
                return test.Category == OperationCategory.Test ? test : test with { Category = OperationCategory.Test };
            case "lint":
                return rest.Length == 0 ? Simple(OperationCategory.Lint, "aider", SignatureTargets.All, "/lint") : ShellOperationClassifier.Classify(rest, scope) with { Category = OperationCategory.Lint };
            case "git":
                return ShellOperationClassifier.Classify("git " + rest, scope);
            case "add" or "read-only" or "read":
                var files = ShellCommandParser.Parse(rest) is { Count: > 0 } parsed ? parsed[0].Argv : [];
                var site = new CommandSite(scope, NoCommand, null);
                var target = files.Count == 0 ? SignatureTargets.All : site.FileTarget(files, null);
                var op = site.Op(OperationCategory.File, "read", target, FileAccessKind.Read);
                return new OperationSignature(op.Category, op.Subcategory, op.Target, "/" + verb + " <path>", op.Paths, FileAccessKind.Read);
            case "commit" or "undo" or "diff":
                return Simple(OperationCategory.Vcs, "git", verb, "/" + verb);
            case "web":
                return Simple(OperationCategory.Web, "fetch", RunnerTable.HostOf(rest) ?? SignatureTargets.All, "/web <url>");
            default:
                return Simple(OperationCategory.Agent, "aider", RunnerTable.IsVerbWord(verb) ? verb : SignatureTargets.All, "/" + verb);
        }
    }

    private static JsonDocument? ParseJson(string? json)
    {
        if (string.IsNullOrEmpty(json) || json[0] is not ('{' or '[') && json.TrimStart() is not ['{', ..])
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The shell text of a tool input: <c>command</c> or <c>cmd</c> as a string, or as an argv array (Codex <c>shell</c>).</summary>
    private static string? ShellText(JsonElement? input)
    {
        if (input is not { } element)
        {
            return null;
        }

        foreach (var key in (ReadOnlySpan<string>)["command", "cmd", "script"])
        {
            if (!element.TryGetProperty(key, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                var words = new List<string>();
                foreach (var item in value.EnumerateArray())
                {
                    words.Add(item.ValueKind == JsonValueKind.String ? item.GetString() ?? string.Empty : item.GetRawText());
                }

                if (words.Count >= 3 && words[0] is "bash" or "sh" or "zsh" or "/bin/bash" or "/bin/sh" or "/bin/zsh" && words[1] is "-c" or "-lc" or "-ic")
                {
                    return words[2];
                }

                return QuoteArgv(words);
            }
        }

        return null;
    }

    private static string QuoteArgv(List<string> words)
    {
        var sb = new StringBuilder();
        foreach (var word in words)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            if (word.Length > 0 && word.AsSpan().IndexOfAny(ShellSpecials) < 0)
            {
                sb.Append(word);
                continue;
            }

            sb.Append('\'').Append(word.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'');
        }

        return sb.ToString();
    }

    private static string? PathOf(JsonElement? input) => Text(input, "file_path", "path", "notebook_path", "filename", "target_file", "file", "absolute_path");

    private static string? PathFromCommand(string? command)
    {
        if (command is null)
        {
            return null;
        }

        var trimmed = command.Trim();
        return trimmed.Length is > 0 and < 400 && !trimmed.Contains('\n') ? trimmed : null;
    }

    private static string? Text(JsonElement? input, params string[] keys)
    {
        if (input is not { } element)
        {
            return null;
        }

        foreach (var key in keys)
        {
            if (element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String)
            {
                var text = value.GetString();
                if (!string.IsNullOrEmpty(text))
                {
                    return text;
                }
            }
        }

        return null;
    }

    private static string FirstWord(string text)
    {
        var span = text.AsSpan().TrimStart();
        var end = span.IndexOfAny(" \t\n");
        return (end < 0 ? span : span[..end]).ToString();
    }
}
