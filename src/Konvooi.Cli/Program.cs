using Konvooi.Cli;
using Konvooi.Cli.Common;

PhaseClock.Start();
return await KonvooiCli.RunAsync(args, CliConsole.System).ConfigureAwait(false);
