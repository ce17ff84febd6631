using Outloop.Patterns.Signatures;

namespace Outloop.Tests.Patterns.Signatures;

public sealed class ShellCommandParserTests
{
    [Fact]
    public void SingleAndDoubleQuotesAreRemovedAndKeepBlanksInsideOneWord()
    {
        var commands = ShellCommandParser.Parse("git commit -m 'fix: a b' --author \"Ann \\\"A\\\" Lee\" it\\'s");

        var argv = Assert.Single(commands).Argv;
        Assert.Equal(["git", "commit", "-m", "fix: a b", "--author", "Ann \"A\" Lee", "it's"], argv);
    }

    [Fact]
    public void EnvironmentPrefixesAreAssignmentsNotTheProgram()
    {
        var command = Assert.Single(ShellCommandParser.Parse("MIX_ENV=test FOO=\"a b\" mix test --seed 0"));

        Assert.Equal(["MIX_ENV=test", "FOO=a b"], command.Assignments);
        Assert.Equal(["mix", "test", "--seed", "0"], command.Argv);
    }

    [Fact]
    public void CdBeforeAndAndGivesTheFollowingCommandsTheirFolder()
    {
        var commands = ShellCommandParser.Parse("cd assets && npm install highlight.js && cd ../lib; ls");

        Assert.Equal(4, commands.Count);
        Assert.Null(commands[0].WorkingFolder);
        Assert.Equal("assets", commands[1].WorkingFolder);
        Assert.Equal(ShellOperator.And, commands[1].PrecededBy);
        Assert.Equal("assets/../lib", commands[3].WorkingFolder);
        Assert.Equal(ShellOperator.Sequence, commands[3].PrecededBy);
    }

    [Fact]
    public void OperatorsBetweenCommandsAreRecorded()
    {
        var commands = ShellCommandParser.Parse("a || b | c |& d & e; f\ng");

        Assert.Equal(
            [ShellOperator.None, ShellOperator.Or, ShellOperator.Pipe, ShellOperator.Pipe, ShellOperator.Background, ShellOperator.Sequence, ShellOperator.Sequence],
            commands.Select(c => c.PrecededBy));
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g"], commands.Select(c => c.Argv[0]));
    }

    [Fact]
    public void RedirectionsAreNotArguments()
    {
        var command = Assert.Single(ShellCommandParser.Parse("mix test 2>&1 >out.log 2>> err.txt &>/dev/null < in.txt"));

        Assert.Equal(["mix", "test"], command.Argv);
        Assert.Collection(
            command.Redirections,
            r => Assert.Equal((2, ">&", "1"), (r.Fd!.Value, r.Operator, r.Target)),
            r => Assert.Equal((">", "out.log", true), (r.Operator, r.Target, r.WritesFile)),
            r => Assert.Equal((2, ">>", "err.txt"), (r.Fd!.Value, r.Operator, r.Target)),
            r => Assert.Equal(("&>", "/dev/null", false), (r.Operator, r.Target, r.WritesFile)),
            r => Assert.Equal(("<", "in.txt", true), (r.Operator, r.Target, r.ReadsFile)));
    }

    [Fact]
    public void HeredocBodyIsAttachedAndItsLinesAreNotCommands()
    {
        const string Script = "cat <<'EOF' > reproduce.py\nimport os; rm -rf /\nprint(\"it's (fine\")\nEOF\npython reproduce.py";

        var commands = ShellCommandParser.Parse(Script);

        Assert.Equal(2, commands.Count);
        var heredoc = commands[0].Redirections[0];
        Assert.True(heredoc.IsHeredoc);
        Assert.Equal("EOF", heredoc.Target);
        Assert.Equal("import os; rm -rf /\nprint(\"it's (fine\")\n", heredoc.HeredocBody);
        Assert.Equal(("reproduce.py", true), (commands[0].Redirections[1].Target, commands[0].Redirections[1].WritesFile));
        Assert.Equal(["python", "reproduce.py"], commands[1].Argv);
    }

