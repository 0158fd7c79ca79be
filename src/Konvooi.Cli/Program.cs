using Konvooi.Cli;
using Konvooi.Cli.Common;

return await KonvooiCli.RunAsync(args, CliConsole.System).ConfigureAwait(false);
