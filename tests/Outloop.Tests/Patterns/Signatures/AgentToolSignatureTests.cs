using Outloop.Patterns.Signatures;

namespace Outloop.Tests.Patterns.Signatures;

public sealed class AgentToolSignatureTests
{
    private const string Root = "/home/u/proj";

    private static string Sig(string agent, string tool, string? json, string? command = null, string? cwd = Root, string? root = Root) =>
        OperationClassifier.Classify(new ToolInvocation(agent, tool, json, command, cwd, root)).ToString();

    [Theory]
    [InlineData("Read", """{"file_path":"/home/u/proj/lib/spotter/services/x.ex"}""", "file:read:lib/spotter")]
    [InlineData("Write", """{"file_path":"/home/u/proj/README.md","content":"x"}""", "file:write:README.md")]
    [InlineData("Edit", """{"file_path":"/home/u/proj/src/a.ts","old_string":"a","new_string":"b"}""", "file:edit:src")]
    [InlineData("MultiEdit", """{"file_path":"/home/u/proj/src/a.ts","edits":[]}""", "file:edit:src")]
    [InlineData("NotebookEdit", """{"notebook_path":"/home/u/proj/nb/a.ipynb","new_source":"x"}""", "file:edit:nb")]
    [InlineData("Glob", """{"pattern":"lib/**/*.ex"}""", "search:glob:all")]
    [InlineData("Grep", """{"pattern":"foo","path":"/home/u/proj/deps/otel_api/src"}""", "search:grep:deps/otel_api")]
    [InlineData("LS", """{"path":"/home/u/proj/priv"}""", "file:list:priv")]
    [InlineData("Task", """{"subagent_type":"Explore","prompt":"look"}""", "agent:task:Explore")]
    [InlineData("Agent", """{"subagent_type":"general-purpose","prompt":"look"}""", "agent:task:general-purpose")]
    [InlineData("WebFetch", """{"url":"https://hexdocs.pm/x/y.html","prompt":"?"}""", "web:fetch:hexdocs.pm")]
    [InlineData("WebSearch", """{"query":"elixir otel"}""", "web:search:all")]
    [InlineData("TodoWrite", """{"todos":[]}""", "agent:todo:all")]
    [InlineData("mcp__github__create_issue", """{"title":"x"}""", "mcp:github:create_issue")]
    [InlineData("Bash", """{"command":"cd /home/u/proj/assets && npm test"}""", "test:npm:assets")]
    public void ClaudeCodeToolsGetSignatures(string tool, string json, string expected)
    {
        Assert.Equal(expected, Sig("claude", tool, json));
    }

    [Theory]
    [InlineData("echo COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT && git add -A && git diff --cached", "agent:finish:all")]
    [InlineData("echo MINI_SWE_AGENT_FINAL_OUTPUT && git diff", "agent:finish:all")]
    [InlineData("echo done && git diff --cached", "vcs:git:diff")]
    public void MiniSweAgentsSubmissionIsTheFinishStep(string command, string expected)
    {
        Assert.Equal(expected, Sig("mini-swe-agent", "bash", System.Text.Json.JsonSerializer.Serialize(new { command }), cwd: null, root: null));
    }

    [Fact]
    public void ReadingTheSameFolderFromAnotherWorktreeGivesTheSameTarget()
    {
        var here = Sig("claude", "Read", """{"file_path":"/home/u/proj/lib/spotter_web/live/a.ex"}""");
        var elsewhere = Sig("claude", "Read", """{"file_path":"/home/u/worktrees/proj-2/lib/spotter_web/live/b.ex"}""");

        Assert.Equal("file:read:lib/spotter_web", here);
        Assert.Equal(here, elsewhere);
    }

    [Theory]
    [InlineData("exec_command", """{"cmd":"pytest -q tests","workdir":"/home/u/proj"}""", "test:pytest:all")]
    [InlineData("shell", """{"command":["bash","-lc","cargo test -p core"]}""", "test:cargo:core")]
    [InlineData("shell", """{"command":["git","status"]}""", "vcs:git:status")]
    [InlineData("apply_patch", """{"input":"*** Begin Patch\n*** Update File: src/app/main.py\n@@\n-a\n+b\n*** End Patch"}""", "file:edit:src/app")]
    [InlineData("update_plan", """{"plan":[]}""", "agent:todo:all")]
    [InlineData("exec_command", "[REDACTED_ARGUMENTS len=456 sha=df6be51a]", "other:exec_command:all")]
    public void CodexToolsGetSignatures(string tool, string json, string expected)
    {
        Assert.Equal(expected, Sig("codex", tool, json));
    }

    [Fact]
    public void CodexApplyPatchThroughTheShellNamesItsFiles()
    {
        var call = new ToolInvocation("codex", "exec_command", null, "apply_patch <<'EOF'\n*** Begin Patch\n*** Add File: docs/new.md\n+hi\n*** End Patch\nEOF", Root, Root);

        var signature = OperationClassifier.Classify(call);

        Assert.Equal("file:write:docs", signature.ToString());
        Assert.Equal(["docs/new.md"], signature.Paths);
    }

