using Outloop.Patterns;

namespace Outloop.Tests.Patterns.Roles;

public sealed class ShellWritesTests
{
    [Theory]
    [InlineData("cat <<'EOF' > reproduce_issue.py\nprint(1)\nEOF", "reproduce_issue.py")]
    [InlineData("sed -i 's/a/b/' django/utils/dateparse.py", "django/utils/dateparse.py")]
    [InlineData("sed -i -e 's/a/b/' -e 's/c/d/' x.py y.py", "x.py|y.py")]
    [InlineData("sed -i.bak 's/a/b/' x.py && python3 reproduce_issue.py", "x.py")]
    [InlineData("perl -pi -e 's/a/b/' lib/a.pm", "lib/a.pm")]
    [InlineData("echo x | tee -a notes.txt", "notes.txt")]
    [InlineData("sed -n '1,10p' x.py", "")]
    [InlineData("python3 reproduce_issue.py > /dev/null 2>&1", "")]
    [InlineData("bash -c \"sed -i 's/a/b/' x.py\"", "x.py")]
    public void WritesHiddenInAShellLineAreFound(string command, string expected)
    {
        Assert.Equal(expected, string.Join('|', ShellWrites.Files(command)));
    }

    [Theory]
    [InlineData("cat <<'EOF' > fix.py\nwith open('a.py') as f:\n    s = f.read()\nwith open('a.py', 'w') as f:\n    f.write(s)\nEOF", true)]
    [InlineData("python3 -c \"from pathlib import Path; p = Path('a.py'); p.write_text(p.read_text().replace('x', 'y'))\"", true)]
    [InlineData("cat <<'EOF' > reproduce_issue.py\nfrom a import f\nprint(f())\nEOF", false)]
    [InlineData("cat <<'EOF' > repro.py\nwith open('conf.py', 'w') as f:\n    f.write('x')\nEOF", false)]
    public void CodeThatReadsAFileAndWritesOneBackIsAnEditor(string command, bool expected)
    {
        Assert.Equal(expected, ShellWrites.CodeRewritesFiles(command));
    }
}