    [Fact]
    public void HeredocInsideCommandSubstitutionInsideDoubleQuotesDoesNotChoke()
    {
        const string Script = "git add a.ex && git commit -m \"$(cat <<'EOF'\nfeat: don't (break) \"quotes\"\n\nCo-Authored-By: X\nEOF\n)\" && git push";

        var commands = ShellCommandParser.Parse(Script);

        var outer = commands.Where(c => !c.InSubstitution).Select(c => string.Join(' ', c.Argv.Take(2))).ToList();
        Assert.Equal(["git add", "git commit", "git push"], outer);
        var inner = Assert.Single(commands, c => c.InSubstitution);
        Assert.Equal("cat", inner.Argv[0]);
        Assert.Contains("don't (break)", inner.Redirections[0].HeredocBody, StringComparison.Ordinal);
        var commit = commands.Single(c => c.Argv is [_, "commit", ..]);
        Assert.StartsWith("$(cat <<'EOF'", commit.Argv[3], StringComparison.Ordinal);
        Assert.Equal(ShellOperator.And, commands.Single(c => c.Argv is [_, "push"]).PrecededBy);
    }

    [Fact]
    public void SubshellsAndSubstitutionsKeepTheOuterFolder()
    {
        var commands = ShellCommandParser.Parse("(cd web && npm test) && echo $(cd x; pwd) `date` && make");

        Assert.Equal("web", commands.Single(c => c.Argv[0] == "npm").WorkingFolder);
        Assert.Equal(1, commands.Single(c => c.Argv[0] == "npm").SubshellDepth);
        Assert.True(commands.Single(c => c.Argv[0] == "pwd").InSubstitution);
        Assert.True(commands.Single(c => c.Argv[0] == "date").InSubstitution);
        Assert.Null(commands.Single(c => c.Argv[0] == "make").WorkingFolder);
    }

    [Fact]
    public void LineContinuationsCommentsAndGroupsAreUnderstood()
    {
        var commands = ShellCommandParser.Parse("pytest \\\n  tests/unit # run unit tests\n{ ruff check .; black --check .; }");

        Assert.Equal(["pytest", "tests/unit"], commands[0].Argv);
        Assert.Equal(["ruff", "check", "."], commands[1].Argv);
        Assert.Equal(["black", "--check", "."], commands[2].Argv);
    }

    [Fact]
    public void ControlFlowKeywordsAreNotPrograms()
    {
        var commands = ShellCommandParser.Parse("for f in a b; do python $f; done; if [ -f x ]; then cat x; fi");

        Assert.Equal(["python", "[", "cat"], commands.Select(c => c.Argv[0]));
    }

    [Theory]
    [InlineData("echo 'unterminated")]
    [InlineData("echo \"unterminated $(foo")]
    [InlineData("cat <<EOF\nno end")]
    [InlineData(")))(((")]
    [InlineData("&& || ; | &")]
    [InlineData("$((1 + 2)) ${x:-y} $'a\\nb'")]
    [InlineData("diff <(sort a) <(sort b) >(tee x)")]
    [InlineData("\\")]
    [InlineData("f() { echo hi; }; f")]
    public void MalformedOrUnusualInputNeverThrows(string command)
    {
        var commands = ShellCommandParser.Parse(command);

        Assert.NotNull(commands);
    }

    [Fact]
    public void ProcessSubstitutionIsAWordAndItsCommandsAreListed()
    {
        var commands = ShellCommandParser.Parse("diff <(sort a.txt) b.txt");

        var diff = commands.Single(c => !c.InSubstitution);
        Assert.Equal(["diff", "<(sort a.txt)", "b.txt"], diff.Argv);
        Assert.Contains(commands, c => c.InSubstitution && c.Argv[0] == "sort");
    }
}
