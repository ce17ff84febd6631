using Outloop.Automation.Tools;

namespace Outloop.Tests.Automation.Tools;

public sealed class AgentCommandTests
{
    [Fact]
    public void SplitsTheConfiguredCommandAndAppendsTheTextAsOneArgument()
    {
        var agent = AgentCommand.Parse("claude -p --append-system-prompt 'be brief'");

        Assert.Equal(["claude", "-p", "--append-system-prompt", "be brief", "fix it; rm -rf /"], agent.For("fix it; rm -rf /"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("claude 'unclosed")]
    public void RefusesAnEmptyOrUnclosedCommand(string line) => Assert.Throws<OutloopException>(() => AgentCommand.Parse(line));
}
