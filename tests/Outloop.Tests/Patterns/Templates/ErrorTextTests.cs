using Outloop.Patterns.Templates;

namespace Outloop.Tests.Patterns.Templates;

public sealed class ErrorTextTests
{
    [Fact]
    public void PythonTracebackYieldsItsExceptionLine()
    {
        const string text = """
            Traceback (most recent call last):
              File "/app/main.py", line 3, in <module>
                import missing_module
            ModuleNotFoundError: No module named 'missing_module'
            """;

        Assert.Equal("ModuleNotFoundError: No module named 'missing_module'", ErrorText.SalientLine(text));
    }

    [Fact]
    public void OutputWithoutAnErrorWordYieldsItsFirstLine()
    {
        Assert.Equal("exit status 2", ErrorText.SalientLine("\n  exit   status 2\nmore output\n"));
    }

    [Fact]
    public void OneLineCollapsesAllWhitespace()
    {
        Assert.Equal("a b c", ErrorText.OneLine("a\n  b\r\n\tc  "));
    }
}
