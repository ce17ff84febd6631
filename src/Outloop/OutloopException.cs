namespace Outloop;

/// <summary>
/// An expected failure the user can act on: the message says what happened, where, and what to do next.
/// The CLI prints it without a stack trace and exits with <see cref="Code"/>.
/// </summary>
public sealed class OutloopException : Exception
{
    public OutloopException(string message, ExitCode code = ExitCode.UsageError)
        : base(message) => Code = code;

    public OutloopException(string message, Exception inner, ExitCode code = ExitCode.UsageError)
        : base(message, inner) => Code = code;

    public OutloopException()
        : this("Outloop failed.")
    {
    }

    public OutloopException(string message, Exception inner)
        : this(message, inner, ExitCode.UsageError)
    {
    }

    /// <summary>The exit code the process ends with.</summary>
    public ExitCode Code { get; }
}
