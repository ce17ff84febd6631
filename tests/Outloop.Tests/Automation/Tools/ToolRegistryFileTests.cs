using Outloop.Automation.Tools;
using Outloop.Tests.Support;

namespace Outloop.Tests.Automation.Tools;

public sealed class ToolRegistryFileTests
{
    private const string Sample = """
        # a comment
        tools:
          - name: run-tests
            command: ["bash", "scripts/run_tests.sh"]
            description: Run the test suite and report failures only.
            input_patterns: ["run the tests", "pytest"]
          - name: git-summary
            command: ["bash", "scripts/git_summary.sh"]
            description: Summarise the working tree: branch, changed files, last commits.
            input_patterns: ["git status", "what changed"]
            parameters:
              - name: since
                pattern: '[0-9]+'
                flag: --since
                after: [since]
            timeout_seconds: 30
            agent_tokens: 12000
            status: disabled
        """;

    [Fact]
    public void ReadsTheRegistryFormatIncludingUnquotedColonsInValues()
    {
        var registry = ToolRegistryFile.Parse(Sample, "tools.yaml");

        Assert.Equal(["run-tests", "git-summary"], registry.Tools.Select(t => t.Name));
        var summary = registry.Find("git-summary")!;
        Assert.Equal(["bash", "scripts/git_summary.sh"], summary.Command);
        Assert.Equal("Summarise the working tree: branch, changed files, last commits.", summary.Description);
        Assert.Equal(["git status", "what changed"], summary.InputPatterns);
        Assert.Equal(TimeSpan.FromSeconds(30), summary.Timeout);
        Assert.Equal(12000, summary.AgentTokens);
        Assert.Equal(ToolStatus.Disabled, summary.Status);
        var since = Assert.Single(summary.Parameters);
        Assert.Equal(("since", "[0-9]+", "--since"), (since.Name, since.Pattern, since.Flag));
        Assert.Equal(["since"], since.After);
    }

    [Fact]
    public void SavedRegistryReadsBackTheSame()
    {
        using var folder = new TempFolder();
        var path = folder.File(".outloop/tools.yaml");
        var registry = ToolRegistryFile.Parse(Sample, "tools.yaml");

        ToolRegistryFile.Save(path, registry);
        var again = ToolRegistryFile.Load(path);

        Assert.Equal(ToolRegistryFile.Serialize(registry), ToolRegistryFile.Serialize(again));
        Assert.Equal(registry.Tools[1].Description, again.Tools[1].Description);
        Assert.Equal(registry.Tools[1].Parameters[0].Pattern, again.Tools[1].Parameters[0].Pattern);
        Assert.Equal(registry.Tools[1].Status, again.Tools[1].Status);
    }

    [Theory]
    [InlineData("tools:\n  - name: a\n    description: x\n", "t.yaml:2: tools[0].command: is required")]
    [InlineData("tools:\n  - name: a\n    command: []\n", "t.yaml:3: tools[0].command: must be a non-empty list")]
    [InlineData("tools:\n  - name: a\n    command: [x]\n    inputs: [y]\n", "t.yaml:4: tools[0].inputs: unknown field")]
    [InlineData("tools:\n  - name: a\n    command: [x]\n  - name: a\n    command: [y]\n", "t.yaml:4: tools[1].name: 'a' is already defined on line 2")]
    [InlineData("tools:\n  - name: a\n    command: [x]\n    parameters:\n      - name: p\n        pattern: '[a-'\n", "t.yaml:6: tools[0].parameters[0].pattern: not a valid regular expression")]
    [InlineData("tools:\n  - name: a\n    command: [x]\n    status: sleeping\n", "t.yaml:4: tools[0].status: 'sleeping' must be")]
    [InlineData("tools:\n  - name: Bad Name\n    command: [x]\n", "t.yaml:2: tools[0].name: 'Bad Name' must be")]
    [InlineData("tools:\n  - name: a\n    command: [x\n", "t.yaml:")]
    public void ErrorsNameTheFileTheLineAndTheField(string yaml, string expected)
    {
        var error = Assert.Throws<OutloopException>(() => ToolRegistryFile.Parse(yaml, "t.yaml"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFileIsAnEmptyRegistry() => Assert.Empty(ToolRegistryFile.Parse("", "t.yaml").Tools);
}
