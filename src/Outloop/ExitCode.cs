namespace Outloop;

/// <summary>Process exit codes shared by every command.</summary>
public enum ExitCode
{
    /// <summary>The command did what it was asked.</summary>
    Ok = 0,

    /// <summary>An unexpected internal failure.</summary>
    InternalError = 1,

    /// <summary>The user asked for something that cannot be done (bad argument, missing file, bad config).</summary>
    UsageError = 2,

    /// <summary>The input held bad data and <c>--strict</c> was given.</summary>
    BadInput = 3,

    /// <summary>A configured gate refused (a check failed, a budget was exceeded).</summary>
    GateFailed = 4,
}
