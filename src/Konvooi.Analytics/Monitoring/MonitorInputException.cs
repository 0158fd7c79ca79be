namespace Konvooi.Analytics.Monitoring;

/// <summary>
/// Wrong options or unreadable input for the monitor: the message is meant for the user as it is (the CLI
/// shows it and exits with code 1, like its own <c>CliUserException</c>).
/// </summary>
public sealed class MonitorInputException : Exception
{
    public MonitorInputException(string message) : base(message)
    {
    }

    public MonitorInputException(IReadOnlyList<string> problems) : base(string.Join('\n', problems))
    {
    }

    public MonitorInputException()
    {
    }

    public MonitorInputException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
