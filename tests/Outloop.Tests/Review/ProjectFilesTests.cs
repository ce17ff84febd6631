using Outloop.Review;
using Outloop.Tests.Support;

namespace Outloop.Tests.Review;

public sealed class ProjectFilesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("../outside.md")]
    [InlineData(".outloop/../../outside.md")]
    [InlineData("/etc/passwd")]
    public void TargetLeavingTheProjectIsRefused(string target)
    {
        Directory.CreateDirectory(_folder.File("project"));
        var files = new ProjectFiles(_folder.File("project"));

        Assert.Throws<OutloopException>(() => files.Apply(target, "APPEND:\n- x"));
        Assert.False(File.Exists(_folder.File("outside.md")));
    }

    [Fact]
    public void SymlinkLeadingOutsideTheProjectIsRefused()
    {
        Directory.CreateDirectory(_folder.File("project/.outloop"));
        Directory.CreateDirectory(_folder.File("elsewhere"));
        Directory.CreateSymbolicLink(_folder.File("project/.outloop/guidelines"), _folder.File("elsewhere"));
        var files = new ProjectFiles(_folder.File("project"));

        var error = Assert.Throws<OutloopException>(() => files.Apply(".outloop/guidelines/coding.md", "APPEND:\n- x"));

        Assert.Contains("outside the project folder", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder.File("elsewhere")));
    }

    [Fact]
    public void AppendPrependAndReplaceChangeTheFileAndClaudeMdImportsTheGuidelineOnce()
    {
        var files = new ProjectFiles(_folder.Path);

        files.Apply(".outloop/guidelines/coding.md", "APPEND:\n- second");
        files.Apply(".outloop/guidelines/coding.md", "PREPEND:\n# Coding");
        files.Apply(".outloop/guidelines/coding.md", "APPEND:\n- third");
        files.ImportInClaudeMd(".outloop/guidelines/coding.md");
        files.ImportInClaudeMd(".outloop/guidelines/coding.md");
        files.Apply(".outloop/criteria/done.md", "REPLACE:\n- only");

        Assert.Equal("# Coding\n- second\n- third\n", File.ReadAllText(_folder.File(".outloop/guidelines/coding.md")));
        Assert.Equal("@.outloop/guidelines/coding.md\n", File.ReadAllText(_folder.File("CLAUDE.md")));
        Assert.Equal("- only\n", File.ReadAllText(_folder.File(".outloop/criteria/done.md")));
    }

    [Fact]
    public void AgentsMdKeepsTheUsersTextAndRewritesOnlyTheManagedSection()
    {
        _folder.Write("AGENTS.md", "# Mine\n");
        var files = new ProjectFiles(_folder.Path);

        files.Apply("AGENTS.md", "APPEND:\n- one");
        files.Apply("AGENTS.md", "REPLACE:\n- two");

        Assert.Equal($"# Mine\n{ProjectFiles.ManagedBegin}\n- two\n{ProjectFiles.ManagedEnd}\n", File.ReadAllText(_folder.File("AGENTS.md")));
    }

    [Fact]
    public void PublishingGuidelinesImportsEachInClaudeMdAndFillsAgentsMdManagedSectionOnly()
    {
        _folder.Write(".outloop/guidelines/coding.md", "- Run mix compile before finishing\n");
        _folder.Write(".outloop/guidelines/testing.md", "- Run the failing test first\n");
        _folder.Write("CLAUDE.md", "# Project notes\n");
        _folder.Write("AGENTS.md", "# Mine\nkeep me\n");
        var files = new ProjectFiles(_folder.Path);

        var changed = files.PublishGuidelines(createAgentsMd: false);

        Assert.Equal(["CLAUDE.md", "AGENTS.md"], changed);
        Assert.Equal("# Project notes\n@.outloop/guidelines/coding.md\n@.outloop/guidelines/testing.md\n", File.ReadAllText(_folder.File("CLAUDE.md")));
        Assert.Equal(
            $"# Mine\nkeep me\n{ProjectFiles.ManagedBegin}\n- Run mix compile before finishing\n- Run the failing test first\n{ProjectFiles.ManagedEnd}\n",
            File.ReadAllText(_folder.File("AGENTS.md")));
        Assert.Empty(files.PublishGuidelines(createAgentsMd: false));
    }

    [Fact]
    public void AgentsMdIsCreatedOnlyWhenAsked()
    {
        _folder.Write(".outloop/guidelines/coding.md", "- one\n");
        var files = new ProjectFiles(_folder.Path);

        Assert.Equal(["CLAUDE.md"], files.PublishGuidelines(createAgentsMd: false));
        Assert.False(File.Exists(_folder.File("AGENTS.md")));
        Assert.Equal(["AGENTS.md"], files.PublishGuidelines(createAgentsMd: true));
        Assert.Contains("- one", File.ReadAllText(_folder.File("AGENTS.md")), StringComparison.Ordinal);
    }
}
