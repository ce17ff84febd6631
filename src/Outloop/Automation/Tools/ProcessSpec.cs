namespace Outloop.Automation.Tools;

/// <summary>A child process to run: an argument array (program first), a working folder and a time limit.</summary>
internal sealed record ProcessSpec(IReadOnlyList<string> Argv, string WorkingDirectory, TimeSpan Timeout)
{
    /// <summary>Characters of stdout and of stderr kept; the rest is read and dropped so the child never blocks.</summary>
    public int MaxCapturedChars { get; init; } = 1 << 20;
}
