namespace Konvooi.Cli.Common;

/// <summary>Bad input or wrong usage: the message is shown as it is and the exit code is 1.</summary>
public sealed class CliUserException : Exception
{
    public CliUserException(string message) : base(message)
    {
    }

    public CliUserException(IReadOnlyList<string> problems) : base(string.Join('\n', problems))
    {
    }

    public CliUserException()
    {
    }

    public CliUserException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
