namespace Konvooi.Cli.Common;

/// <summary>Exit codes of every command (../shared/design/cli-conventions.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int Unexpected = 2;
}
