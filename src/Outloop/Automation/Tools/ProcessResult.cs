namespace Outloop.Automation.Tools;

/// <summary>What a child process did. <see cref="ExitCode"/> is null when it never started or was killed.</summary>
internal sealed record ProcessResult(
    int? ExitCode,
    string Stdout,
    string Stderr,
    TimeSpan Duration,
    bool TimedOut,
    string? StartError)
{
    public bool Succeeded => StartError is null && !TimedOut && ExitCode == 0;

    /// <summary>Why it failed in a few words ("exit code 2", "timed out after 30s"), or null when it succeeded.</summary>
    public string? FailureReason =>
        StartError is not null ? $"could not start: {StartError}"
        : TimedOut ? $"timed out after {Duration.TotalSeconds:0.#}s"
        : ExitCode is { } code and not 0 ? $"exit code {code}"
        : null;
}
