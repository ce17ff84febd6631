using System.Text.RegularExpressions;

namespace Outloop.Outputs;

/// <summary>Line classes every reader shares: frames of code the agent did not write, lines that shout errors.</summary>
internal static partial class Frames
{
    /// <summary>A stack frame or path inside a dependency, the standard library or the runtime.</summary>
    public static bool IsLibrary(string line) => Library().IsMatch(line);

    /// <summary>A line that reports an error whatever the tool: kept by every reader when found outside failures.</summary>
    public static bool IsStrongError(string line) => StrongError().IsMatch(line);

    /// <summary>The words the generic reader never drops.</summary>
    public static bool HasErrorWord(string line) => ErrorWord().IsMatch(line);

    [GeneratedRegex(@"site-packages|dist-packages|[/\\]lib[/\\]python\d|<frozen |node_modules|node:internal|\(internal/|^\s+\(\w+ \d+\.\d+[\w.-]*\) |[/\\]rustc[/\\]|/go/src/(runtime|testing)/|^\s+at (app//)?(System|Microsoft|Xunit|NUnit|java|javax|jdk|sun|org\.junit|org\.apache|org\.gradle|junit|kotlin|kotlinx|org\.opentest4j|org\.assertj|org\.hamcrest)\.|/gems/|/ruby/\d|rubygems|/usr/lib/")]
    private static partial Regex Library();

    [GeneratedRegex(@"^\s*(Traceback \(most recent call last\):|panic: |fatal error:|fatal: |\*\* \(\w+(\.\w+)*\)|error(\[\w+\])?: |Error: |ERROR:? |FATAL|Exception in thread|Unhandled (exception|rejection|error)|An error occurred|[\w.]*(Error|Exception): )")]
    private static partial Regex StrongError();

    [GeneratedRegex(@"error|Error|ERROR|FAIL|failed|Failed|Traceback|panic|Exception")]
    private static partial Regex ErrorWord();
}