    [Theory]
    [InlineData("open src/marshmallow/fields.py 1474", "file:read:src/marshmallow")]
    [InlineData("open \"/testbed/src/marshmallow/fields.py\"", "file:read:src/marshmallow")]
    [InlineData("goto 120", "file:read:current")]
    [InlineData("scroll_down", "file:read:current")]
    [InlineData("create reproduce.py\n", "file:write:reproduce.py")]
    [InlineData("edit 1475:1475\n        return int(round(x))\nend_of_edit", "file:edit:current")]
    [InlineData("str_replace_editor view /testbed/src/a.py", "file:read:src")]
    [InlineData("str_replace_editor create /testbed/tests/test_x.py --file_text 'x'", "file:write:tests")]
    [InlineData("str_replace_editor str_replace /testbed/pkg/mod.py --old_str a --new_str b", "file:edit:pkg")]
    [InlineData("find_file fields.py src", "search:find_file:src")]
    [InlineData("search_dir \"TimeDelta\" src", "search:search_dir:src")]
    [InlineData("search_file \"round\"", "search:search_file:current")]
    [InlineData("submit", "agent:finish:all")]
    [InlineData("python reproduce.py", "run:python:reproduce.py")]
    [InlineData("pytest tests/test_fields.py -q", "test:pytest:all")]
    public void SweAgentActionsGetSignatures(string action, string expected)
    {
        Assert.Equal(expected, Sig("swe-agent", string.Empty, null, action, "/testbed", "/testbed"));
    }

    [Fact]
    public void SweAgentFunctionCallsUseTheirArguments()
    {
        Assert.Equal("search:find_file:src", Sig("swe-agent", "find_file", """{"file_name":"fields.py","dir":"src"}""", null, "/testbed", "/testbed"));
        Assert.Equal("file:write:reproduce.py", Sig("swe-agent", "create", """{"filename":"reproduce.py"}""", null, "/testbed", "/testbed"));
        Assert.Equal("run:python:reproduce.py", Sig("swe-agent", "bash", """{"command":"python reproduce.py"}""", null, "/testbed", "/testbed"));
    }

    [Theory]
    [InlineData("run", """{"command":"cd /workspace/ponyc && make","blocking":false}""", "build:make:all")]
    [InlineData("read", """{"path":"/workspace/ponyc/src/libponyc/ast/parser.c","view_range":null}""", "file:read:src/libponyc")]
    [InlineData("edit", """{"path":"/workspace/ponyc/packages/cli/command_parser.pony","command":"str_replace"}""", "file:edit:packages/cli")]
    [InlineData("write", """{"path":"/workspace/game_2048.py","content":""}""", "file:write:game_2048.py")]
    [InlineData("run_ipython", """{"code":"print(1)"}""", "run:ipython:all")]
    [InlineData("browse", """{"url":"http://localhost:3000/x"}""", "web:fetch:localhost")]
    [InlineData("finish", """{"outputs":{}}""", "agent:finish:all")]
    public void OpenHandsActionsGetSignatures(string action, string json, string expected)
    {
        Assert.Equal(expected, Sig("openhands", action, json, null, "/workspace", null));
    }

    [Theory]
    [InlineData("/run pytest tests/test_io.py", "test:pytest:all")]
    [InlineData("/test make check", "test:make:check")]
    [InlineData("/test ./run.sh", "test:run:all")]
    [InlineData("/add aider/coders/base_coder.py", "file:read:aider/coders")]
    [InlineData("/commit", "vcs:git:commit")]
    [InlineData("/web https://aider.chat/docs", "web:fetch:aider.chat")]
    [InlineData("/ask why", "agent:aider:ask")]
    public void AiderCommandsGetSignatures(string command, string expected)
    {
        Assert.Equal(expected, Sig("aider", "command", null, command));
    }

    [Fact]
    public void MiniSweAgentBashBlocksAreShellCommands()
    {
        Assert.Equal("file:read:django/db", Sig("mini-swe-agent", "bash", null, "nl -ba django/db/models/query.py | sed -n '1211,1213p'", "/testbed", "/testbed"));
        Assert.Equal("test:runtests:model_fields", Sig("mini-swe-agent", "bash", null, "cd /testbed && python tests/runtests.py model_fields.test_jsonfield", "/testbed", "/testbed"));
    }

    [Fact]
    public void UnknownToolsAndMalformedInputStillGetAStableSignature()
    {
        Assert.Equal("other:frobnicate:all", Sig("someagent", "Frobnicate", "{not json"));
        Assert.Equal("other:bash:all", Sig("claude", "Bash", "{}"));
        Assert.Equal("other:shell:all", Sig("claude", "Bash", null, "   "));
    }
}
