namespace Hearsay.Cli;

/// <summary>A user-facing error: its message is printed as one line on stderr, with no stack trace.</summary>
public sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
