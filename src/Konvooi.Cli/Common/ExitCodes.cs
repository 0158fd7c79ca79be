namespace Konvooi.Cli.Common;

/// <summary>Exit codes of every command (docs/cli.md): 0 success, 1 bad input or usage, 2 unexpected failure.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int Unexpected = 2;
}
