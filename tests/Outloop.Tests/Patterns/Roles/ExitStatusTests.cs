using Outloop.Patterns;

namespace Outloop.Tests.Patterns.Roles;

public sealed class ExitStatusTests
{
    [Theory]
    [InlineData("<returncode>1</returncode>\n<output>\n</output>", 1)]
    [InlineData("<returncode>0</returncode>\n<output>\nok\n</output>", 0)]
    [InlineData("Exit code 2\nerror: boom", 2)]
    [InlineData("no code here", null)]
    public void TheExitCodeIsReadFromMiniSweAgentAndClaudeCodeResults(string text, int? expected)
    {
        Assert.Equal(expected, ExitStatus.Code(text));
    }

    [Theory]
    [InlineData("grep -n \"def foo\" src/a.py", 1, true)]
    [InlineData("ls -R | grep polylog", 1, true)]
    [InlineData("cat a.py | grep foo | grep -v bar", 1, true)]
    [InlineData("git grep -n foo", 1, true)]
    [InlineData("find tests -name '*.py' | xargs grep -l parse_duration", 123, true)]
    [InlineData("find sympy/physics/secondquant -maxdepth 2", 1, true)]
    [InlineData("diff a.txt b.txt", 1, true)]
    [InlineData("test -f setup.py", 1, true)]
    [InlineData("grep -r foo missing/", 2, false)]
    [InlineData("grep foo a.py && python a.py", 1, false)]
    [InlineData("pytest tests/test_a.py", 1, false)]
    [InlineData("python reproduce_issue.py | grep Error", 2, false)]
    [InlineData("bash -c 'grep foo a.py'", 1, true)]
    public void OnlyTheAnswerCodesOfSearchesDiffsAndTestsAreNotFailures(string command, int code, bool answer)
    {
        Assert.Equal(answer, ExitStatus.IsAnswer(command, code));
    }

    [Fact]
    public void TheErrorTextLosesMiniSweAgentsWrappers()
    {
        var text = "<returncode>1</returncode>\n<warning>\nThe output of your last command was too long.\n</warning><output_head>\nline 1\n</output_head>\n<elided_chars>\n500 characters elided\n</elided_chars>\n<output_tail>\nValueError: bad\n</output_tail>";

        var output = ExitStatus.Output(text);

        Assert.DoesNotContain("<", output, StringComparison.Ordinal);
        Assert.DoesNotContain("too long", output, StringComparison.Ordinal);
        Assert.Contains("ValueError: bad", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailureWithNoOutputReadsExitCodeForEveryAgent()
    {
        Assert.Equal("Exit code 1", ExitStatus.Output("<returncode>1</returncode>\n<output>\n</output>"));
        Assert.Equal("Exit code 1", ExitStatus.Output("Exit code 1"));
        Assert.Equal("boom", ExitStatus.Output("Exit code 1\nboom"));
    }
}
